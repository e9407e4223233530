// Small models with known answers, for tests, benches and demos of the analysis
// machinery: the Ishigami function (analytic Sobol indices) and a linear-growth model
// whose outputs have closed-form distributions.
import type { BatchModel } from './batch-model.ts';

/** Options of the toy models. */
export interface ToyOptions {
  /** Take this many milliseconds per run (to test progress, interruption, crashes). */
  delayMs?: number;
}

/** Ishigami function y = sin x1 + a sin² x2 + b x3⁴ sin x1, xi ~ U(-π, π); a = 7, b = 0.1. */
export function ishigami(x1: number, x2: number, x3: number, a = 7, b = 0.1): number {
  const s2 = Math.sin(x2);
  return Math.sin(x1) + a * s2 * s2 + b * x3 ** 4 * Math.sin(x1);
}

/** Analytic Sobol indices of the Ishigami function for a = 7, b = 0.1. */
export function ishigamiIndices(a = 7, b = 0.1): { S1: number[]; ST: number[] } {
  const pi4 = Math.PI ** 4;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = (a * a) / 8;
  const v13 = ((b * b * pi4 * pi4) * 8) / 225;
  const v = v1 + v2 + v13;
  return { S1: [v1 / v, v2 / v, 0], ST: [(v1 + v13) / v, v2 / v, v13 / v] };
}

// Sleeping, not spinning, keeps parallel tests (cluster array tasks) off the CPU. Browsers
// without cross-origin isolation have no SharedArrayBuffer: they spin instead.
const sleeper = typeof SharedArrayBuffer === 'function' ? new Int32Array(new SharedArrayBuffer(4)) : undefined;

/** Take `ms` milliseconds of wall time (toy models' simulated cost). */
function spin(ms: number): void {
  if (sleeper) {
    Atomics.wait(sleeper, 0, 0, ms);
    return;
  }
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* busy */
  }
}

/** Build a toy model by name: 'ishigami' or 'linear'. */
export function toyModel(name: string, options: ToyOptions = {}): BatchModel {
  const delay = options.delayMs ?? 0;
  if (name === 'ishigami') {
    const u = { type: 'uniform' as const, min: -Math.PI, max: Math.PI };
    return {
      params: [1, 2, 3].map((i) => ({ id: `x${i}`, distribution: u })),
      outputs: ['y'],
      times: Float64Array.of(0),
      version: 'toy-ishigami/1',
      run(v, _seed, out) {
        if (delay) spin(delay);
        out[0] = ishigami(v[0], v[1], v[2]);
      },
    };
  }
  if (name === 'linear') {
    // level(t) = a + b·t with a ~ N(10, 2), b ~ U(0, 1); ratio = a / c with c ~ lognormal.
    const times = Float64Array.from({ length: 11 }, (_, i) => 2025 + i);
    return {
      params: [
        { id: 'a', distribution: { type: 'normal', mean: 10, sd: 2 } },
        { id: 'b', distribution: { type: 'uniform', min: 0, max: 1 } },
        { id: 'c', distribution: { type: 'lognormal', mu: 0, sigma: 0.5, min: 0.5, max: 3 } },
        { id: 'd', distribution: { type: 'triangular', min: 0, mode: 1, max: 4 } },
      ],
      outputs: ['level', 'ratio', 'noisy'],
      times,
      version: 'toy-linear/1',
      run(v, seed, out) {
        if (delay) spin(delay);
        const T = times.length;
        for (let t = 0; t < T; t++) {
          out[t] = v[0] + v[1] * t;
          out[T + t] = v[0] / v[2];
          // Depends on the run's model seed, so tests see that seeds are per run too.
          out[2 * T + t] = v[3] + ((seed % 1000) / 1000) * t;
        }
      },
    };
  }
  throw new Error(`unknown toy model "${name}" (known: ishigami, linear)`);
}
