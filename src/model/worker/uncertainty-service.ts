// What the web app needs for its uncertainty views, over any worker pool: fan charts of a
// scenario (Monte Carlo) and tornado bars (sensitivity) for one KPI. Work runs in the
// pool's workers, so the page never blocks. Calls are "latest wins": a newer call of the
// same kind cancels an older one (no new chunks are started for it; it resolves to null).
import type { ModelRef } from './model-ref.ts';
import { fanCharts, type FanChart } from '../analysis/monte-carlo.ts';
import type { Seed } from '../analysis/rng.ts';
import type { SamplingMethod } from '../analysis/sampling.ts';
import { sensitivity, tornado, type SensitivityReport, type TornadoBar } from '../analysis/sensitivity.ts';
import { poolEvaluator } from './pool-evaluate.ts';
import { monteCarloOnPool } from './pool-monte-carlo.ts';
import { CancelledError, type WorkerPool } from './pool.ts';

/** Options of a fan-chart request. */
export interface FanRequest {
  model: ModelRef;
  runs: number;
  seed: Seed;
  sampling?: SamplingMethod;
  /** Outputs to return (default: all of the model's). */
  outputs?: string[];
  onProgress?: (done: number, total: number) => void;
}

/** Options of a tornado request. */
export interface TornadoRequest {
  model: ModelRef;
  method: 'morris' | 'sobol';
  samples: number;
  seed: number;
  output: string;
  /** Year of the KPI (default: the last reported time). */
  year?: number;
  bootstrap?: number;
}

/** Tornado bars plus the report they come from. */
export interface TornadoResult {
  bars: TornadoBar[];
  report: SensitivityReport;
}

/** The service; `close()` stops its workers. */
export interface UncertaintyService {
  fanCharts(req: FanRequest): Promise<FanChart[] | null>;
  tornado(req: TornadoRequest): Promise<TornadoResult | null>;
  close(): void;
}

/** Run `f` with a fresh cancellation token, cancelling the previous call's; null when cancelled. */
function latestWins() {
  let current: { aborted: boolean } | undefined;
  return async <T>(f: (signal: { readonly aborted: boolean }) => Promise<T>): Promise<T | null> => {
    if (current) current.aborted = true;
    const signal = { aborted: false };
    current = signal;
    try {
      const r = await f(signal);
      return signal.aborted ? null : r;
    } catch (err) {
      if (err instanceof CancelledError || signal.aborted) return null;
      throw err;
    }
  };
}

/** An uncertainty service on `pool` (Web Workers in the page: createWebPool()). */
export function createUncertaintyService(pool: WorkerPool): UncertaintyService {
  const fanCall = latestWins();
  const tornadoCall = latestWins();
  return {
    fanCharts(req) {
      return fanCall(async (signal) => {
        const job = { model: req.model, runs: req.runs, seed: req.seed, sampling: req.sampling ?? 'lhs' };
        const table = await monteCarloOnPool(pool, job, req.onProgress, undefined, signal);
        const fans = fanCharts(table);
        return req.outputs ? fans.filter((f) => req.outputs!.includes(f.output)) : fans;
      });
    },
    tornado(req) {
      return tornadoCall(async (signal) => {
        const job = { model: req.model, runs: 1, seed: req.seed, sampling: 'random' as const };
        const info = await pool.describe(job);
        const time = req.year ?? info.times[info.times.length - 1];
        const report = await sensitivity(
          info,
          { method: req.method, samples: req.samples, seed: req.seed, kpis: [{ output: req.output, time }], bootstrap: req.bootstrap ?? 200 },
          poolEvaluator(pool, job, info.params.length, req.seed, 256, signal),
        );
        return { bars: tornado(report.results[0], report.params), report };
      });
    },
    close() {
      pool.close();
    },
  };
}
