// Translate an XMILE expression into the native equation language: a small tokenizer and
// precedence parser for XMILE syntax (IF THEN ELSE, AND/OR/NOT, = and <>, MOD, quoted
// names, subscripts with `*` and `Dim.elem`), printed back fully parenthesised with
// canonical identifiers.
import { canonicalName } from '../engine/names.ts';
import { vensimInteger, vensimModulo } from '../engine/vensim-math.ts';
import { bracketDepth, depthMessage, ENGINE_LIMITS, isStackOverflow } from '../engine/limits.ts';

/** A translation failure with the 0-based position in the XMILE text. */
export class XmileExprError extends Error {
  constructor(message: string, readonly position: number) {
    super(message);
  }
}

type Tok = { t: 'num' | 'name' | 'qname' | 'op' | 'end'; s: string; pos: number };

const KEYWORDS = new Set(['if', 'then', 'else', 'and', 'or', 'not', 'mod']);

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '{') {
      // Comments in braces.
      const j = src.indexOf('}', i);
      i = j < 0 ? src.length : j + 1;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      toks.push({ t: 'num', s: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\' && j + 1 < src.length) {
          s += src[j + 1] === 'n' ? ' ' : src[j + 1];
          j += 2;
          continue;
        }
        s += src[j++];
      }
      if (j >= src.length) throw new XmileExprError('unterminated quoted name', i);
      toks.push({ t: 'qname', s, pos: i });
      i = j + 1;
      continue;
    }
    const id = /^[A-Za-z_\u00A0-\uFFFF][A-Za-z0-9_$\u00A0-\uFFFF]*/.exec(src.slice(i));
    if (id) {
      toks.push({ t: 'name', s: id[0], pos: i });
      i += id[0].length;
      continue;
    }
    const op = /^(<=|>=|<>|==|!=|[-+*/^()[\],<>=!.:])/.exec(src.slice(i));
    if (op) {
      toks.push({ t: 'op', s: op[0], pos: i });
      i += op[0].length;
      continue;
    }
    throw new XmileExprError(`unexpected character "${c}"`, i);
  }
  toks.push({ t: 'end', s: '', pos: src.length });
  return toks;
}

// Function names that differ between XMILE (and common vendor variants) and the native language.
const FN_ALIASES: Record<string, string> = {
  initial: 'init', integer: 'int', modulo: 'mod', smooth: 'smth1', smooth3: 'smth3', delay_fixed: 'delay',
  avg: 'mean', arctangent: 'arctan', random_uniform: 'random', random_normal: 'normal',
};

/**
 * Map a 0-based position in a translated equation back to the XMILE text it came from:
 * names keep their order through translation, so the k-th occurrence of a name in the
 * output is its k-th occurrence in the input. Undefined when the position is not at a name.
 */
export function mapPositionToXmile(xmile: string, translated: string, pos: number, mapName: (n: string) => string = (n) => n): number | undefined {
  let inToks: Tok[];
  try {
    inToks = tokenize(xmile);
  } catch {
    return undefined;
  }
  const ident = /[A-Za-z_][A-Za-z0-9_]*/y;
  ident.lastIndex = pos;
  const m = ident.exec(translated);
  if (!m || (pos > 0 && /[A-Za-z0-9_]/.test(translated[pos - 1]))) return undefined;
  const word = m[0];
  // Which occurrence of this word in the output is at `pos`?
  let nth = 0;
  const all = /[A-Za-z_][A-Za-z0-9_]*/g;
  for (let x = all.exec(translated); x && x.index < pos; x = all.exec(translated)) if (x[0] === word) nth++;
  const names = inToks.filter((t) => (t.t === 'name' || t.t === 'qname') && mapName(canonicalName(t.s)) === word);
  return names[nth]?.pos;
}

/**
 * A user-defined function (an XMILE macro): `has` says whether a canonical name is one,
 * `call` turns a call with translated arguments into the native expression of its result.
 */
export interface MacroCalls {
  has(fn: string): boolean;
  call(fn: string, args: string[], position: number): string;
}

/** Document-level options of a translation. */
export interface TranslateOptions {
  /** Expands calls of the file's macros. */
  macros?: MacroCalls;
  /** The file was written by Vensim: INT truncates toward zero, MOD/MODULO take the dividend's sign. */
  vensim?: boolean;
}

/**
 * Translate XMILE expression text; throws XmileExprError. `mapName` renames variable
 * references (canonical in, canonical out), e.g. to prefix the variables of a module.
 */
export function translateExpression(src: string, mapName: (name: string) => string = (n) => n, options: TranslateOptions = {}): string {
  // The translator descends recursively: refuse deep nesting before it overflows the stack.
  if (bracketDepth(src) > ENGINE_LIMITS.bracketDepth) throw new XmileExprError(depthMessage(), 0);
  try {
    return translateTokens(src, mapName, options);
  } catch (err) {
    if (isStackOverflow(err)) throw new XmileExprError(depthMessage(), 0);
    throw err;
  }
}

function translateTokens(src: string, mapName: (name: string) => string, { macros, vensim }: TranslateOptions): string {
  const toks = tokenize(src);
  const modulo = (a: string, b: string): string => (vensim ? vensimModulo(a, b) : `mod(${a}, ${b})`);
  let k = 0;
  const peek = (): Tok => toks[k];
  const isKw = (w: string): boolean => peek().t === 'name' && peek().s.toLowerCase() === w;
  const isOp = (o: string): boolean => peek().t === 'op' && peek().s === o;
  const expect = (o: string): void => {
    if (!isOp(o)) throw new XmileExprError(`expected "${o}"${peek().t === 'end' ? ' before the end' : ` at "${peek().s}"`}`, peek().pos);
    k++;
  };
  const expectKw = (w: string): void => {
    if (!isKw(w)) throw new XmileExprError(`expected ${w.toUpperCase()}`, peek().pos);
    k++;
  };

  const expr = (): string => {
    if (isKw('if')) {
      k++;
      const c = expr();
      expectKw('then');
      const a = expr();
      expectKw('else');
      const b = expr();
      return `IF_THEN_ELSE(${c}, ${a}, ${b})`;
    }
    return or();
  };
  // A chain of one left-associative operator (a + b - c, a and b and c) is one bracket,
  // not one per operator: a long sum would otherwise nest as deep as it is long.
  const or = (): string => {
    let a = and();
    let n = 0;
    while (isKw('or')) {
      k++;
      a = `${a} or ${and()}`;
      n++;
    }
    return n ? `(${a})` : a;
  };
  const and = (): string => {
    let a = eq();
    let n = 0;
    while (isKw('and')) {
      k++;
      a = `${a} and ${eq()}`;
      n++;
    }
    return n ? `(${a})` : a;
  };
  const eq = (): string => {
    let a = rel();
    for (;;) {
      if (isOp('=') || isOp('==')) {
        k++;
        a = `(${a} == ${rel()})`;
      } else if (isOp('<>') || isOp('!=')) {
        k++;
        a = `(${a} != ${rel()})`;
      } else return a;
    }
  };
  const rel = (): string => {
    let a = add();
    while (isOp('<') || isOp('<=') || isOp('>') || isOp('>=')) {
      const o = toks[k++].s;
      a = `(${a} ${o} ${add()})`;
    }
    return a;
  };
  const add = (): string => {
    let a = mul();
    let n = 0;
    while (isOp('+') || isOp('-')) {
      const o = toks[k++].s;
      a = `${a} ${o} ${mul()}`;
      n++;
    }
    return n ? `(${a})` : a;
  };
  const mul = (): string => {
    let a = unary();
    // Operands joined by * and / since the last MOD (which wraps everything before it).
    let n = 0;
    for (;;) {
      if (isOp('*') || isOp('/')) {
        const o = toks[k++].s;
        a = `${a} ${o} ${unary()}`;
        n++;
      } else if (isKw('mod')) {
        k++;
        a = modulo(n ? `(${a})` : a, unary());
        n = 0;
      } else return n ? `(${a})` : a;
    }
  };
  const unary = (): string => {
    if (isOp('-')) {
      k++;
      return `(-${unary()})`;
    }
    if (isOp('+')) {
      k++;
      return unary();
    }
    if (isKw('not')) {
      k++;
      return `(not ${unary()})`;
    }
    return pow();
  };
  const pow = (): string => {
    const a = primary();
    if (isOp('^')) {
      k++;
      return `(${a} ^ ${unary()})`;
    }
    return a;
  };
  const subscript = (): string => {
    if (isOp('*')) {
      k++;
      return ':';
    }
    const tk = peek();
    if (tk.t === 'num') {
      k++;
      return String(Number(tk.s));
    }
    if (tk.t !== 'name' && tk.t !== 'qname') throw new XmileExprError('expected a subscript', tk.pos);
    k++;
    let name = tk.s;
    if (isOp('.')) {
      // Dim.elem names an element explicitly.
      k++;
      const e = peek();
      if (e.t !== 'name' && e.t !== 'qname' && e.t !== 'num') throw new XmileExprError('expected an element after "."', e.pos);
      k++;
      name = e.s;
    }
    if (isOp('!')) k++;
    return /^\d+$/.test(name) ? name : canonicalName(name);
  };
  const primary = (): string => {
    const tk = peek();
    if (tk.t === 'num') {
      k++;
      const v = Number(tk.s);
      if (!Number.isFinite(v)) throw new XmileExprError(`bad number "${tk.s}"`, tk.pos);
      return String(v);
    }
    if (isOp('(')) {
      k++;
      const e = expr();
      expect(')');
      return `(${e})`;
    }
    if (isKw('if')) return expr();
    if (tk.t === 'name' || tk.t === 'qname') {
      if (tk.t === 'name' && KEYWORDS.has(tk.s.toLowerCase())) throw new XmileExprError(`unexpected ${tk.s.toUpperCase()}`, tk.pos);
      k++;
      let out: string;
      let fnName = tk.s;
      // A function name written with spaces (xmutil writes Vensim's macro calls so):
      // "EXPRESSION MACRO(x)" calls the macro EXPRESSION_MACRO when the file defines one.
      let words = 0;
      while (toks[k + words].t === 'name' && !KEYWORDS.has(toks[k + words].s.toLowerCase())) words++;
      if (words && toks[k + words].t === 'op' && toks[k + words].s === '(') {
        const spaced = [tk, ...toks.slice(k, k + words)].map((t) => t.s).join(' ');
        if (!macros?.has(canonicalName(spaced))) throw new XmileExprError(`"${spaced}" is not a function, and the file defines no macro of that name`, tk.pos);
        fnName = spaced;
        k += words;
      }
      if (isOp('(')) {
        k++;
        const args: string[] = [];
        if (!isOp(')')) {
          args.push(expr());
          while (isOp(',')) {
            k++;
            args.push(expr());
          }
        }
        expect(')');
        const fn = canonicalName(fnName);
        // The file's own macros come first: a macro may redefine a builtin (XMILE 1.0 §3.6).
        const native = FN_ALIASES[fn] ?? fn;
        if (macros?.has(fn)) out = macros.call(fn, args, tk.pos);
        else if (vensim && native === 'int' && args.length === 1) out = vensimInteger(args[0]);
        else if (vensim && native === 'mod' && args.length === 2) out = modulo(args[0], args[1]);
        else out = `${native}(${args.join(', ')})`;
      } else {
        out = mapName(canonicalName(tk.s));
      }
      if (isOp('[')) {
        k++;
        const subs = [subscript()];
        while (isOp(',')) {
          k++;
          subs.push(subscript());
        }
        expect(']');
        out = `${out}[${subs.join(', ')}]`;
      }
      return out;
    }
    if (tk.t === 'end') throw new XmileExprError('unexpected end of equation', tk.pos);
    throw new XmileExprError(`unexpected "${tk.s}"`, tk.pos);
  };

  const out = expr();
  if (peek().t !== 'end') throw new XmileExprError(`unexpected "${peek().s}"`, peek().pos);
  return out;
}
