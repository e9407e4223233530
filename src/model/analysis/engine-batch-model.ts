// Any compiled engine model as a BatchModel: uncertain parameters are model constants,
// set per run in the engine's allocation-free runner on top of the scenario's constant
// overrides. The regional model (chengyu/batch-model.ts) is one use of it.
import type { CompiledModel, Runner, RunnerOptions } from '../engine/model.ts';
import type { Method } from '../engine/types.ts';
import type { BatchModel } from './batch-model.ts';
import type { UncertainParameter } from './sampling.ts';

/** What varies, what is reported and how an engine model is run in a batch (plain data). */
export interface EngineRunSettings {
  /** Uncertain parameters; each id is a (scalar) constant of the model. */
  params: UncertainParameter[];
  /** Output columns (names the runner accepts; arrayed names expand to their elements). */
  outputs: string[];
  /** Times to report; default every save step. */
  saveTimes?: number[];
  /** Constant overrides applied to every run (e.g. a scenario's levers). */
  constants?: Record<string, number>;
  method?: Method;
  /** Last simulated time (default: the model's stop). */
  stop?: number;
  dt?: number;
}

/** How to run a compiled model for a batch. */
export interface EngineBatchOptions extends EngineRunSettings {
  model: CompiledModel;
  /** Model version recorded in manifests; default "engine/<model hash>". */
  version?: string;
}

/** The runner options of batch settings. */
export function batchRunnerOptions(o: EngineRunSettings): RunnerOptions {
  const sim = { ...(o.stop !== undefined ? { stop: o.stop } : {}), ...(o.dt !== undefined ? { dt: o.dt } : {}) };
  return { outputs: o.outputs, ...(o.saveTimes ? { saveTimes: o.saveTimes } : {}), ...(o.method ? { method: o.method } : {}), sim };
}

/** Wrap a compiled model as a BatchModel; throws naming unknown constants or outputs. */
export function engineBatchModel(o: EngineBatchOptions): BatchModel {
  const runner = o.model.createRunner(batchRunnerOptions(o));
  return runnerBatchModel({ runner, params: o.params, constants: o.constants, version: o.version ?? `engine/${o.model.hash}` });
}

/**
 * A joint sample of constants (e.g. posterior draws) as one factor of a batch: the factor's
 * value u in [0, 1) picks row floor(u × rows) and sets every listed constant from it.
 */
export interface JointTable {
  /** Id of the factor among the batch's params (a uniform(0, 1) parameter). */
  factor: string;
  /** Constants each row sets, in column order. */
  ids: string[];
  /** Rows × ids.length values, row-major. */
  rows: Float64Array;
}

/** What runnerBatchModel needs: a runner (its outputs and times fixed), the uncertain inputs, the version. */
export interface RunnerBatchOptions {
  runner: Runner;
  params: UncertainParameter[];
  constants?: Record<string, number>;
  version: string;
  /** A joint table set through one of `params` (see JointTable). */
  joint?: JointTable;
}

/** Wrap an engine runner as a BatchModel; throws naming unknown constants. */
export function runnerBatchModel(o: RunnerBatchOptions): BatchModel {
  const runner = o.runner;
  const base = runner.defaults();
  for (const [name, value] of Object.entries(o.constants ?? {})) base[runner.constantIndex(name)] = value;
  const jointAt = o.joint ? o.params.findIndex((p) => p.id === o.joint!.factor) : -1;
  if (o.joint && jointAt < 0) throw new Error(`joint table factor "${o.joint.factor}" is not a batch parameter`);
  const slots = Int32Array.from(o.params, (p, j) => (j === jointAt ? -1 : runner.constantIndex(p.id)));
  const jointSlots = Int32Array.from(o.joint?.ids ?? [], (id) => runner.constantIndex(id));
  const jointWidth = jointSlots.length;
  const jointRows = o.joint ? o.joint.rows.length / Math.max(1, jointWidth) : 0;
  const constants = new Float64Array(base.length);
  const T = runner.times.length;
  const K = runner.columns.length * T;
  return {
    params: o.params,
    outputs: runner.columns,
    times: Float64Array.from(runner.times),
    version: o.version,
    run(values, seed, out) {
      constants.set(base);
      for (let j = 0; j < slots.length; j++) if (j !== jointAt) constants[slots[j]] = values[j];
      if (jointAt >= 0) {
        const row = Math.min(jointRows - 1, Math.floor(values[jointAt] * jointRows)) * jointWidth;
        for (let k = 0; k < jointWidth; k++) constants[jointSlots[k]] = o.joint!.rows[row + k];
      }
      // The runner's layout (column k at time i → k·T + i) is the BatchModel layout.
      out.set(runner.run(constants, seed).subarray(0, K));
    },
  };
}
