// The page's handle on the model worker: comlink over a module Web Worker. A worker that
// dies (uncaught error, out of memory) fails the calls in flight with a clear error and is
// replaced on the next call, so one bad run never leaves the page without a model.
import { proxy, wrap, releaseProxy, type Remote } from 'comlink';
import type { ModelWorkerApi } from '../worker/model-worker.ts';
import type { ModelMeta, RunOutput } from './types.ts';
import type { FanWithForecast } from './uncertainty.ts';
import type { FamilySigma } from '../../model/chengyu/forecast-error.ts';
import type { TornadoBar } from '../../model/analysis/sensitivity.ts';
import type { HeadlineDraws } from './headline-types.ts';
import type { GoalAnswer, GoalProgress, GoalRequest } from './goal-types.ts';

/** Runs the regional model off the main thread. */
export class ModelClient {
  private worker: Worker | undefined;
  private api: Remote<ModelWorkerApi> | undefined;
  private died: Promise<never> | undefined;
  private broken = false;

  private ensure(): { api: Remote<ModelWorkerApi>; died: Promise<never> } {
    if (!this.api || !this.died || this.broken) {
      this.dispose();
      const worker = new Worker(new URL('../worker/model-worker.ts', import.meta.url), { type: 'module', name: 'chengyu-model' });
      this.died = new Promise<never>((_, reject) => {
        worker.addEventListener('error', (e) => {
          this.broken = true;
          reject(new Error(`the model worker stopped${e.message ? `: ${e.message}` : ''}`));
        });
      });
      // Nobody may be waiting when it dies; the next call starts a new worker.
      this.died.catch(() => {});
      this.worker = worker;
      this.api = wrap<ModelWorkerApi>(worker);
      this.broken = false;
    }
    return { api: this.api, died: this.died };
  }

  /** Static model information (areas, indicators, observations, structure). */
  meta(): Promise<ModelMeta> {
    const { api, died } = this.ensure();
    return Promise.race([api.meta(), died]);
  }

  /** One run with these model constant overrides; `extra` output columns are added to the usual ones. */
  run(constants: Record<string, number>, extra: string[] = []): Promise<RunOutput> {
    const { api, died } = this.ensure();
    return Promise.race([api.run(constants, extra), died]);
  }

  /** Monte Carlo fan chart of one output column, with the band of past forecast errors under `scales` (see uncertainty.ts). */
  fan(constants: Record<string, number>, column: string, runs: number, scales: FamilySigma[] = []): Promise<FanWithForecast> {
    const { api, died } = this.ensure();
    return Promise.race([api.fan(constants, column, runs, scales), died]);
  }

  /** Morris tornado bars of one output column in one year. */
  tornado(constants: Record<string, number>, column: string, year: number, trajectories: number): Promise<TornadoBar[]> {
    const { api, died } = this.ensure();
    return Promise.race([api.tornado(constants, column, year, trajectories), died]);
  }

  /** Per-draw values of columns at the headline years (see headline-draws.ts). */
  headline(constants: Record<string, number>, columns: string[], years: number[], runs: number): Promise<HeadlineDraws> {
    const { api, died } = this.ensure();
    return Promise.race([api.headline(constants, columns, years, runs), died]);
  }

  /** The goal search (see goal-search.ts); `onProgress` hears after every generation. */
  goal(req: GoalRequest, onProgress: (p: GoalProgress) => void): Promise<GoalAnswer> {
    const { api, died } = this.ensure();
    return Promise.race([api.goal(req, proxy(onProgress)), died]);
  }

  /** Stop the worker. */
  dispose(): void {
    this.api?.[releaseProxy]();
    this.worker?.terminate();
    this.api = undefined;
    this.worker = undefined;
    this.died = undefined;
  }
}

let shared: ModelClient | undefined;

/**
 * The page's one model client. The entry calls it before loading the interface code, so
 * the worker compiles the model while the page's scripts are still loading.
 */
export function sharedModelClient(): ModelClient {
  shared ??= new ModelClient();
  return shared;
}

let uncertainty: ModelClient | undefined;

/** A second model worker for the tornado's sensitivity runs, started on first use. */
export function uncertaintyModelClient(): ModelClient {
  uncertainty ??= new ModelClient();
  return uncertainty;
}

let headline: ModelClient | undefined;

/** A third model worker for the headline bands and the chart's fan (one set of runs for both), so they never wait behind a lever run or a tornado. */
export function headlineModelClient(): ModelClient {
  headline ??= new ModelClient();
  return headline;
}

let goal: ModelClient | undefined;

/** A fourth model worker for goal searches: a search takes seconds to minutes, and cancelling one stops this worker alone. */
export function goalModelClient(): ModelClient {
  goal ??= new ModelClient();
  return goal;
}
