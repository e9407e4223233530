// Baseline for benchmarks: the same model run by mathjs's own evaluator
// (`compile().evaluate(scope)` per equation per step, Euler). It exists only to measure the
// engine against; it is not exported from the engine's index (it pulls in all of mathjs).
// Supports scalar models with stocks, flows, auxiliaries and stateless builtins.
import { all, create } from 'mathjs';
import type { MathNode } from 'mathjs';
import { canonicalName } from './names.ts';
import type { ModelSpec } from './types.ts';

const math = create(all, {});

const STATEFUL = /\b(delay|delay1|delay3|delayn|smth1|smth3|smthn|trend|forcst|init|previous|active_initial|random|normal|lognormal|poisson|exprnd)\s*\(/i;

/** A runnable baseline, or the reason the model is outside what it supports. */
export type Baseline = { run: () => number } | { unsupported: string };

function ifThenElse(c: number, a: number, b: number): number {
  return c !== 0 ? a : b;
}

/** Build the mathjs-evaluator baseline of a model. */
export function mathjsBaseline(spec: ModelSpec): Baseline {
  if ((spec.dimensions ?? []).length || spec.variables.some((v) => v.dims?.length)) return { unsupported: 'arrays' };
  if (spec.variables.some((v) => v.gf)) return { unsupported: 'graphical functions' };
  const eqs = new Map<string, string>();
  for (const v of spec.variables) {
    if (typeof v.equation !== 'string') return { unsupported: 'per-element equations' };
    if (STATEFUL.test(v.equation)) return { unsupported: 'stateful or random builtins' };
    eqs.set(canonicalName(v.name), v.equation);
  }
  const fns: Record<string, (...a: number[]) => number> = {
    if_then_else: ifThenElse, ln: Math.log, int: Math.floor,
    step: (h, t0) => (scope.time >= t0 ? h : 0),
    ramp: (s, t0, t1 = Infinity) => (scope.time > t0 ? s * (Math.min(scope.time, t1) - t0) : 0),
    xidz: (a, b, x) => (b === 0 ? x : a / b), zidz: (a, b) => (b === 0 ? 0 : a / b),
    safediv: (a, b, x = 0) => (b === 0 ? x : a / b),
  };
  // Vensim's names for the control values too (the .mdl reader keeps them).
  const scope: Record<string, number> = {
    time: 0, dt: spec.sim.dt, starttime: spec.sim.start, stoptime: spec.sim.stop,
    time_step: spec.sim.dt, initial_time: spec.sim.start, final_time: spec.sim.stop,
  };
  const compileEq = (text: string) => {
    const node = math.parse(text.replace(/[\r\n]/g, ' ')).transform((n: MathNode) => {
      if (n.type === 'SymbolNode') return new math.SymbolNode(canonicalName((n as unknown as { name: string }).name));
      if (n.type === 'FunctionNode') {
        const f = n as unknown as { fn: { name: string }; args: MathNode[] };
        const name = canonicalName(f.fn.name);
        if (fns[name]) return new math.FunctionNode(new math.SymbolNode(name), f.args);
        return new math.FunctionNode(new math.SymbolNode(name), f.args);
      }
      return n;
    });
    return node.compile();
  };
  for (const [k, f] of Object.entries(fns)) (scope as Record<string, unknown>)[k] = f;
  // Order: dependencies among non-stocks first (depth-first), as the engine does.
  const vars = spec.variables.map((v) => ({ v, name: canonicalName(v.name), code: compileEq(v.equation as string) }));
  const byName = new Map(vars.map((x) => [x.name, x]));
  const usesOf = (text: string) => [...new Set((text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).map(canonicalName))].filter((n) => byName.has(n));
  const order: typeof vars = [];
  const state = new Map<string, number>();
  const visit = (x: (typeof vars)[number], init: boolean): void => {
    if (state.get(x.name) === 2) return;
    if (state.get(x.name) === 1) throw new Error(`circular definition at ${x.name}`);
    state.set(x.name, 1);
    for (const u of usesOf(x.v.equation as string)) {
      const d = byName.get(u)!;
      if (init || d.v.kind !== 'stock') visit(d, init);
    }
    state.set(x.name, 2);
    order.push(x);
  };
  for (const x of vars) visit(x, true);
  const initOrder = [...order];
  order.length = 0;
  state.clear();
  for (const x of vars) if (x.v.kind !== 'stock') visit(x, false);
  const dynOrder = order.filter((x) => x.v.kind !== 'stock');
  const stocks = vars.filter((x) => x.v.kind === 'stock').map((x) => ({
    name: x.name,
    ins: (x.v.inflows ?? []).map(canonicalName),
    outs: (x.v.outflows ?? []).map(canonicalName),
    nonNeg: !!x.v.nonNegative,
  }));
  const { start, stop, dt } = spec.sim;
  const nSteps = Math.round((stop - start) / dt);
  return {
    run: () => {
      scope.time = start;
      for (const x of initOrder) scope[x.name] = x.code.evaluate(scope) as number;
      let check = 0;
      for (let n = 0; ; n++) {
        scope.time = start + n * dt;
        if (n > 0) for (const x of dynOrder) scope[x.name] = x.code.evaluate(scope) as number;
        check += scope[vars[0].name];
        if (n >= nSteps) break;
        const next = stocks.map((s) => {
          let d = 0;
          for (const f of s.ins) d += scope[f];
          for (const f of s.outs) d -= scope[f];
          const x = scope[s.name] + dt * d;
          return s.nonNeg && x < 0 ? 0 : x;
        });
        stocks.forEach((s, i) => (scope[s.name] = next[i]));
      }
      return check;
    },
  };
}
