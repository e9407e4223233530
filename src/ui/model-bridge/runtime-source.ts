// The regional model as the page runs it: the calibrated chengyu model compiled by the
// engine, with the zones, rail lines, indicators and observations of its data.
import { getChengyuModel } from '../../model/chengyu/run.ts';
import { PARAMETERS } from '../../model/chengyu/parameters.ts';
import { NODES } from '../../model/chengyu/nodes.ts';
import { createModelRuntime, type ModelRuntime } from './model-runtime.ts';
import { KPIS, modelAreas, modelObservations, modelRail } from './model-meta.ts';
import { COST_SPLIT_OUTPUTS } from '../../model/chengyu/outputs.ts';

/** Compile the regional model and wrap it for the page. */
export function loadChengyuRuntime(): ModelRuntime {
  return createModelRuntime(getChengyuModel(), {
    areas: modelAreas(),
    rail: modelRail(),
    kpis: KPIS,
    observations: modelObservations(),
    parameters: PARAMETERS,
    extraColumns: ['park_cost_total', 'policy_cost_cumulative', ...Object.values(COST_SPLIT_OUTPUTS).flat()],
    elementLabels: Object.fromEntries(NODES.map((n) => [n.id, { zh: n.name_zh, en: n.name_en }])),
  });
}
