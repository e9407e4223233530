// Running several variants of one model (policy scenarios) on common draws: every variant
// runs the same sampled points of the uncertain inputs with the same per-run seeds, so a
// difference variant − reference in run i is the policy's effect under draw i alone.
import { kpiWidth, type BatchModel } from './batch-model.ts';
import { computeChunk } from './chunk.ts';
import type { Seed } from './rng.ts';
import { Sampler, type SamplingMethod } from './sampling.ts';
import type { RunTable } from './summarize.ts';

/** Why `models` cannot share draws (different inputs, outputs or times), or undefined. */
export function commonDrawsProblem(models: readonly BatchModel[], names: readonly string[] = models.map((_, i) => `model ${i}`)): string | undefined {
  const ref = models[0];
  if (!ref) return 'no model given';
  const key = (m: BatchModel) => JSON.stringify(m.params.map((p) => [p.id, p.distribution]));
  for (let i = 1; i < models.length; i++) {
    const m = models[i];
    if (key(m) !== key(ref)) return `${names[i]} has other uncertain inputs than ${names[0]}`;
    if (m.outputs.join('\n') !== ref.outputs.join('\n')) return `${names[i]} reports other outputs than ${names[0]}`;
    if (m.times.length !== ref.times.length || m.times.some((t, k) => t !== ref.times[k])) {
      return `${names[i]} saves other times (${m.times[0]}–${m.times[m.times.length - 1]}) than ${names[0]} (${ref.times[0]}–${ref.times[ref.times.length - 1]})`;
    }
  }
  return undefined;
}

/**
 * Run every model `runs` times on the same sampled points and seeds (the first model's
 * sampling plan); returns one run table per model, in order. `onProgress(done, total)`
 * counts runs over all models. Throws when the models cannot share draws.
 */
export function runOnCommonDraws(
  models: readonly BatchModel[],
  runs: number,
  seed: Seed,
  sampling: SamplingMethod = 'lhs',
  onProgress?: (done: number, total: number) => void,
): RunTable[] {
  const problem = commonDrawsProblem(models);
  if (problem) throw new Error(`cannot run on common draws: ${problem}`);
  const sampler = new Sampler({ params: models[0].params, runs, seed, method: sampling });
  const block = 100;
  const total = runs * models.length;
  return models.map((model, m) => {
    const P = model.params.length;
    const K = kpiWidth(model);
    const paramValues = new Float64Array(runs * P);
    const values = new Float64Array(runs * K);
    for (let s = 0; s < runs; s += block) {
      const c = computeChunk(model, sampler, s, Math.min(block, runs - s));
      paramValues.set(c.params, s * P);
      values.set(c.values, s * K);
      onProgress?.(m * runs + s + c.count, total);
    }
    return { start: 0, count: runs, params: model.params.map((p) => p.id), outputs: model.outputs, times: model.times, paramValues, values };
  });
}
