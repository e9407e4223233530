// Small builders for engine tests.
import type { ModelSpec, VariableSpec } from '../../src/model/engine/index.ts';

/** A model spec from sim settings and variables. */
export function model(sim: ModelSpec['sim'], variables: VariableSpec[], dimensions?: ModelSpec['dimensions']): ModelSpec {
  return { sim, variables, dimensions };
}

/** An auxiliary. */
export const aux = (name: string, equation: string, extra: Partial<VariableSpec> = {}): VariableSpec => ({ name, kind: 'aux', equation, ...extra });
/** A flow. */
export const flow = (name: string, equation: string, extra: Partial<VariableSpec> = {}): VariableSpec => ({ name, kind: 'flow', equation, ...extra });
/** A stock. */
export const stock = (name: string, init: string, inflows: string[] = [], outflows: string[] = [], extra: Partial<VariableSpec> = {}): VariableSpec =>
  ({ name, kind: 'stock', equation: init, inflows, outflows, ...extra });

/** Last value of a series. */
export const last = (a: Float64Array): number => a[a.length - 1];
