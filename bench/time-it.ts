// Timing for the benchmarks. Every figure is CPU time of this process: on a loaded machine
// wall-clock blocks are stretched at random by preemption (a long block more often than a
// short one), while the CPU time a computation takes stays put. V8 takes seconds to optimise
// large generated functions, so warm up by time (CHENGYU_BENCH_WARMUP_S, default 5 s of CPU
// time per measurement), then take the best of five blocks of `n` calls.
const WARMUP_MS = 1000 * Number(process.env.CHENGYU_BENCH_WARMUP_S ?? 5);

/** CPU milliseconds (user + system) this process has used. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** CPU milliseconds per call of `f`, over `n` calls. */
export function block(n: number, f: () => void): number {
  const t = cpuMs();
  for (let i = 0; i < n; i++) f();
  return (cpuMs() - t) / n;
}

/** Call `f` for the warm-up time (CPU time). */
export function warmUp(f: () => void): void {
  const w = cpuMs();
  while (cpuMs() - w < WARMUP_MS) f();
}

/** CPU milliseconds per call of `f`: the best of five blocks of `n` calls after the warm-up. */
export function timeIt(n: number, f: () => void): number {
  warmUp(f);
  let best = Infinity;
  for (let b = 0; b < 5; b++) best = Math.min(best, block(n, f));
  return best;
}
