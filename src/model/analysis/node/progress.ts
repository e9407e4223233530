// Progress of a long run on stderr: a redrawn bar on a terminal, plain lines (every 10 %)
// otherwise, so logs of cluster jobs stay readable.

/** Something that receives progress text (process.stderr, or a test's collector). */
export interface ProgressSink {
  write(s: string): unknown;
  isTTY?: boolean;
}

/** A progress reporter over `total` units. */
export interface Progress {
  /** `done` units are complete (absolute). */
  update(done: number): void;
  /** Print the final state. */
  finish(): void;
}

/** Report progress of `label` over `total` runs to `sink`. */
export function createProgress(label: string, total: number, sink: ProgressSink, initial = 0): Progress {
  const t0 = Date.now();
  let lastDraw = 0;
  let lastDecile = Math.floor((initial / Math.max(total, 1)) * 10);
  let done = initial;
  const rate = () => {
    const s = (Date.now() - t0) / 1000;
    return s > 0 ? Math.round((done - initial) / s) : 0;
  };
  const draw = (final: boolean) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    if (sink.isTTY) {
      const width = 30;
      const fill = Math.round((pct / 100) * width);
      sink.write(`\r${label} [${'#'.repeat(fill)}${'-'.repeat(width - fill)}] ${pct}% ${done}/${total} runs, ${rate()} runs/s${final ? '\n' : ''}`);
    } else {
      sink.write(`${label}: ${done}/${total} runs (${pct}%), ${rate()} runs/s\n`);
    }
  };
  return {
    update(n) {
      done = n;
      if (sink.isTTY) {
        const now = Date.now();
        if (now - lastDraw > 100) {
          lastDraw = now;
          draw(false);
        }
      } else {
        const decile = Math.floor((done / Math.max(total, 1)) * 10);
        if (decile > lastDecile && done < total) {
          lastDecile = decile;
          draw(false);
        }
      }
    },
    finish() {
      draw(true);
    },
  };
}
