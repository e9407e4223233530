// Print a resolved equation in Vensim syntax. Each construct is written as an expression
// Vensim (and SDEverywhere) computes exactly as the engine does, or refused: STEP, RAMP, XIDZ,
// ZIDZ become IF THEN ELSE on the engine's own tests (Vensim's STEP switches half a step early,
// its XIDZ tests |b| < 1e-6); comparisons used as numbers become IF THEN ELSE(c, 1, 0); sums
// over a dimension mark it with `!`; INITIAL and DELAY FIXED, which Vensim allows only as a
// whole equation, move into helper variables the caller writes.
import type { BinOp } from '../ast.ts';
import { BUILTINS } from '../builtins.ts';
import type { DimInfo } from '../dimensions.ts';
import type { ExportModel, ExportVar, RExpr, RSub } from './resolve.ts';
import { refuse } from './refusal.ts';

/** A name as Vensim writes it: bare when plain, else quoted. */
export function mdlName(name: string): string {
  const s = name.trim();
  if (/^[A-Za-z][A-Za-z0-9_ ]*$/.test(s) && !/ $/.test(s)) return s;
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** How fixed delays (DELAY in the engine, DELAY FIXED in Vensim) are written. */
export type FixedDelayMode = 'builtin' | 'pipeline';

/** A helper variable an equation needs (INITIAL, DELAY FIXED, or a stage of a delay pipeline). */
export interface MdlHelper {
  name: string;
  /** Dimensions of the helper (the owner's, for an apply-to-all equation). */
  dims: DimInfo[];
  equation: string;
  doc: string;
}

/** What printing one equation needs. */
export interface MdlCx {
  m: ExportModel;
  owner: ExportVar;
  /** Column name for messages ("x" or "x[a]"). */
  col: string;
  /** The owner's dimensions when the equation is apply-to-all; [] for one element or a scalar. */
  lhsDims: DimInfo[];
  helpers: MdlHelper[];
  /** Names taken in the file (lower case), for fresh helper names. */
  taken: Set<string>;
  fixedDelay: FixedDelayMode;
  /** Dimensions a surrounding SUM iterates: resolved key → the name written with `!`. */
  bang: Map<string, string>;
}

const FORMAT = 'Vensim .mdl';

function no(cx: MdlCx, construct: string): never {
  refuse(FORMAT, [{ variable: cx.col, construct }]);
}

const PREC: Partial<Record<BinOp, number>> = { '+': 5, '-': 5, '*': 6, '/': 6, '^': 8 };
const UNARY = 7;
const ATOM = 9;
const CMP: Partial<Record<BinOp, string>> = { '==': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

interface P {
  text: string;
  prec: number;
}

const wrap = (p: P, min: number) => (p.prec >= min ? p.text : `(${p.text})`);
const atom = (text: string): P => ({ text, prec: ATOM });

/** Vensim text of `e` as a number. */
export function mdlExpr(e: RExpr, cx: MdlCx): string {
  return value(e, cx).text;
}

function isBoolean(e: RExpr): boolean {
  return (e.k === 'bin' && (CMP[e.op] !== undefined || e.op === 'and' || e.op === 'or' || e.op === 'xor')) || (e.k === 'un' && e.op === 'not');
}

/** Text of `e` as a condition (true where the engine's value is not 0). */
function cond(e: RExpr, cx: MdlCx): string {
  if (e.k === 'bin') {
    const c = CMP[e.op];
    if (c) return `${wrap(value(e.a, cx), 5)} ${c} ${wrap(value(e.b, cx), 5)}`;
    if (e.op === 'and') return `(${cond(e.a, cx)}) :AND: (${cond(e.b, cx)})`;
    if (e.op === 'or') return `(${cond(e.a, cx)}) :OR: (${cond(e.b, cx)})`;
    if (e.op === 'xor') return `IF THEN ELSE(${cond(e.a, cx)}, 1, 0) <> IF THEN ELSE(${cond(e.b, cx)}, 1, 0)`;
  }
  if (e.k === 'un' && e.op === 'not') return `:NOT: (${cond(e.a, cx)})`;
  return `${wrap(value(e, cx), 5)} <> 0`;
}

function subText(s: RSub, cx: MdlCx): string {
  if (s.k === 'elem') return mdlName(s.elem);
  const key = s.k === 'wild' ? `*${s.dim.name}` : s.dim.name;
  const b = cx.bang.get(key);
  if (b !== undefined) return `${mdlName(b)}!`;
  if (s.k === 'wild') no(cx, `"${s.dim.display}[*]" outside a sum`);
  return mdlName(s.dim.display);
}

function refText(v: ExportVar, subs: RSub[], cx: MdlCx): string {
  return `${mdlName(v.spec.name)}${subs.length ? `[${subs.map((s) => subText(s, cx)).join(', ')}]` : ''}`;
}

function value(e: RExpr, cx: MdlCx): P {
  switch (e.k) {
    case 'num':
      return atom(String(e.v));
    case 'sym':
      return symbol(e, cx);
    case 'var':
      if (e.v.spec.gf && typeof e.v.spec.equation === 'string' && e.v.spec.equation.trim() === '') no(cx, `table "${e.v.spec.name}" used as a value`);
      return atom(refText(e.v, e.subs, cx));
    case 'un':
      if (e.op === 'not') return atom(`IF THEN ELSE(${cond(e, cx)}, 1, 0)`);
      if (e.op === '+') return value(e.a, cx);
      return { text: `-${wrap(value(e.a, cx), ATOM)}`, prec: UNARY };
    case 'cond':
      return atom(`IF THEN ELSE(${cond(e.c, cx)}, ${mdlExpr(e.a, cx)}, ${mdlExpr(e.b, cx)})`);
    case 'bin': {
      if (isBoolean(e)) return atom(`IF THEN ELSE(${cond(e, cx)}, 1, 0)`);
      if (e.op === 'mod') no(cx, 'MOD (Vensim MODULO truncates; the engine floors)');
      const p = PREC[e.op]!;
      const a = value(e.a, cx);
      const b = value(e.b, cx);
      // Unary minus is wrapped wherever it is an operand: Vensim's precedence for it varies by version.
      if (e.op === '^') return { text: `${wrap(a, ATOM)}^${wrap(b, ATOM)}`, prec: p };
      return { text: `${wrap(a, a.prec === UNARY ? ATOM : p)} ${e.op} ${wrap(b, b.prec === UNARY ? ATOM : p + 1)}`, prec: p };
    }
    case 'call':
      return call(e, cx);
  }
}

function symbol(e: Extract<RExpr, { k: 'sym' }>, cx: MdlCx): P {
  if (e.dim) no(cx, `dimension "${e.dim.display}" used as a number (Vensim has no element position value)`);
  switch (e.name) {
    case 'time': return atom('Time');
    case 'dt': case 'time_step': return atom('TIME STEP');
    case 'starttime': case 'initial_time': return atom('INITIAL TIME');
    case 'stoptime': case 'final_time': return atom('FINAL TIME');
    case 'pi': return atom(String(Math.PI));
    default: return no(cx, `"${e.name}" (no Vensim equivalent)`);
  }
}

/** Value of a compile-time constant argument (a number or a scalar constant), else undefined. */
function constantValue(e: RExpr, cx: MdlCx): number | undefined {
  if (e.k === 'num') return e.v;
  if (e.k === 'un' && e.op === '-') {
    const a = constantValue(e.a, cx);
    return a === undefined ? undefined : -a;
  }
  if (e.k === 'var' && e.subs.length === 0 && typeof e.v.spec.equation === 'string' && !e.v.spec.gf && e.v.spec.kind === 'aux') {
    const t = e.v.spec.equation.trim();
    if (/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  }
  return undefined;
}

/** A fresh helper name derived from the owner's. */
function fresh(cx: MdlCx, stem: string): string {
  // Written like the owner's name: with spaces when it has them, else with underscores.
  const owner = cx.owner.spec.name.trim().replace(/"/g, '');
  const sep = /\s/.test(owner) ? ' ' : '_';
  const base = `${owner} ${stem}`.replace(/\s+/g, sep);
  for (let i = 1; ; i++) {
    const name = `${base}${sep}${i}`;
    if (!cx.taken.has(name.toLowerCase().replace(/[\s_]+/g, ' '))) {
      cx.taken.add(name.toLowerCase().replace(/[\s_]+/g, ' '));
      return name;
    }
  }
}

function helperRef(name: string, cx: MdlCx): string {
  return `${mdlName(name)}${cx.lhsDims.length ? `[${cx.lhsDims.map((d) => mdlName(d.display)).join(', ')}]` : ''}`;
}

function addHelper(cx: MdlCx, stem: string, equation: string, doc: string): string {
  const name = fresh(cx, stem);
  cx.helpers.push({ name, dims: cx.lhsDims, equation, doc });
  return helperRef(name, cx);
}

const simple = (fn: string, args: string[]) => atom(`${fn}(${args.join(', ')})`);

function call(e: Extract<RExpr, { k: 'call' }>, cx: MdlCx): P {
  if (e.gf) return lookupCall(e.gf, mdlExpr(e.args[0], cx), cx);
  const kind = BUILTINS[e.fn]?.kind;
  if (kind === 'reduce') return reduce(e, cx);
  const a = e.args.map((x) => mdlExpr(x, cx));
  const fn = e.fn;
  switch (fn) {
    case 'abs': case 'exp': case 'ln': case 'sqrt': case 'sin': case 'cos': case 'tan': case 'arcsin': case 'arccos': case 'arctan':
      return simple(fn.toUpperCase(), a);
    case 'asin': case 'acos': case 'atan':
      return simple(`ARC${fn.slice(1).toUpperCase()}`, a);
    case 'power':
      return simple('POWER', a);
    case 'log':
      return { text: `LN(${a[0]}) / LN(${a[1]})`, prec: 6 };
    case 'xidz': case 'safediv':
      return atom(`IF THEN ELSE(${wrap(value(e.args[1], cx), 5)} = 0, ${a[2] ?? '0'}, ${wrap(value(e.args[0], cx), 6)} / ${wrap(value(e.args[1], cx), 7)})`);
    case 'zidz':
      return atom(`IF THEN ELSE(${wrap(value(e.args[1], cx), 5)} = 0, 0, ${wrap(value(e.args[0], cx), 6)} / ${wrap(value(e.args[1], cx), 7)})`);
    case 'if_then_else':
      return atom(`IF THEN ELSE(${cond(e.args[0], cx)}, ${a[1]}, ${a[2]})`);
    case 'step':
      // The engine's STEP: height from the first step at or after `start` (within dt·1e-6).
      return atom(`IF THEN ELSE(Time >= ${wrap(value(e.args[1], cx), 6)} - TIME STEP * 1e-6, ${a[0]}, 0)`);
    case 'ramp': {
      const end = e.args[2] ? `MIN(Time, ${a[2]})` : 'Time';
      return atom(`IF THEN ELSE(Time <= ${wrap(value(e.args[1], cx), 5)}, 0, ${wrap(value(e.args[0], cx), 6)} * (${end} - ${wrap(value(e.args[1], cx), 6)}))`);
    }
    case 'smth1': case 'smth3':
      return simple(`${fn === 'smth1' ? 'SMOOTH' : 'SMOOTH3'}${a.length > 2 ? 'I' : ''}`, a);
    case 'smthn':
      return simple('SMOOTH N', [a[0], a[1], a[3] ?? a[0], a[2]]);
    case 'delay1': case 'delay3':
      return simple(`${fn.toUpperCase()}${a.length > 2 ? 'I' : ''}`, a);
    case 'delayn':
      return simple('DELAY N', [a[0], a[1], a[3] ?? a[0], a[2]]);
    case 'trend':
      return simple('TREND', [a[0], a[1], a[2] ?? '0']);
    case 'init':
      return atom(addHelper(cx, 'initial', `INITIAL(${a[0]})`, `INITIAL value used in the equation of ${cx.col} (Vensim allows INITIAL only as a whole equation).`));
    case 'delay':
      return fixedDelay(e, a, cx);
    default:
      return no(cx, `${e.raw.toUpperCase()} (no exact Vensim equivalent)`);
  }
}

function lookupCall(gf: ExportVar, x: string, cx: MdlCx): P {
  const type = gf.spec.gf!.type ?? 'continuous';
  if (type === 'extrapolate') no(cx, `extrapolating graphical function "${gf.spec.name}" (Vensim lookups hold their end values)`);
  const table = mdlName(lookupTableName(gf, cx.m));
  return atom(type === 'discrete' ? `LOOKUP BACKWARD(${table}, ${x})` : `${table}(${x})`);
}

/** Name of the lookup table of a graphical-function variable: its own if it is only a table, else "<name> lookup". */
export function lookupTableName(gf: ExportVar, m: ExportModel): string {
  const s = gf.spec;
  if (typeof s.equation === 'string' && s.equation.trim() === '') return s.name;
  const sep = /\s/.test(s.name.trim()) ? ' ' : '_';
  let name = `${s.name}${sep}lookup`;
  const taken = (n: string) => m.vars.has(n.trim().toLowerCase().replace(/[\s_]+/g, '_'));
  for (let i = 2; taken(name); i++) name = `${s.name}${sep}lookup${sep}${i}`;
  return name;
}

function fixedDelay(e: Extract<RExpr, { k: 'call' }>, a: string[], cx: MdlCx): P {
  const tau = constantValue(e.args[1], cx);
  const dt = cx.m.spec.sim.dt;
  if (tau === undefined) no(cx, 'DELAY whose delay time is not a constant (its length in steps must be known to write it exactly)');
  const k = Math.max(1, Math.round(tau / dt));
  if (Math.abs(tau / dt - Math.round(tau / dt)) > 1e-9 || tau < dt) no(cx, `DELAY of ${tau}, not a whole number of steps of ${dt}`);
  const init = a[2] ?? a[0];
  if (cx.fixedDelay === 'builtin') {
    return atom(addHelper(cx, 'delay fixed', `DELAY FIXED(${a[0]}, ${a[1]}, ${init})`, `Fixed delay in the equation of ${cx.col} (Vensim allows DELAY FIXED only as a whole equation).`));
  }
  // A pipeline of k levels, each passing on last step's value: under Euler with this TIME STEP,
  // stage j at step n holds the input of step n − j, the engine's fixed delay exactly.
  let prev = a[0];
  let ref = '';
  const stem = fresh(cx, 'delay');
  for (let j = 1; j <= k; j++) {
    const sep = stem.includes(' ') ? ' ' : '_';
    const name = `${stem}${sep}stage${sep}${j}`;
    cx.taken.add(name.toLowerCase());
    ref = helperRef(name, cx);
    cx.helpers.push({
      name,
      dims: cx.lhsDims,
      equation: `INTEG((${prev} - ${ref}) / TIME STEP, ${init})`,
      doc: `Stage ${j} of ${k} of the fixed delay (${tau}) in ${cx.col}: the value of ${j} step(s) ago (exact under Euler at TIME STEP = ${dt}).`,
    });
    prev = ref;
  }
  return atom(ref);
}

function reduce(e: Extract<RExpr, { k: 'call' }>, cx: MdlCx): P {
  const fn = e.fn;
  if (e.args.length > 1) {
    const xs = e.args.map((x) => mdlExpr(x, cx));
    if (fn === 'min' || fn === 'max') return atom(xs.slice(1).reduce((acc, x) => `${fn.toUpperCase()}(${acc}, ${x})`, xs[0]));
    if (fn === 'mean') return { text: `(${e.args.map((x) => wrap(value(x, cx), 5)).join(' + ')}) / ${xs.length}`, prec: 6 };
    no(cx, `${e.raw.toUpperCase()} of several arguments`);
  }
  const arg = e.args[0];
  const keys = freeKeys(arg, cx);
  const bang = new Map(cx.bang);
  const used = new Set([...cx.lhsDims.map((d) => d.name), ...[...cx.bang.values()].map((n) => n.toLowerCase())]);
  let n = 1;
  for (const [key, dim] of keys) {
    n *= dim.elements.length;
    let name: string | undefined;
    if (!key.startsWith('*')) name = dim.display;
    else {
      // `x[*]`: sum over the dimension itself, or over an alias of it when the equation binds it.
      const candidates = [dim, ...[...cx.m.dims.values()].filter((d) => d !== dim && d.root === dim.root && d.elements.length === dim.elements.length && d.rootIndex.every((r, i) => r === dim.rootIndex[i]))];
      name = candidates.find((d) => !used.has(d.name) && ![...bang.values()].includes(d.display))?.display;
      if (!name) no(cx, `SUM over "${dim.display}" inside an equation over "${dim.display}" (needs an alias dimension for the summed index)`);
    }
    used.add(name.toLowerCase());
    bang.set(key, name);
  }
  const inner: MdlCx = { ...cx, bang };
  const body = mdlExpr(arg, inner);
  switch (fn) {
    case 'sum': return atom(`SUM(${body})`);
    case 'min': return atom(`VMIN(${body})`);
    case 'max': return atom(`VMAX(${body})`);
    case 'prod': return atom(`PROD(${body})`);
    case 'mean': return { text: `SUM(${body}) / ${n}`, prec: 6 };
    case 'size': return atom(String(n));
    default: return no(cx, `${e.raw.toUpperCase()} over an array (no exact Vensim equivalent)`);
  }
}

/** Keys of the dimensions a reduction's argument iterates that no surrounding reduction already does. */
function freeKeys(arg: RExpr, cx: MdlCx): Map<string, DimInfo> {
  const out = new Map<string, DimInfo>();
  const lhs = new Set(cx.lhsDims.map((d) => d.name));
  const visit = (x: RExpr): void => {
    switch (x.k) {
      case 'var':
        for (const s of x.subs) {
          if (s.k === 'elem') continue;
          const key = s.k === 'wild' ? `*${s.dim.name}` : s.dim.name;
          if (s.k === 'dim' && lhs.has(s.dim.name)) continue;
          if (!cx.bang.has(key) && !out.has(key)) out.set(key, s.dim);
        }
        return;
      case 'call':
        if (BUILTINS[x.fn]?.kind === 'reduce' && !x.gf && x.args.length === 1) return;
        x.args.forEach(visit);
        return;
      case 'bin': visit(x.a); visit(x.b); return;
      case 'un': visit(x.a); return;
      case 'cond': visit(x.c); visit(x.a); visit(x.b); return;
      default:
    }
  };
  visit(arg);
  return out;
}
