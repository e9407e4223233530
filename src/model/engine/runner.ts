// Batch runners: a fixed plan (outputs, save steps, method) over a runnable program, with a
// constants vector in and a reused buffer out. Built from a CompiledModel or a runner image.
import type { GenFn, RunProgram } from './compile.ts';
import { ModelError } from './errors.ts';
import type { Timing } from './simulate.ts';
import { Workspace, makeRng, simulate, simulateIntervalMean } from './simulate.ts';
import type { Method } from './types.ts';

/** A reusable, allocation-free runner for Monte Carlo and sensitivity loops. */
export interface Runner {
  /** Expanded output column names, in output order. */
  columns: string[];
  /** Recorded times. */
  times: Float64Array;
  /** A fresh copy of the default constants vector (same order as CompiledModel.constants). */
  defaults(): Float64Array;
  /** Position of a constant (`name` or `name[elem]`) in the constants vector. */
  constantIndex(name: string): number;
  /**
   * Run once with the given constants vector (default: the model's defaults) and seed.
   * Returns a buffer owned by the runner (overwritten by the next call): column-major,
   * value of column k at time i is out[k * times.length + i].
   */
  run(constants?: Float64Array, seed?: number | string): Float64Array;
}

/** Everything a runner fixes once: timing, method, what it saves and when. */
export interface RunnerPlan {
  tm: Timing;
  method: Method;
  /** Stocks kept in single precision (xmutil models). */
  single: boolean;
  saveSteps: Int32Array;
  outSlots: Int32Array;
  columns: string[];
  defaults: Float64Array;
  /** Canonical constant column → position in the constants vector. */
  constantIndex: (name: string) => number | undefined;
  /** The report pass for `outSlots` (null when they need none). */
  report: GenFn | null;
  /** Interval-mean saving (SimSpecs.saveMode): 1 per output column to average, null to save instants. */
  mean: Uint8Array | null;
}

/** A runner executing `plan` on program `p`. */
export function makeRunner(p: RunProgram, plan: RunnerPlan): Runner {
  const { tm, method, single, saveSteps, outSlots, columns, defaults, report, mean } = plan;
  const times = Float64Array.from(saveSteps, (n) => tm.start + n * tm.dt);
  const out = new Float64Array(outSlots.length * saveSteps.length);
  const ws = new Workspace(p);
  return {
    columns,
    times,
    defaults: () => Float64Array.from(defaults),
    constantIndex: (name: string) => {
      const idx = plan.constantIndex(name);
      if (idx === undefined) throw new ModelError([{ kind: 'other', variable: name, message: `"${name}" is not a constant of the model` }]);
      return idx;
    },
    run: (constants?: Float64Array, seed?: number | string) => {
      const c = constants ?? defaults;
      if (c.length !== defaults.length) {
        throw new ModelError([{ kind: 'other', message: `constants vector has ${c.length} values, the model has ${defaults.length}` }]);
      }
      if (mean) simulateIntervalMean(ws, c, tm, method, saveSteps, outSlots, mean, out, makeRng(p, seed), single, report);
      else simulate(ws, c, tm, method, saveSteps, outSlots, out, makeRng(p, seed), single, report);
      return out;
    },
  };
}
