// A stand-in regional model whose outputs depend visibly on the lever constants, to test
// the commands' logic (validation, --set, columns, provenance, comparison) in isolation.
import type { RunResult } from '../../src/model/engine/types.ts';
import type { ScenarioModel, ScenarioRunSettings } from '../../src/cli/commands/scenario-model.ts';

/** The fake model; `calls` records what each run received. */
export function fakeModel(): ScenarioModel & { calls: Array<{ constants: Record<string, number>; settings: ScenarioRunSettings }> } {
  const calls: Array<{ constants: Record<string, number>; settings: ScenarioRunSettings }> = [];
  return {
    version: 'fake-v1',
    calls,
    run(constants, settings): RunResult {
      calls.push({ constants, settings });
      const dt = settings.dt ?? 0.25;
      const stop = settings.stop ?? 2035;
      const n = Math.round((stop - 2015) / dt) + 1;
      const times = Float64Array.from({ length: n }, (_, i) => 2015 + i * dt);
      const on = (t: number) => (t >= constants.lever_science_city_start_year ? 1 : 0);
      const col = (f: (t: number) => number) => Float64Array.from(times, f);
      const series = new Map<string, Float64Array>([
        ['hte_circle', col((t) => 1000 + 10 * (t - 2015) + on(t) * constants.lever_science_city_investment)],
        ['rd_intensity_circle', col(() => 2 + constants.lever_rd_support_extra_share_gdp)],
        ['policy_cost', col((t) => on(t) * constants.lever_science_city_investment)],
        ['hte[chengdu]', col(() => 500 + constants.lever_parks_count)],
        ['hte[bishan]', col(() => 50)],
        ['knowledge[chengdu]', col(() => 1)],
      ]);
      return {
        times,
        names: [...series.keys()],
        series,
        meta: { modelHash: 'engine-hash', method: settings.method ?? 'euler', dt, start: 2015, stop, saveStep: dt },
      };
    },
  };
}
