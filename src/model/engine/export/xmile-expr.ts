// Print a resolved equation in XMILE 1.0 syntax (IF … THEN … ELSE, AND/OR/NOT, = and <>,
// MOD, SAFEDIV, `*` subscripts), with only the parentheses its precedence needs, so that
// reading it back gives the same tree (or one that computes the same numbers bit for bit).
import type { BinOp } from '../ast.ts';
import type { RExpr, RSub } from './resolve.ts';

const KEYWORDS = new Set(['if', 'then', 'else', 'and', 'or', 'not', 'mod']);

/** An XMILE identifier for a model name: spaces as underscores, quoted when it holds anything else. */
export function xmileIdent(name: string): string {
  const s = name.trim().replace(/\s+/g, '_');
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s) && !KEYWORDS.has(s.toLowerCase())) return s;
  return `"${name.trim().replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

// Precedence as XMILE (and our reader) parse it: higher binds tighter.
const PREC: Record<BinOp, number> = {
  or: 1, xor: 1, and: 2, '==': 3, '!=': 3, '<': 4, '<=': 4, '>': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, mod: 6, '^': 8,
};
const UNARY = 7;
const ATOM = 9;

const OP_TEXT: Partial<Record<BinOp, string>> = { '==': '=', '!=': '<>', and: 'AND', or: 'OR', mod: 'MOD' };

const SYMBOLS: Record<string, string> = {
  time: 'TIME', dt: 'DT', starttime: 'STARTTIME', stoptime: 'STOPTIME', initial_time: 'STARTTIME', final_time: 'STOPTIME',
  time_step: 'DT', pi: 'PI', inf: 'INF', infinity: 'INF',
};

// Builtins whose XMILE name differs from the upper-cased native one.
const NAMES: Record<string, string> = { xidz: 'SAFEDIV', zidz: 'SAFEDIV', asin: 'ARCSIN', acos: 'ARCCOS', atan: 'ARCTAN', floor: 'INT' };

interface Printed {
  text: string;
  prec: number;
}

/** XMILE text of `e` for the equation of `owner`. */
export function xmileExpr(e: RExpr, owner: string): string {
  return print(e, owner).text;
}

function wrap(p: Printed, min: number): string {
  return p.prec >= min ? p.text : `(${p.text})`;
}

function sub(s: RSub): string {
  if (s.k === 'elem') return xmileIdent(s.elem);
  if (s.k === 'dim') return xmileIdent(s.dim.display);
  return '*';
}

function print(e: RExpr, owner: string): Printed {
  switch (e.k) {
    case 'num':
      return { text: String(e.v), prec: ATOM };
    case 'sym':
      return { text: e.dim ? xmileIdent(e.dim.display) : SYMBOLS[e.name] ?? xmileIdent(e.name), prec: ATOM };
    case 'var':
      return { text: `${xmileIdent(e.v.spec.name)}${e.subs.length ? `[${e.subs.map(sub).join(', ')}]` : ''}`, prec: ATOM };
    case 'un': {
      const a = print(e.a, owner);
      if (e.op === '+') return a;
      return { text: `${e.op === '-' ? '-' : 'NOT '}${wrap(a, UNARY)}`, prec: UNARY };
    }
    case 'cond':
      return { text: `IF ${print(e.c, owner).text} THEN ${print(e.a, owner).text} ELSE ${print(e.b, owner).text}`, prec: 0 };
    case 'bin': {
      if (e.op === 'xor') {
        // XMILE has no XOR: "a and not b or b and not a" evaluates both twice; (a <> 0) <> (b <> 0) is the same 0/1.
        const ne = (x: RExpr): RExpr => ({ k: 'bin', op: '!=', a: x, b: { k: 'num', v: 0 } });
        return print({ k: 'bin', op: '!=', a: ne(e.a), b: ne(e.b) }, owner);
      }
      const p = PREC[e.op];
      const a = print(e.a, owner);
      const b = print(e.b, owner);
      if (e.op === '^') return { text: `${wrap(a, ATOM)}^${wrap(b, UNARY)}`, prec: p };
      return { text: `${wrap(a, p)} ${OP_TEXT[e.op] ?? e.op} ${wrap(b, p + 1)}`, prec: p };
    }
    case 'call':
      return printCall(e, owner);
  }
}

function printCall(e: Extract<RExpr, { k: 'call' }>, owner: string): Printed {
  const args = e.args.map((a) => print(a, owner).text);
  if (e.gf) return { text: `${xmileIdent(e.gf.spec.name)}(${args.join(', ')})`, prec: ATOM };
  switch (e.fn) {
    case 'if_then_else':
      return { text: `IF ${args[0]} THEN ${args[1]} ELSE ${args[2]}`, prec: 0 };
    case 'mod':
      return { text: `${wrap(print(e.args[0], owner), PREC.mod)} MOD ${wrap(print(e.args[1], owner), PREC.mod + 1)}`, prec: PREC.mod };
    case 'log':
      // LOG(x, base) is not XMILE; the engine computes it as ln(x) / ln(base).
      return { text: `LN(${args[0]}) / LN(${args[1]})`, prec: PREC['/'] };
    case 'ceil':
      return { text: `-INT(-${wrap(print(e.args[0], owner), UNARY)})`, prec: UNARY };
    case 'pi':
      return { text: 'PI', prec: ATOM };
    case 'inf':
      return { text: 'INF', prec: ATOM };
    default:
      return { text: `${NAMES[e.fn] ?? e.fn.toUpperCase()}(${args.join(', ')})`, prec: ATOM };
  }
}
