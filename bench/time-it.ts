// Timing for the benchmarks: V8 takes seconds to optimise large generated functions, so warm
// up by time (CHENGYU_BENCH_WARMUP_S, default 5 s per measurement), then take the best of
// five blocks of `n` calls.
const WARMUP_MS = 1000 * Number(process.env.CHENGYU_BENCH_WARMUP_S ?? 5);

/** Milliseconds per call of `f`: the best of five blocks of `n` calls after the warm-up. */
export function timeIt(n: number, f: () => void): number {
  const w = performance.now();
  while (performance.now() - w < WARMUP_MS) f();
  let best = Infinity;
  for (let b = 0; b < 5; b++) {
    const t = performance.now();
    for (let i = 0; i < n; i++) f();
    best = Math.min(best, (performance.now() - t) / n);
  }
  return best;
}
