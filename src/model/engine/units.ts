// Units check. Unit strings are mathjs syntax ("enterprise/year", "1e8 CNY"); names mathjs
// knows (year, month, km, kg…) take its base dimensions, and every other name becomes a
// base unit of its own. The check infers the units of each equation from the declared
// units of what it uses and reports where they cannot agree: sums and comparisons of
// different units, an equation whose units differ from the declared ones, and flows whose
// units are not the stock's per time unit. Undeclared units are unknown and never reported.
import { unitClass, parse as mathParse } from '#mathjs';
import type { Expr } from './ast.ts';
import type { Layout, VarInfo } from './layout.ts';
import { foldConstant } from './layout.ts';
import { findWord } from './lower.ts';
import { canonicalName } from './names.ts';
import type { Diagnostic } from './types.ts';

type MathUnitClass = { isValuelessUnit(n: string): boolean; parse(n: string): { dimensions: number[] }; BASE_DIMENSIONS: string[] };

/** Exponents by base dimension; an empty map is dimensionless. */
export type Dims = Map<string, number>;

const DIMENSIONLESS = new Set(['1', 'dmnl', 'dimensionless', 'unitless', 'fraction', 'percent', '%', 'ratio']);

function baseOf(name: string): Dims {
  if (DIMENSIONLESS.has(name.toLowerCase())) return new Map();
  const MathUnit = unitClass() as MathUnitClass;
  for (const n of [name, name.toLowerCase()]) {
    if (MathUnit.isValuelessUnit(n)) {
      const d: Dims = new Map();
      MathUnit.parse(n).dimensions.forEach((e, i) => {
        if (e !== 0) d.set(MathUnit.BASE_DIMENSIONS[i].toLowerCase(), e);
      });
      return d;
    }
  }
  return new Map([[name.toLowerCase(), 1]]);
}

function combine(a: Dims, b: Dims, sign: number): Dims {
  const out = new Map(a);
  for (const [k, e] of b) {
    const x = (out.get(k) ?? 0) + sign * e;
    if (Math.abs(x) < 1e-12) out.delete(k);
    else out.set(k, x);
  }
  return out;
}

function scale(a: Dims, f: number): Dims {
  const out: Dims = new Map();
  for (const [k, e] of a) if (e * f !== 0) out.set(k, e * f);
  return out;
}

/** Same dimensions? */
export function sameDims(a: Dims, b: Dims): boolean {
  if (a.size !== b.size) return false;
  for (const [k, e] of a) if (Math.abs((b.get(k) ?? 0) - e) > 1e-12) return false;
  return true;
}

/** Readable form, e.g. "enterprise/year". */
export function formatDims(d: Dims): string {
  const num: string[] = [];
  const den: string[] = [];
  for (const [k, e] of [...d].sort(([a], [b]) => a.localeCompare(b))) {
    const p = Math.abs(e) === 1 ? k : `${k}^${Math.abs(e)}`;
    (e > 0 ? num : den).push(p);
  }
  if (!num.length && !den.length) return 'dimensionless';
  const n = num.length ? num.join('*') : '1';
  return den.length ? `${n}/${den.length > 1 ? `(${den.join('*')})` : den[0]}` : n;
}

interface MNode { type: string; name?: string; fn?: string; args?: MNode[]; content?: MNode; value?: unknown }

/** Parse a units string; throws Error with a message when it is not a units expression. */
export function parseUnits(text: string): Dims {
  const t = text.trim();
  if (t === '' || DIMENSIONLESS.has(t.toLowerCase())) return new Map();
  // Unit names may contain characters an identifier cannot; canonicalise words first.
  const src = t.replace(/[A-Za-z_$\u00A0-\uFFFF][A-Za-z0-9_$\u00A0-\uFFFF]*/g, (w) => (DIMENSIONLESS.has(w.toLowerCase()) ? '1' : w));
  let node: MNode;
  try {
    node = mathParse(src) as unknown as MNode;
  } catch {
    throw new Error(`"${text}" is not a units expression (use names, numbers, *, / and ^)`);
  }
  const walkU = (n: MNode): Dims => {
    switch (n.type) {
      case 'ConstantNode':
        return new Map();
      case 'SymbolNode':
        return baseOf(n.name!);
      case 'ParenthesisNode':
        return walkU(n.content!);
      case 'OperatorNode': {
        const [a, b] = n.args!;
        if (n.fn === 'multiply') return combine(walkU(a), walkU(b), 1);
        if (n.fn === 'divide') return combine(walkU(a), walkU(b), -1);
        if (n.fn === 'pow' && b.type === 'ConstantNode' && typeof b.value === 'number') return scale(walkU(a), b.value);
        break;
      }
      default:
    }
    throw new Error(`"${text}" is not a units expression (use names, numbers, *, / and ^)`);
  };
  return walkU(node);
}

/** Inferred units: known dimensions, or null when unknown (no declaration to go on). */
type U = Dims | null;

interface Ctx {
  layout: Layout;
  declared: Map<string, Dims>;
  time: Dims | null;
  v: VarInfo;
  text: string;
  diags: Diagnostic[];
}

function firstRefName(e: Expr): string | undefined {
  if (e.k === 'ref') return e.raw;
  if (e.k === 'call') return e.args.map(firstRefName).find(Boolean) ?? e.raw;
  if (e.k === 'bin') return firstRefName(e.a) ?? firstRefName(e.b);
  if (e.k === 'un') return firstRefName(e.a);
  if (e.k === 'cond') return firstRefName(e.a) ?? firstRefName(e.b);
  return undefined;
}

function agree(xs: Array<{ u: U; e: Expr }>, what: string, cx: Ctx): U {
  const known = xs.filter((x) => x.u !== null);
  for (let i = 1; i < known.length; i++) {
    if (!sameDims(known[0].u!, known[i].u!)) {
      const word = firstRefName(known[i].e);
      cx.diags.push({
        kind: 'units', variable: cx.v.display,
        message: `units do not agree: ${what} ${formatDims(known[0].u!)} and ${formatDims(known[i].u!)}`,
        position: word ? findWord(cx.text, word) : undefined,
      });
      return null;
    }
  }
  return known.length ? known[0].u : null;
}

const SAME_AS_ARG = new Set(['abs', 'int', 'floor', 'ceil', 'round', 'init', 'previous', 'active_initial', 'smth1', 'smth3', 'smthn',
  'delay', 'delay1', 'delay3', 'delayn', 'sum', 'mean', 'stddev', 'random', 'normal', 'lognormal', 'poisson', 'exprnd']);

function infer(e: Expr, cx: Ctx): U {
  switch (e.k) {
    case 'num':
      return null;
    case 'ref': {
      const own = cx.layout.vars.get(e.name);
      if (own) return cx.declared.get(own.name) ?? null;
      if (['time', 'dt', 'starttime', 'stoptime', 'time_step', 'initial_time', 'final_time'].includes(e.name)) return cx.time;
      return null;
    }
    case 'un':
      return e.op === 'not' ? (infer(e.a, cx), null) : infer(e.a, cx);
    case 'cond':
      infer(e.c, cx);
      return agree([{ u: infer(e.a, cx), e: e.a }, { u: infer(e.b, cx), e: e.b }], 'the two branches have', cx);
    case 'bin': {
      const a = infer(e.a, cx);
      const b = infer(e.b, cx);
      switch (e.op) {
        case '+': case '-':
          return agree([{ u: a, e: e.a }, { u: b, e: e.b }], `"${e.op}" combines`, cx);
        case '==': case '!=': case '<': case '<=': case '>': case '>=':
          agree([{ u: a, e: e.a }, { u: b, e: e.b }], 'a comparison of', cx);
          return null;
        case '*':
          return a && b ? combine(a, b, 1) : null;
        case '/':
          return a && b ? combine(a, b, -1) : null;
        case '^': {
          const p = foldConstant(e.b);
          return a && p !== undefined ? scale(a, p) : null;
        }
        default:
          return null;
      }
    }
    case 'call': {
      const us = e.args.map((a) => infer(a, cx));
      const fn = e.fn;
      if (SAME_AS_ARG.has(fn)) return us[0] ?? null;
      if (fn === 'min' || fn === 'max' || fn === 'if_then_else') {
        const xs = fn === 'if_then_else' ? [1, 2] : us.map((_, i) => i);
        return agree(xs.map((i) => ({ u: us[i], e: e.args[i] })), fn === 'if_then_else' ? 'the two branches have' : `${fn.toUpperCase()} compares`, cx);
      }
      if (fn === 'sqrt') return us[0] ? scale(us[0], 0.5) : null;
      if (fn === 'xidz' || fn === 'zidz' || fn === 'safediv') return us[0] && us[1] ? combine(us[0], us[1], -1) : null;
      if (fn === 'step') return us[0];
      if (fn === 'ramp') return us[0] && cx.time ? combine(us[0], cx.time, 1) : null;
      if (fn === 'mod') return us[0];
      const gf = cx.layout.vars.get(fn);
      if (gf?.spec.gf) return cx.declared.get(gf.name) ?? null;
      return null;
    }
  }
}

/** Check units where the model gives them; appends diagnostics. */
export function checkUnits(layout: Layout, timeUnits: string | undefined, diags: Diagnostic[]): void {
  const declared = new Map<string, Dims>();
  for (const v of layout.order) {
    if (!v.spec.units) continue;
    try {
      declared.set(v.name, parseUnits(v.spec.units));
    } catch (err) {
      diags.push({ kind: 'units', variable: v.display, message: `units: ${(err as Error).message}` });
    }
  }
  if (!declared.size) return;
  let time: Dims | null = null;
  if (timeUnits) {
    try {
      time = parseUnits(timeUnits);
    } catch {
      time = null;
    }
  }
  for (const v of layout.order) {
    const own = declared.get(v.name);
    const seen = new Set<string>();
    v.exprs.forEach((e, i) => {
      if (!e || seen.has(v.texts[i])) return;
      seen.add(v.texts[i]);
      const cx: Ctx = { layout, declared, time, v, text: v.texts[i], diags };
      let u = infer(e, cx);
      if (v.spec.gf) u = null; // a graphical function maps its input to its own units
      if (own && u && !sameDims(own, u)) {
        diags.push({ kind: 'units', variable: v.display, message: `units: the equation gives ${formatDims(u)} but "${v.display}" is declared in ${formatDims(own)}` });
      }
    });
    if (v.spec.kind === 'stock' && own && time) {
      const want = combine(own, time, -1);
      for (const f of [...(v.spec.inflows ?? []), ...(v.spec.outflows ?? [])]) {
        const fu = declared.get(canonicalName(f));
        if (fu && !sameDims(fu, want)) {
          diags.push({ kind: 'units', variable: v.display, message: `units: flow "${f}" is in ${formatDims(fu)} but stock "${v.display}" needs ${formatDims(want)}` });
        }
      }
    }
  }
}
