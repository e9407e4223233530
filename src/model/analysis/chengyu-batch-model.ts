// The regional model as a BatchModel: the registry's parameters with a distribution are
// the uncertain inputs; the headline KPIs per year are the outputs.
import { compileModel, type CompiledModel } from '../engine/model.ts';
import { buildChengyuSpecFrom, CHENGYU_SIM } from '../chengyu/equations.ts';
import { PARAMETERS } from '../chengyu/parameters.ts';
import type { BatchModel } from './batch-model.ts';
import { engineBatchModel } from './engine-batch-model.ts';
import type { UncertainParameter } from './sampling.ts';
import type { Method } from '../engine/types.ts';

/** Headline KPI outputs (stable names, DESIGN.md "Outputs"). */
export const HEADLINE_OUTPUTS: readonly string[] = [
  ...['sichuan', 'chengdu_city', 'chongqing', 'zones12', 'circle'].flatMap((r) => [`hte_${r}`, `rd_intensity_${r}`, `tech_contracts_${r}`]),
  'policy_cost',
  'policy_cost_cumulative',
];

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

let compiled: CompiledModel | undefined;

/** Build the regional model for a batch under a scenario (compiled once per thread; levers are constants). */
export function chengyuBatchModel(ref: ChengyuBatchRef): BatchModel {
  const model = (compiled ??= compileModel(buildChengyuSpecFrom({})));
  const end = ref.end ?? CHENGYU_SIM.stop;
  const saveTimes = Array.from({ length: end - CHENGYU_SIM.start + 1 }, (_, i) => CHENGYU_SIM.start + i);
  return engineBatchModel({
    model,
    params: uncertainParameters(),
    outputs: ref.outputs ?? [...HEADLINE_OUTPUTS],
    saveTimes,
    constants: ref.constants,
    method: ref.method,
    stop: end,
    dt: ref.dt,
    version: `chengyu/${model.hash}`,
  });
}
