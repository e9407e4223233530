// The one interface Monte Carlo and sensitivity analysis need from a model: given values
// of the uncertain parameters (and a seed for the model's own random draws), fill the
// KPI values per output and saved time. The regional model, toy models and analytic test
// functions all implement it.
import type { UncertainParameter } from './sampling.ts';

/** A model ready for many runs. */
export interface BatchModel {
  /** Uncertain parameters, in the order `run` receives their values. */
  params: UncertainParameter[];
  /** KPI output names, in output order. */
  outputs: string[];
  /** Saved times at which each output is reported. */
  times: Float64Array;
  /** Model version: changes whenever the same inputs could give different numbers. */
  version: string;
  /**
   * One run: `values[j]` is params[j]'s value; writes output o at time t to
   * `out[o * times.length + t]` (out has outputs.length × times.length slots).
   */
  run(values: Float64Array, seed: number, out: Float64Array): void;
}

/** Number of KPI values one run produces. */
export function kpiWidth(model: Pick<BatchModel, 'outputs' | 'times'>): number {
  return model.outputs.length * model.times.length;
}
