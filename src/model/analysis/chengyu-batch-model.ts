// The regional model as a BatchModel: the calibrated default model (compiled once per
// thread; scenario levers are run constants), the registry's parameters with a
// distribution as the uncertain inputs, and the headline KPIs per year as the outputs.
import { CHENGYU_SIM } from '../chengyu/equations.ts';
import { HEADLINE_OUTPUTS } from '../chengyu/outputs.ts';
import { PARAMETERS } from '../chengyu/parameters.ts';
import { getChengyuModel, getChengyuModelHash, getChengyuSpec } from '../chengyu/run.ts';
import type { Method } from '../engine/types.ts';
import type { BatchModel } from './batch-model.ts';
import { runnerBatchModel } from './engine-batch-model.ts';
import { provideRunner } from './runner-provider.ts';
import type { UncertainParameter } from './sampling.ts';

export { HEADLINE_OUTPUTS };

/** What the regional model needs for a batch. */
export interface ChengyuBatchRef {
  /** Constant overrides of the scenario (lever settings), `lever_<id>_<field>` → value. */
  constants: Record<string, number>;
  /** Outputs to report; default HEADLINE_OUTPUTS. */
  outputs?: string[];
  method?: Method;
  /** Last simulated year (default 2035). */
  end?: number;
  dt?: number;
}

/** The registry's uncertain parameters, in registry order. */
export function uncertainParameters(): UncertainParameter[] {
  return PARAMETERS.filter((p) => p.distribution).map((p) => {
    if (typeof p.value !== 'number') throw new Error(`parameter ${p.id}: per-node parameters cannot carry a distribution yet`);
    return { id: p.id, distribution: p.distribution! };
  });
}

/** Build the regional model for a batch under a scenario. */
export function chengyuBatchModel(ref: ChengyuBatchRef): BatchModel {
  const end = ref.end ?? CHENGYU_SIM.stop;
  const saveTimes = Array.from({ length: end - CHENGYU_SIM.start + 1 }, (_, i) => CHENGYU_SIM.start + i);
  const sim = { stop: end, ...(ref.dt !== undefined ? { dt: ref.dt } : {}) };
  const opts = { outputs: ref.outputs ?? [...HEADLINE_OUTPUTS], saveTimes, ...(ref.method ? { method: ref.method } : {}), sim };
  return runnerBatchModel({
    // getChengyuModel compiles getChengyuSpec(), the spec the provider is given.
    runner: provideRunner(getChengyuSpec(), opts, getChengyuModel),
    params: uncertainParameters(),
    constants: ref.constants,
    // Same version string as `chengyu-sim run` records: the hash of the full model spec.
    version: `chengyu-${getChengyuModelHash()}`,
  });
}
