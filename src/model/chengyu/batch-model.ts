// The regional model as a BatchModel: the calibrated default model (compiled once per
// thread; scenario levers are run constants), the registry's parameters with a
// distribution as the uncertain inputs, and the headline KPIs per year as the outputs.
import { CHENGYU_SIM } from './equations.ts';
import { HEADLINE_OUTPUTS } from './outputs.ts';
import { POSTERIOR, posteriorHash, uncertainInputs, type UncertaintySource } from './posterior-data.ts';
import type { PosteriorFile } from './posterior-types.ts';
import { hashValue } from '../engine/hash.ts';
import { getChengyuModel, getChengyuModelHash, getChengyuSpec } from './run.ts';
import type { Method } from '../engine/types.ts';
import type { BatchModel } from '../analysis/batch-model.ts';
import { runnerBatchModel } from '../analysis/engine-batch-model.ts';
import { provideRunner } from '../analysis/runner-provider.ts';
import type { UncertainParameter } from '../analysis/sampling.ts';

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
  /** Where the uncertain inputs come from (default 'posterior'; see uncertainInputs). */
  uncertainty?: UncertaintySource;
  /** Another calibration's fitted values (registry ids), over the committed ones. */
  parameters?: Record<string, number>;
  /** The posterior that goes with `parameters` (default: the committed one). */
  posterior?: PosteriorFile;
  /**
   * Constants set per run after the uncertain inputs, as extra batch parameters over their
   * range (a goal search passes each package's levers this way, so one design holds many packages).
   */
  searchConstants?: Array<{ id: string; min: number; max: number }>;
  /** A problem file's factors: these constants vary instead of the uncertain inputs of `uncertainty`, the rest keep their calibrated values. */
  factors?: UncertainParameter[];
  /** Years to report (default every year from the start to `end`). */
  saveTimes?: number[];
}

/** The uncertain inputs of the regional model for `source` (default: the joint posterior). */
export function uncertainParameters(source: UncertaintySource = 'posterior'): UncertainParameter[] {
  return uncertainInputs(source).params;
}

/** Build the regional model for a batch under a scenario. */
export function chengyuBatchModel(ref: ChengyuBatchRef): BatchModel {
  const end = ref.end ?? CHENGYU_SIM.stop;
  const saveTimes = ref.saveTimes ?? Array.from({ length: end - CHENGYU_SIM.start + 1 }, (_, i) => CHENGYU_SIM.start + i);
  const sim = { stop: end, ...(ref.dt !== undefined ? { dt: ref.dt } : {}) };
  const opts = { outputs: ref.outputs ?? [...HEADLINE_OUTPUTS], saveTimes, ...(ref.method ? { method: ref.method } : {}), sim };
  const source = ref.uncertainty ?? 'posterior';
  const base = `chengyu-${getChengyuModelHash()}${ref.parameters ? `-calibration-${hashValue(ref.parameters)}` : ''}`;
  if (ref.factors) {
    return runnerBatchModel({
      runner: provideRunner(getChengyuSpec(), opts, getChengyuModel),
      params: ref.factors,
      constants: { ...(ref.parameters ?? {}), ...ref.constants },
      // The factors' distributions decide the sampled values: a changed one is another batch.
      version: `${base}-problem-${hashValue(ref.factors)}`,
    });
  }
  if (ref.parameters && !ref.posterior && source !== 'prior') {
    throw new Error('this calibration has no posterior to draw from: sample one (calibrate --posterior --out FILE) or use --uncertainty prior');
  }
  const inputs = uncertainInputs(source, ref.posterior ?? POSTERIOR);
  return runnerBatchModel({
    // getChengyuModel compiles getChengyuSpec(), the spec the provider is given.
    runner: provideRunner(getChengyuSpec(), opts, getChengyuModel),
    params: [...inputs.params, ...(ref.searchConstants ?? []).map((c) => ({ id: c.id, distribution: { type: 'uniform' as const, min: c.min, max: c.max } }))],
    ...(inputs.joint ? { joint: inputs.joint } : {}),
    constants: { ...(ref.parameters ?? {}), ...ref.constants },
    // The hash of the full model spec (as `chengyu-sim run` records), plus the uncertainty source.
    version: `${base}-${source}${source === 'prior' ? '' : `-${ref.posterior ? hashValue(ref.posterior.draws) : posteriorHash()}`}${ref.searchConstants ? `-search-${hashValue(ref.searchConstants)}` : ''}`,
  });
}
