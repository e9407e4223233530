// How far the model's integration step is from converged: key outputs at the default Euler
// step (and others) against a fine RK4 reference run, and the same for a lever's paired effect.
import { getChengyuModel } from './run.ts';
import { CHENGYU_SIM } from './equations.ts';
import type { Method, RunResult } from '../engine/types.ts';

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

const at = (r: RunResult, o: string, y: number) => r.series.get(o)![Array.from(r.times).indexOf(y)];

/** Compare runs at several steps with the RK4 dt = 1/64 reference. */
export function numericsCheck(): NumericsCheck {
  const m = getChengyuModel();
  const outputs = ['hte_circle', 'hte_sichuan', 'rd_intensity_circle', 'tech_contracts_circle'];
  const years = [2022, 2035];
  const ref = m.run({ method: 'rk4', sim: { dt: 1 / 64 } });
  const steps: [Method, number][] = [['euler', 0.25], ['euler', CHENGYU_SIM.dt], ['euler', 1 / 16], ['rk4', 0.25], ['rk4', 0.125]];
  const rows = steps.map(([method, dt]) => {
    const r = m.run({ method, sim: { dt } });
    return { method, dt, deviationPct: outputs.map((o) => years.map((y) => 100 * (at(r, o, y) / at(ref, o, y) - 1))) };
  });
  const worstHte = (dt: number) => Math.max(...rows.find((r) => r.method === 'euler' && r.dt === dt)!.deviationPct.slice(0, 2).flat().map(Math.abs));
  const corridor = { lever_corridor_integration: 0.6, lever_corridor_start_year: 2026 };
  const effect = (method: Method, dt: number) => at(m.run({ method, sim: { dt }, constants: corridor }), 'hte_circle', 2035) - at(m.run({ method, sim: { dt } }), 'hte_circle', 2035);
  const refEffect = effect('rk4', 1 / 64);
  return {
    outputs, years, rows,
    defaultWorstHtePct: worstHte(CHENGYU_SIM.dt),
    quarterWorstHtePct: worstHte(0.25),
    corridorEffectDeviationPct: Math.abs(100 * (effect('euler', CHENGYU_SIM.dt) / refEffect - 1)),
  };
}
