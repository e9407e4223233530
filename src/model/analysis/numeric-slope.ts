// The sign of a numeric partial derivative of one equation at the states a run went through:
// the equation is evaluated element by element at every saved time with the run's values
// of its inputs, once as they were and once with one input nudged. Used where sign rules
// alone cannot tell (1 − p × x, c·g / (c·g + p)). Only for equations of plain arithmetic
// and pointwise functions: sums over a dimension, delays and switches are left to the rules.
import type { Expr, Sub } from '../engine/ast.ts';
import { canonicalName } from '../engine/names.ts';
import type { ModelSpec, VariableSpec } from '../engine/types.ts';

/** A run's columns as the engine names them (`x`, `x[a]`, `x[a,b]`), aligned with `times`. */
export interface RunColumns {
  names: readonly string[];
  series: ReadonlyMap<string, ArrayLike<number>>;
}

/** Number of saved states the slope is evaluated at. */
const SAMPLES = 16;

/** Pointwise functions the evaluator knows. */
const FUNCTIONS: Record<string, (a: number[]) => number> = {
  exp: (a) => Math.exp(a[0]),
  ln: (a) => Math.log(a[0]),
  log10: (a) => Math.log10(a[0]),
  sqrt: (a) => Math.sqrt(a[0]),
  abs: (a) => Math.abs(a[0]),
  min: (a) => Math.min(...a),
  max: (a) => Math.max(...a),
  xidz: (a) => (a[1] === 0 ? a[2] : a[0] / a[1]),
  zidz: (a) => (a[1] === 0 ? 0 : a[0] / a[1]),
  power: (a) => a[0] ** a[1],
};

/** Thrown inside the evaluator when an equation is outside what it evaluates. */
class NotPointwise extends Error {}

/** Sign of ∂f/∂input ('+', '-', or undefined when the evaluator cannot say) for a variable, its parsed equation and a canonical input name. */
export type SlopeSign = (v: VariableSpec, tree: Expr, input: string) => '+' | '-' | undefined;

/**
 * The numeric slope of equations over the states of `run` (every element, every saved time):
 * undefined where the equation is not pointwise, the signs are mixed or the change is zero.
 */
export function numericSlopes(spec: ModelSpec, run: RunColumns): SlopeSign {
  const dims = dimensionElements(spec);
  const varDims = new Map(spec.variables.map((x) => [canonicalName(x.name), (x.dims ?? []).map(canonicalName)]));
  const nT = run.series.get(run.names[0])?.length ?? 0;
  // States sampled evenly over the run(s): the signs of smooth equations do not flip between them.
  const times = Array.from(new Set(Array.from({ length: Math.min(nT, SAMPLES) }, (_, i) => Math.round((i * (nT - 1)) / Math.max(1, Math.min(nT, SAMPLES) - 1)))));
  // The nudge of an input: a millionth of its largest value in the run.
  const scale = new Map<string, number>();
  for (const col of run.names) {
    const base = canonicalName(col.replace(/\[.*$/, ''));
    let m = scale.get(base) ?? 0;
    const s = run.series.get(col) ?? [];
    for (let i = 0; i < s.length; i++) m = Math.max(m, Math.abs(s[i]));
    scale.set(base, m);
  }
  return (v, tree, input) => {
    if (typeof v.equation !== 'string') return undefined;
    const own = (v.dims ?? []).map(canonicalName);
    const elements = own.length === 0 ? [[]] : cartesian(own.map((d) => dims.get(d) ?? []));
    const h = 1e-6 * (scale.get(input) || 1);
    let pos = false;
    let neg = false;
    for (const el of elements) {
      // Each reference resolved to its column once per element.
      const columns = new Map<Sub[] | string, ArrayLike<number>>();
      const column = (name: string, subs: Sub[] | null): ArrayLike<number> => {
        const memoKey = subs ?? name;
        const memo = columns.get(memoKey);
        if (memo) return memo;
        const d = varDims.get(name);
        if (!d) throw new NotPointwise();
        let key: string[];
        if (d.length === 0) key = [];
        else if (subs) key = subs.map((x, i) => (x.k === 'name' ? (own.includes(x.name) ? el[own.indexOf(x.name)] : x.name) : x.k === 'index' ? (dims.get(d[i]) ?? [])[x.value - 1] ?? '' : ''));
        else if (d.length === own.length && d.every((x, i) => sameDimension(spec, x, own[i]))) key = el;
        else throw new NotPointwise();
        if (key.some((k) => !k)) throw new NotPointwise();
        const s = run.series.get(key.length ? `${name}[${key.join(',')}]` : name);
        if (!s) throw new NotPointwise();
        columns.set(memoKey, s);
        return s;
      };
      for (const t of times) {
        let base: number;
        let nudged: number;
        try {
          const now: Lookup = (n, subs) => column(n, subs)[t];
          const start: Lookup = (n, subs) => column(n, subs)[0];
          base = evaluate(tree, now, start, input, 0);
          nudged = evaluate(tree, now, start, input, h);
        } catch (err) {
          if (err instanceof NotPointwise) return undefined;
          throw err;
        }
        const d = nudged - base;
        if (!Number.isFinite(d)) return undefined;
        // Changes at the level of rounding count as none.
        if (Math.abs(d) <= 1e-10 * Math.max(Math.abs(base), 1e-300)) continue;
        if (d > 0) pos = true;
        else neg = true;
        if (pos && neg) return undefined;
      }
    }
    return pos ? '+' : neg ? '-' : undefined;
  };
}

/** A variable's value at the state being evaluated. */
type Lookup = (name: string, subs: Sub[] | null) => number;

/** Value of `e` with `input` (canonical) raised by `h`. */
function evaluate(e: Expr, value: Lookup, initial: Lookup, input: string, h: number): number {
  const go = (x: Expr): number => evaluate(x, value, initial, input, h);
  switch (e.k) {
    case 'num':
      return e.v;
    case 'ref':
      return value(e.name, e.subs) + (e.name === input ? h : 0);
    case 'un':
      if (e.op === 'not') throw new NotPointwise();
      return e.op === '-' ? -go(e.a) : go(e.a);
    case 'bin': {
      const a = go(e.a);
      const b = go(e.b);
      switch (e.op) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return a / b;
        case '^': return a ** b;
        default: throw new NotPointwise();
      }
    }
    case 'call': {
      // INIT(x): the value at the start, which the nudge of a state does not change.
      if (e.fn === 'init' && e.args.length === 1 && e.args[0].k === 'ref') return initial(e.args[0].name, e.args[0].subs);
      const f = FUNCTIONS[e.fn];
      if (!f) throw new NotPointwise();
      return f(e.args.map(go));
    }
    default:
      throw new NotPointwise();
  }
}

/** Elements of each dimension by canonical name (aliases included). */
function dimensionElements(spec: ModelSpec): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of spec.dimensions ?? []) out.set(canonicalName(d.name), d.elements.map(canonicalName));
  return out;
}

/** Whether two dimension names are the same dimension or aliases of one. */
function sameDimension(spec: ModelSpec, a: string, b: string): boolean {
  const root = (x: string) => {
    const d = (spec.dimensions ?? []).find((y) => canonicalName(y.name) === x);
    return d?.aliasOf ? canonicalName(d.aliasOf) : x;
  };
  return root(a) === root(b);
}

function cartesian(lists: string[][]): string[][] {
  return lists.reduce<string[][]>((acc, l) => acc.flatMap((p) => l.map((x) => [...p, x])), [[]]);
}
