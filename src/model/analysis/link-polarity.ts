// Polarity of every causal link of a model (does more of the input mean more or less of the
// variable?), from the sign of the partial derivative of its equation. The derivative's sign
// is found on the equation's tree by sign rules (sum, product, quotient, power, monotone
// functions, delays and smoothing passing their input through), with the signs of the other
// terms taken from the values a run gave them. Where the sign depends on the state (a product
// with a term that changes sign, a comparison of two moving terms) the link is '?'.
// A stock's inflows are '+', its outflows '−'; its initial value and INIT() are no causal links.
import { parseEquation } from '../engine/parse.ts';
import { walk, type Expr } from '../engine/ast.ts';
import { canonicalName } from '../engine/names.ts';
import { BUILTIN_SYMBOLS } from '../engine/builtins.ts';
import type { GraphicalSpec, ModelSpec, VariableSpec } from '../engine/types.ts';
import { numericSlopes, type RunColumns } from './numeric-slope.ts';

export type { RunColumns };

/** Polarity of a causal link: same direction, opposite direction, or depending on the state. */
export type Polarity = '+' | '-' | '?';

/** A set of possible signs: bit 1 negative, bit 2 zero, bit 4 positive. */
type Signs = number;
const N = 1;
const Z = 2;
const P = 4;
const ANY = N | Z | P;

/** Signs of x + y for each pair of possible signs. */
function add(a: Signs, b: Signs): Signs {
  if (a === Z) return b;
  if (b === Z) return a;
  let out = 0;
  for (const x of [N, Z, P]) {
    if (!(a & x)) continue;
    for (const y of [N, Z, P]) {
      if (!(b & y)) continue;
      out |= x === Z ? y : y === Z ? x : x === y ? x : ANY;
    }
  }
  return out;
}

/** Signs of x × y. */
function mul(a: Signs, b: Signs): Signs {
  let out = 0;
  for (const x of [N, Z, P]) {
    if (!(a & x)) continue;
    for (const y of [N, Z, P]) {
      if (!(b & y)) continue;
      out |= x === Z || y === Z ? Z : x === y ? P : N;
    }
  }
  return out;
}

const neg = (a: Signs): Signs => (a & Z) | (a & N ? P : 0) | (a & P ? N : 0);
/** A derivative that is zero or of unknown sign. */
const anyIf = (d: Signs): Signs => (d === Z ? Z : ANY);
/** The signs of a divisor as a factor (a divisor is not zero where the equation is defined). */
const nonZero = (a: Signs): Signs => (a & ~Z) || ANY;

/** Signs of a set of numbers. */
function signsOf(values: Iterable<number>): Signs {
  let s = 0;
  for (const v of values) s |= v > 0 ? P : v < 0 ? N : v === 0 ? Z : ANY;
  return s || ANY;
}

/** What a run says about the values of variables (by canonical name). */
interface Values {
  /** The signs a variable took (undefined when the run does not have it). */
  signs(canonical: string): Signs | undefined;
  /** The value of a scalar that stayed the same throughout (a constant), or undefined. */
  constant(canonical: string): number | undefined;
}

/** A value and the derivative of an expression, as sign sets. */
interface VD {
  v: Signs;
  d: Signs;
}

/** Monotonicity of a graphical function's output in its input, as the sign of its slope. */
function tableSlope(gf: GraphicalSpec): Signs {
  let s = 0;
  for (let i = 1; i < gf.ys.length; i++) s |= signsOf([gf.ys[i] - gf.ys[i - 1]]);
  return s || Z;
}

/** The value of an expression of numbers and constants only (1 − p), or undefined. */
function constantOf(e: Expr, value: Values): number | undefined {
  const go = (x: Expr) => constantOf(x, value);
  if (e.k === 'num') return e.v;
  if (e.k === 'ref') return e.subs ? undefined : value.constant(e.name);
  if (e.k === 'un' && e.op !== 'not') {
    const a = go(e.a);
    return a === undefined ? undefined : e.op === '-' ? -a : a;
  }
  if (e.k === 'bin' && ['+', '-', '*', '/', '^'].includes(e.op)) {
    const a = go(e.a);
    const b = a === undefined ? undefined : go(e.b);
    if (a === undefined || b === undefined) return undefined;
    return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : e.op === '/' ? a / b : a ** b;
  }
  if (e.k === 'call' && e.fn === 'exp' && e.args.length === 1) {
    const a = go(e.args[0]);
    return a === undefined ? undefined : Math.exp(a);
  }
  return undefined;
}

/** Value and derivative signs of `e` with respect to the variable `target` (canonical). */
function analyse(e: Expr, target: string, value: Values, tables: Map<string, GraphicalSpec>): VD {
  const r = analyseNode(e, target, value, tables);
  // A term of constants has the sign of its value, whatever the rules say (1 − 0.75 > 0).
  const c = e.k === 'num' || e.k === 'ref' ? undefined : constantOf(e, value);
  return c === undefined || Number.isNaN(c) ? r : { v: signsOf([c]), d: r.d };
}

function analyseNode(e: Expr, target: string, value: Values, tables: Map<string, GraphicalSpec>): VD {
  const go = (x: Expr): VD => analyse(x, target, value, tables);
  switch (e.k) {
    case 'num':
      return { v: signsOf([e.v]), d: Z };
    case 'ref': {
      const c = e.subs ? undefined : value.constant(e.name);
      const v = c !== undefined ? signsOf([c]) : value.signs(e.name) ?? (e.name in BUILTIN_SYMBOLS ? P : ANY);
      return { v, d: e.name === target ? P : Z };
    }
    case 'un': {
      const a = go(e.a);
      if (e.op === '+') return a;
      if (e.op === '-') return { v: neg(a.v), d: neg(a.d) };
      return { v: Z | P, d: a.d === Z ? Z : neg(a.d) };
    }
    case 'cond': {
      const c = go(e.c);
      const a = go(e.a);
      const b = go(e.b);
      return { v: a.v | b.v, d: a.d | b.d | anyIf(c.d) };
    }
    case 'bin': {
      const a = go(e.a);
      const b = go(e.b);
      switch (e.op) {
        case '+':
          return { v: add(a.v, b.v), d: add(a.d, b.d) };
        case '-':
          return { v: add(a.v, neg(b.v)), d: add(a.d, neg(b.d)) };
        case '*':
          return { v: mul(a.v, b.v), d: add(mul(a.d, b.v), mul(a.v, b.d)) };
        case '/':
          // d(a/b) = a'/b − a b'/b².
          return { v: mul(a.v, nonZero(b.v)), d: add(mul(a.d, nonZero(b.v)), neg(mul(a.v, b.d))) };
        case '^':
          return powerOf(a, b);
        case '>':
        case '>=':
          return { v: Z | P, d: add(a.d, neg(b.d)) };
        case '<':
        case '<=':
          return { v: Z | P, d: add(b.d, neg(a.d)) };
        case 'and':
        case 'or':
          return { v: Z | P, d: add(a.d, b.d) };
        default:
          return { v: ANY, d: anyIf(a.d | b.d) };
      }
    }
    case 'call':
      // The graphical function itself as the input: how its table changes the output is not a sign.
      if (e.fn === target) return { v: ANY, d: ANY };
      return analyseCall(e.fn, e.args.map(go), tables);
  }
}

/** Value and derivative signs of a function call from those of its arguments. */
function analyseCall(fn: string, args: VD[], tables: Map<string, GraphicalSpec>): VD {
  const [a, b, c] = args;
  const allD = args.reduce((s, x) => s | x.d, 0) || Z;
  const union = (xs: VD[]) => ({ v: xs.reduce((s, x) => s | x.v, 0) || ANY, d: xs.reduce((s, x) => add(s, x.d), Z) });
  switch (fn) {
    case 'exp':
      return { v: P, d: a.d };
    case 'ln': case 'log10': case 'atan': case 'arctan': case 'asin': case 'arcsin': case 'sinh': case 'tanh':
    case 'int': case 'floor': case 'ceil': case 'round': case 'sign':
      return { v: ANY, d: a.d };
    case 'sqrt':
      return { v: a.v & (Z | P) || Z | P, d: a.d };
    case 'abs':
      return { v: Z | P, d: (a.v & N) === 0 ? a.d : (a.v & P) === 0 ? neg(a.d) : anyIf(a.d) };
    case 'pi': case 'inf':
      return { v: P, d: Z };
    case 'power':
      return powerOf(a, b);
    case 'xidz': case 'zidz': case 'safediv': {
      const q = { v: mul(a.v, nonZero(b.v)), d: add(mul(a.d, nonZero(b.v)), neg(mul(a.v, b.d))) };
      return c ? { v: q.v | c.v, d: q.d | c.d } : { v: q.v | Z, d: q.d };
    }
    case 'if_then_else':
      return { v: b.v | c.v, d: b.d | c.d | anyIf(a.d) };
    case 'step':
      // STEP(height, start): a later start gives less of a positive height.
      return { v: a.v | Z, d: add(a.d, mul(neg(b.d), a.v)) };
    case 'ramp':
      return { v: ANY, d: add(a.d, anyIf((b?.d ?? Z) | (c?.d ?? Z))) };
    case 'delay': case 'delay1': case 'delay3': case 'smth1': case 'smth3': case 'previous':
      // The input passes through with a lag; the initial value only sets the start.
      return { v: a.v | (c?.v ?? 0), d: add(a.d, anyIf(fn === 'previous' ? Z : b.d)) };
    case 'delayn': case 'smthn':
      return { v: a.v | (args[3]?.v ?? 0), d: add(a.d, anyIf(b.d | c.d)) };
    case 'init':
      // Fixed at the start of a run: no causal link afterwards.
      return { v: a.v, d: Z };
    case 'sum': case 'mean': case 'min': case 'max':
      return union(args);
    case 'size':
      return { v: P, d: Z };
    case 'lookup':
      return { v: ANY, d: anyIf(allD) };
    default: {
      // A graphical function called by name: its slope times the input's change.
      const gf = tables.get(fn);
      if (gf && args.length === 1) return { v: signsOf(gf.ys), d: mul(tableSlope(gf), a.d) };
      return { v: ANY, d: anyIf(allD) };
    }
  }
}

/** a^b: d(a^b) = b a^(b−1) a' + a^b ln(a) b', where a^(b−1) > 0 for a base that is never negative. */
function powerOf(a: VD, b: VD): VD {
  const baseOk = (a.v & N) === 0;
  return { v: baseOk ? a.v : ANY, d: add(mul(mul(b.v, baseOk ? P : ANY), a.d), anyIf(b.d)) };
}

/** The polarity of a derivative's signs, or undefined when it is always zero (no causal link). */
function polarityOf(d: Signs): Polarity | undefined {
  if (d === Z) return undefined;
  if ((d & N) === 0) return '+';
  if ((d & P) === 0) return '-';
  return '?';
}

/** A plain number as equation text. */
const NUMBER = /^\s*-?\d+(\.\d*)?([eE][-+]?\d+)?\s*$/;

/** The equations of a variable as text (one per element for per-element equations). */
function equationsOf(v: VariableSpec): string[] {
  return typeof v.equation === 'string' ? [v.equation] : Object.values(v.equation);
}

/** What a run's columns say about each variable's values. */
function valuesFromRun(run: RunColumns): Values {
  const signs = new Map<string, Signs>();
  const constants = new Map<string, number>();
  for (const col of run.names) {
    const s = run.series.get(col);
    if (!s) continue;
    const base = canonicalName(col.replace(/\[.*$/, ''));
    const values = Array.from(s);
    signs.set(base, (signs.get(base) ?? 0) | signsOf(values));
    if (!col.includes('[') && values.every((x) => x === values[0])) constants.set(base, values[0]);
  }
  return { signs: (name) => signs.get(name), constant: (name) => constants.get(name) };
}

/**
 * Polarity of each causal link of `spec`: variable name → input name → polarity (names as the
 * spec writes them), at the states of `run` (a run of the model with every column). Inputs
 * whose change does not change the variable during a run (its initial value, INIT) are
 * absent. Equations that do not parse are skipped (the engine reports them when it compiles).
 */
export function linkPolarities(spec: ModelSpec, run: RunColumns): Record<string, Record<string, Polarity>> {
  const value = valuesFromRun(run);
  const slope = numericSlopes(spec, run);
  const display = new Map(spec.variables.map((v) => [canonicalName(v.name), v.name]));
  const tables = new Map(spec.variables.filter((v) => v.gf).map((v) => [canonicalName(v.name), v.gf!]));
  const out: Record<string, Record<string, Polarity>> = {};
  for (const v of spec.variables) {
    const links: Record<string, Polarity> = {};
    if (v.kind === 'stock') {
      for (const f of v.inflows ?? []) links[display.get(canonicalName(f)) ?? f] = '+';
      for (const f of v.outflows ?? []) links[display.get(canonicalName(f)) ?? f] = '-';
      out[v.name] = links;
      continue;
    }
    const texts = equationsOf(v);
    // Numbers (the registry's constants) use nothing.
    if (texts.every((x) => NUMBER.test(x))) {
      out[v.name] = links;
      continue;
    }
    let trees: Expr[];
    try {
      trees = texts.map(parseEquation);
    } catch {
      continue;
    }
    const refs = new Set<string>();
    for (const t of trees) collectRefs(t, refs);
    const table = v.gf ? tableSlope(v.gf) : P;
    for (const r of refs) {
      const name = display.get(r);
      if (!name || r === canonicalName(v.name)) continue;
      let d: Signs = 0;
      for (const t of trees) d |= analyse(t, r, value, tables).d;
      // Zero although the input is used outside INIT: zero at the run's states (a lever at 0), not no link.
      let p = polarityOf(mul(table, d)) ?? '?';
      // The rules cannot tell: the derivative's sign at the run's states, where it is one sign throughout.
      if (p === '?' && !v.gf && trees.length === 1) p = slope(v, trees[0], r) ?? '?';
      links[name] = p;
    }
    out[v.name] = links;
  }
  return out;
}

/** Canonical names an expression uses during a run (variables and graphical functions called by name; not inside INIT). */
function collectRefs(e: Expr, out: Set<string>): void {
  walk(e, (x) => {
    if (x.k === 'ref') out.add(x.name);
    else if (x.k === 'call') {
      if (x.fn === 'init') return false;
      out.add(x.fn);
    }
  });
}

/** Several runs of one model as one set of states (the series of each column one after the other). */
export function concatRuns(runs: readonly RunColumns[]): RunColumns {
  const names = runs[0]?.names ?? [];
  const series = new Map<string, Float64Array>();
  for (const col of names) {
    const parts = runs.map((r) => r.series.get(col) ?? []);
    const out = new Float64Array(parts.reduce((s, p) => s + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(Array.from(p), at);
      at += p.length;
    }
    series.set(col, out);
  }
  return { names, series };
}
