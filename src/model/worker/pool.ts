// A pool of analysis workers, platform-independent: Node worker_threads and browser Web
// Workers plug in through `SpawnWorker`. Tasks are handed to whichever worker is free;
// results are reported as they arrive. A worker that dies (exit, crash) is replaced and
// its task run again — up to `maxAttempts` times, then the whole call fails with a clear
// message, so a batch never hangs on a dead worker. Results never depend on which worker
// ran a task (tasks are pure functions of the job and their index).
import type { AnalysisWorkerApi, BatchJob, ModelInfo } from './worker-api.ts';

/** The API as seen through comlink (or directly, in-thread). */
export type WorkerApiLike = {
  [K in keyof AnalysisWorkerApi]: (...args: Parameters<AnalysisWorkerApi[K]>) => Promise<Awaited<ReturnType<AnalysisWorkerApi[K]>>>;
};

/** A started worker. */
export interface WorkerHandle {
  api: WorkerApiLike;
  /** Resolves with a reason when the worker has died; stays pending while it lives. */
  exited: Promise<string>;
  /** Stop the worker (and release its resources). */
  terminate(): void;
}

/** Start one worker. */
export type SpawnWorker = () => WorkerHandle;

/** Raised inside the pool when a worker died while running a task. */
export class WorkerDiedError extends Error {
  constructor(reason: string) {
    super(`worker ${reason}`);
    this.name = 'WorkerDiedError';
  }
}

/** One unit of work: what to call on a worker for task `index` (attempt counts from 0). */
export type PoolTask<T> = (api: WorkerApiLike, index: number, attempt: number) => Promise<T>;

/** Options of WorkerPool.map. */
export interface MapOptions {
  /** Give up on a task after this many worker deaths while running it. Default 3. */
  maxAttempts?: number;
  /** Called when a worker died and was replaced (for logs). */
  onWorkerDied?: (task: number, reason: string) => void;
  /** Stop handing out tasks once aborted; map then rejects with CancelledError. */
  signal?: { readonly aborted: boolean };
}

/** A map call was aborted through its signal. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

interface Slot {
  handle: WorkerHandle;
  dead: Promise<never>;
  jobKey: string;
  info?: ModelInfo;
}

/** Race a call against the worker's death. */
function guarded<T>(slot: Slot, p: Promise<T>): Promise<T> {
  return Promise.race([p, slot.dead]);
}

/** A fixed-size pool of workers; reuse it for several calls, then close() it. */
export class WorkerPool {
  private readonly slots: Array<Slot | undefined> = [];
  private closed = false;
  // Calls run one at a time: a worker holds one job, so interleaved jobs would mix.
  private queue: Promise<unknown> = Promise.resolve();

  private exclusive<T>(f: () => Promise<T>): Promise<T> {
    const run = this.queue.then(f, f);
    this.queue = run.catch(() => {});
    return run;
  }

  constructor(
    private readonly spawn: SpawnWorker,
    readonly size: number,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`workers must be a positive integer (got ${size})`);
  }

  private start(k: number): Slot {
    const handle = this.spawn();
    const dead = handle.exited.then((reason) => {
      throw new WorkerDiedError(reason);
    });
    dead.catch(() => {}); // observed through guarded(); avoid unhandled-rejection noise
    const slot: Slot = { handle, dead, jobKey: '' };
    this.slots[k] = slot;
    return slot;
  }

  private async ready(k: number, job: BatchJob): Promise<Slot> {
    if (this.closed) throw new Error('worker pool is closed');
    const slot = this.slots[k] ?? this.start(k);
    const key = JSON.stringify(job);
    if (slot.jobKey !== key) {
      slot.info = await guarded(slot, slot.handle.api.init(job));
      slot.jobKey = key;
    }
    return slot;
  }

  private replace(k: number): void {
    this.slots[k]?.handle.terminate();
    this.slots[k] = undefined;
  }

  /**
   * Load the job's model on every worker (in parallel, so start-up costs one worker's
   * time, not one per worker) and describe it.
   */
  async describe(job: BatchJob): Promise<ModelInfo> {
    let info: ModelInfo | undefined;
    // init is idempotent on a loaded worker: it only returns the description again.
    await this.map(job, this.size, (api) => api.init(job), (_k, r) => {
      info ??= r;
    });
    if (!info) throw new Error('no worker could load the model');
    return info;
  }

  /** Run tasks 0..n-1 on the workers; `onResult` sees each result as it arrives. */
  map<T>(job: BatchJob, n: number, task: PoolTask<T>, onResult: (index: number, result: T) => void | Promise<void>, opts: MapOptions = {}): Promise<void> {
    return this.exclusive(() => this.mapNow(job, n, task, onResult, opts));
  }

  private async mapNow<T>(job: BatchJob, n: number, task: PoolTask<T>, onResult: (index: number, result: T) => void | Promise<void>, opts: MapOptions): Promise<void> {
    const maxAttempts = opts.maxAttempts ?? 3;
    const queue = Array.from({ length: n }, (_, i) => i);
    const attempts = new Int32Array(n);
    let failure: unknown;
    // Hand out the next task (the message is posted) before handling the last result, so the
    // worker computes while this thread writes that result instead of waiting for it.
    const dispatch = async (k: number): Promise<{ i: number; result: Promise<T> } | undefined> => {
      if (failure !== undefined || queue.length === 0) return undefined;
      if (opts.signal?.aborted) {
        failure ??= new CancelledError();
        return undefined;
      }
      const i = queue.shift()!;
      let result: Promise<T>;
      try {
        const slot = await this.ready(k, job);
        result = guarded(slot, task(slot.handle.api, i, attempts[i]));
      } catch (err) {
        result = Promise.reject(err);
      }
      result.catch(() => {}); // observed in loop(); a task left running after a failure is not
      return { i, result };
    };
    const loop = async (k: number) => {
      let cur = await dispatch(k);
      while (cur) {
        let result: T;
        try {
          result = await cur.result;
        } catch (err) {
          if (!(err instanceof WorkerDiedError)) {
            failure ??= err;
            return;
          }
          this.replace(k);
          attempts[cur.i]++;
          opts.onWorkerDied?.(cur.i, err.message);
          if (attempts[cur.i] >= maxAttempts) {
            failure ??= new Error(`task ${cur.i} failed ${attempts[cur.i]} times: ${err.message}`);
            return;
          }
          queue.unshift(cur.i);
          cur = await dispatch(k);
          continue;
        }
        // Aborted while this task ran: its result is no longer wanted either.
        if (opts.signal?.aborted) {
          failure ??= new CancelledError();
          return;
        }
        const next = await dispatch(k);
        try {
          await onResult(cur.i, result);
        } catch (err) {
          failure ??= err;
          return;
        }
        cur = next;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.size, Math.max(n, 1)) }, (_, k) => loop(k)));
    if (failure !== undefined) throw failure;
  }

  /** Stop all workers. */
  close(): void {
    this.closed = true;
    for (let k = 0; k < this.slots.length; k++) this.replace(k);
  }
}
