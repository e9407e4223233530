// "Latest input wins" scheduling for model runs: while one run is in flight, newer
// inputs replace each other so a fast lever drag never queues a backlog of stale runs.

/** Called with each finished run's input and output, in submission order. */
export type ResultHandler<I, O> = (input: I, output: O, seq: number) => void;
/** Called when a run fails. */
export type ErrorHandler<I> = (input: I, error: unknown, seq: number) => void;

/**
 * Runs `task` for submitted inputs, at most one at a time. An input submitted while a
 * run is in flight waits; a later submission replaces it (the skipped input never runs).
 * A result is delivered only if no newer result was already delivered.
 */
export class LatestWins<I, O> {
  private running = false;
  private pending: { input: I; seq: number } | undefined;
  private seq = 0;
  private delivered = -1;
  private idleWaiters: Array<() => void> = [];
  /** Number of task invocations so far (for tests and benchmarks). */
  runs = 0;

  constructor(
    private readonly task: (input: I) => Promise<O>,
    private readonly onResult: ResultHandler<I, O>,
    private readonly onError: ErrorHandler<I> = () => {},
  ) {}

  /** Schedule a run for `input`; returns its sequence number. */
  submit(input: I): number {
    const seq = ++this.seq;
    this.pending = { input, seq };
    if (!this.running) void this.drain();
    return seq;
  }

  /** Resolves when nothing is running or pending. */
  idle(): Promise<void> {
    if (!this.running && !this.pending) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.pending) {
      const { input, seq } = this.pending;
      this.pending = undefined;
      this.runs++;
      try {
        const out = await this.task(input);
        if (seq > this.delivered) {
          this.delivered = seq;
          this.onResult(input, out, seq);
        }
      } catch (err) {
        this.onError(input, err, seq);
      }
    }
    this.running = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
