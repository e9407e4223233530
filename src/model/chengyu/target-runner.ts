// One batch runner over the calibration targets: the outputs and years the targets name, and
// where each target's value lies in the runner's output buffer. The point fit, the posterior
// sampler, its coverage check and the inertness test all evaluate the model this way.
import type { CompiledModel, Runner } from '../engine/model.ts';
import type { CalibrationTarget } from './targets.ts';
import { getChengyuModel } from './run.ts';

/** A runner saving exactly the targets' outputs and years, and each target's position in its output. */
export interface TargetRunner {
  runner: Runner;
  /** out[at[k]] is target k's simulated value. */
  at: Int32Array;
}

/** The runner for `targets` on `model` (default: the regional model; calibrated values are run constants over its defaults). */
export function targetRunner(targets: readonly CalibrationTarget[], model: CompiledModel = getChengyuModel()): TargetRunner {
  const outputs = [...new Set(targets.map((t) => t.output))];
  const years = [...new Set(targets.map((t) => t.year))].sort((a, b) => a - b);
  const runner = model.createRunner({ outputs, saveTimes: years });
  const nt = runner.times.length;
  const at = Int32Array.from(targets, (t) => runner.columns.indexOf(t.output) * nt + years.indexOf(t.year));
  return { runner, at };
}
