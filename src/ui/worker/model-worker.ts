// The model's Web Worker: compiles the regional model once, then answers runs over
// comlink, transferring (not copying) the result arrays to the page.
import { expose, transfer } from 'comlink';
import { goalSearch } from '../model-bridge/goal-search.ts';
import type { GoalAnswer, GoalProgress, GoalRequest } from '../model-bridge/goal-types.ts';
import { loadChengyuRuntime } from '../model-bridge/runtime-source.ts';
import type { ModelRuntime } from '../model-bridge/model-runtime.ts';
import type { ModelMeta, RunOutput } from '../model-bridge/types.ts';
import { fanOf, tornadoOf, type FanWithForecast } from '../model-bridge/uncertainty.ts';
import type { FamilySigma } from '../../model/chengyu/forecast-error.ts';
import { headlineDraws } from '../model-bridge/headline-draws.ts';
import type { HeadlineDraws } from '../model-bridge/headline-types.ts';
import type { TornadoBar } from '../../model/analysis/sensitivity.ts';

let runtime: ModelRuntime | undefined;
const get = (): ModelRuntime => (runtime ??= loadChengyuRuntime());

/** What the page can ask the worker. */
export interface ModelWorkerApi {
  meta(): ModelMeta;
  /** One run; `extra` output columns are added to the usual ones. */
  run(constants: Record<string, number>, extra?: string[]): RunOutput;
  /** Monte Carlo fan chart of one output column, with its band of past forecast errors under `scales`. */
  fan(constants: Record<string, number>, column: string, runs: number, scales?: FamilySigma[]): FanWithForecast;
  /** Morris tornado bars of one output column in one year. */
  tornado(constants: Record<string, number>, column: string, year: number, trajectories: number): Promise<TornadoBar[]>;
  /** Per-draw values of columns at the headline years (see headline-draws.ts). */
  headline(constants: Record<string, number>, columns: string[], years: number[], runs: number): HeadlineDraws;
  /** The cheapest lever package meeting the targets (see goal-search.ts); `onProgress` (a comlink proxy) hears each generation. */
  goal(req: GoalRequest, onProgress: (p: GoalProgress) => void): Promise<GoalAnswer>;
}

const api: ModelWorkerApi = {
  meta: () => get().meta,
  run(constants, extra) {
    const out = get().run(constants, extra);
    return transfer(out, [out.times.buffer, ...Object.values(out.columns).map((c) => c.buffer)]);
  },
  fan: (constants, column, runs, scales) => fanOf(constants, column, runs, scales),
  tornado: (constants, column, year, trajectories) => tornadoOf(constants, column, year, trajectories),
  headline(constants, columns, years, runs) {
    const out = headlineDraws(constants, columns, years, runs);
    return transfer(out, [out.values.buffer]);
  },
  goal: (req, onProgress) => goalSearch(req, (p) => void onProgress(p)),
};

expose(api);
