// What an analysis worker does, independent of the platform: load a model once per job,
// then compute chunks of Monte Carlo runs or evaluate sensitivity design points. The same
// object is exposed through comlink by the Node and the browser worker entries, and can
// be used in-thread directly (workers = 0).
import type { BatchModel } from '../analysis/batch-model.ts';
import { computeChunk, type ChunkResult } from '../analysis/chunk.ts';
import { resolveModel, type ModelRef } from './model-ref.ts';
import { evaluatePoints } from '../analysis/evaluate.ts';
import type { Seed } from '../analysis/rng.ts';
import { Sampler, type SamplingMethod } from '../analysis/sampling.ts';
import { chunkRunsRows, type RunsColumns } from '../analysis/summarize.ts';

/** A Monte Carlo job: the model and the sampling plan of all N runs. */
export interface BatchJob {
  model: ModelRef;
  runs: number;
  seed: Seed;
  sampling: SamplingMethod;
}

/** What a loaded model reports about itself. */
export interface ModelInfo {
  params: BatchModel['params'];
  outputs: string[];
  times: number[];
  version: string;
}

/** Fault injection for tests: exit the worker abruptly after this many runs of the chunk. */
export interface Fault {
  exitAfterRuns: number;
}

/** The worker's API (all methods async over comlink). */
export interface AnalysisWorkerApi {
  /** Load the job's model (once per job); returns its description. */
  init(job: BatchJob): Promise<ModelInfo>;
  /** Compute runs [start, start + count) of the job. */
  runChunk(start: number, count: number, fault?: Fault): Promise<ChunkResult>;
  /** Run the model at `rows` points (rows × params values); returns rows × columns.length KPI values. */
  evaluate(points: Float64Array, columns: Int32Array, seed: number): Promise<Float64Array>;
  /** runs.csv rows of computed chunks, in the order given (needs no model: any worker can format any batch's rows). */
  runsRows(chunks: ChunkResult[], columns: RunsColumns): Promise<string>;
}


/** Describe a model for ModelInfo. */
export function modelInfo(m: BatchModel): ModelInfo {
  return { params: m.params, outputs: m.outputs, times: Array.from(m.times), version: m.version };
}

/**
 * A worker API instance. `die` ends the worker abruptly (process exit in Node); it is
 * only used by fault injection. `transfer` marks result buffers for zero-copy transfer.
 */
export function createWorkerApi(
  die: (code: number) => void,
  transfer: <T>(value: T, buffers: ArrayBuffer[]) => T = (v) => v,
): AnalysisWorkerApi {
  let model: BatchModel | undefined;
  let job: BatchJob | undefined;
  let sampler: Sampler | undefined;
  let loadedKey = '';
  return {
    async init(j) {
      const key = JSON.stringify(j.model);
      if (!model || key !== loadedKey) {
        model = await resolveModel(j.model);
        loadedKey = key;
      }
      if (!job || JSON.stringify(job) !== JSON.stringify(j)) sampler = undefined;
      job = j;
      return modelInfo(model);
    },
    async runChunk(start, count, fault) {
      if (!model || !job) throw new Error('worker: runChunk before init');
      sampler ??= new Sampler({ params: model.params, runs: job.runs, seed: job.seed, method: job.sampling });
      const hook = fault ? (k: number) => k === fault.exitAfterRuns && die(70) : undefined;
      const r = computeChunk(model, sampler, start, count, hook);
      return transfer(r, [r.params.buffer as ArrayBuffer, r.values.buffer as ArrayBuffer]);
    },
    async evaluate(points, columns, seed) {
      if (!model) throw new Error('worker: evaluate before init');
      const y = evaluatePoints(model, points, columns, seed);
      return transfer(y, [y.buffer as ArrayBuffer]);
    },
    async runsRows(chunks, columns) {
      let text = '';
      for (const c of chunks) text += chunkRunsRows(columns, c);
      return text;
    },
  };
}
