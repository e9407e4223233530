// How far the model's integration step is from converged: key outputs at the default Euler
// step (and others) against a fine RK4 reference run, and the same for a lever's paired effect.
import { getChengyuModel } from './run.ts';
import { CHENGYU_SIM } from './equations.ts';
import type { Method, RunResult } from '../engine/types.ts';
import { valueAt } from './experiments.ts';

/** Deviations from the reference run, per method and step. */
export interface NumericsCheck {
  outputs: string[];
  years: number[];
  rows: { method: Method; dt: number; deviationPct: number[][] }[];
  /** Largest |deviation| of the enterprise outputs at the default step, %. */
  defaultWorstHtePct: number;
  /** The same at Euler dt 0.25, %. */
  quarterWorstHtePct: number;
  /** |Corridor effect on 2035 circle enterprises at the default step / reference − 1|, %. */
  corridorEffectDeviationPct: number;
}


/** Compare runs at several steps with the RK4 dt = 1/64 reference. */
export function numericsCheck(): NumericsCheck {
  const m = getChengyuModel();
  const outputs = ['hte_circle', 'hte_sichuan', 'rd_intensity_circle', 'tech_contracts_circle'];
  const years = [2022, 2035];
  const ref = m.run({ method: 'rk4', sim: { dt: 1 / 64 } });
  const steps: [Method, number][] = [['euler', 0.25], ['euler', CHENGYU_SIM.dt], ['euler', 1 / 16], ['rk4', 0.25], ['rk4', 0.125]];
  const runs = steps.map(([method, dt]) => m.run({ method, sim: { dt } }));
  const rows = steps.map(([method, dt], i) => ({
    method, dt, deviationPct: outputs.map((o) => years.map((y) => 100 * (valueAt(runs[i], o, y) / valueAt(ref, o, y) - 1))),
  }));
  const worstHte = (dt: number) => Math.max(...rows.find((r) => r.method === 'euler' && r.dt === dt)!.deviationPct.slice(0, 2).flat().map(Math.abs));
  const corridor = { lever_corridor_integration: 0.6, lever_corridor_start_year: 2026 };
  // The lever's paired effect against the runs above without it (the reference, the default step).
  const effect = (method: Method, dt: number, without: RunResult) => valueAt(m.run({ method, sim: { dt }, constants: corridor }), 'hte_circle', 2035) - valueAt(without, 'hte_circle', 2035);
  const refEffect = effect('rk4', 1 / 64, ref);
  const defaultRun = runs[steps.findIndex(([method, dt]) => method === 'euler' && dt === CHENGYU_SIM.dt)];
  return {
    outputs, years, rows,
    defaultWorstHtePct: worstHte(CHENGYU_SIM.dt),
    quarterWorstHtePct: worstHte(0.25),
    corridorEffectDeviationPct: Math.abs(100 * (effect('euler', CHENGYU_SIM.dt, defaultRun) / refEffect - 1)),
  };
}
