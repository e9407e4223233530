// The bundled worker entry: built once into the cache, used only while its inputs are
// unchanged, and its workers compute exactly what tsx-started workers compute.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWorkerBundle, bundleKey, freshWorkerBundle, WORKER_BUNDLES_KEEP } from '../../src/model/worker/node-worker-bundle.ts';
import { createNodePool } from '../../src/model/worker/node-pool.ts';
import type { WorkerPool } from '../../src/model/worker/pool.ts';
import type { BatchJob } from '../../src/model/worker/worker-api.ts';

const dir = mkdtempSync(join(tmpdir(), 'cy-worker-bundle-'));
const pools: WorkerPool[] = [];
afterAll(() => {
  for (const p of pools) p.close();
  rmSync(dir, { recursive: true, force: true });
});

async function chunk(pool: WorkerPool, job: BatchJob, start: number, count: number): Promise<Float64Array> {
  pools.push(pool);
  let out = new Float64Array(0);
  await pool.map(job, 1, (api) => api.runChunk(start, count), (_i, r) => {
    out = Float64Array.from([...r.params, ...r.values]);
  });
  return out;
}

describe('bundled worker entry', () => {
  it('is built into the cache directory and found fresh afterwards; older bundles are pruned', async () => {
    // Bundles of earlier versions, last used on days 1..6 of 2026.
    const old = Array.from({ length: 6 }, (_, k) => `worker-${String(k).repeat(32)}.mjs`);
    old.forEach((f, k) => {
      writeFileSync(join(dir, f), '');
      const t = new Date(Date.UTC(2026, 0, 1 + k));
      utimesSync(join(dir, f), t, t);
    });
    expect(freshWorkerBundle(dir)).toBeNull();
    const url = await buildWorkerBundle(dir);
    expect(url).not.toBeNull();
    expect(freshWorkerBundle(dir)?.href).toBe(url!.href);
    const m = JSON.parse(readFileSync(join(dir, 'worker-bundle.json'), 'utf8'));
    expect(m.inputs).toContain('src/model/worker/node-worker-entry.ts');
    expect(m.inputs).toContain('src/model/engine/compile.ts');
    // The new bundle and the most recently used of the old ones are kept.
    const bundles = readdirSync(dir).filter((f) => /^worker-.*\.mjs$/.test(f)).sort();
    expect(bundles).toEqual([`worker-${m.key}.mjs`, ...old.slice(6 - (WORKER_BUNDLES_KEEP - 1))].sort());
  });

  it('is stale as soon as one of its inputs differs', () => {
    // A bundle made from one file we can change.
    const other = join(dir, 'other');
    const probe = join(dir, 'probe.ts');
    writeFileSync(probe, 'export const a = 1;\n');
    const key = bundleKey([probe], 'test');
    rmSync(other, { recursive: true, force: true });
    mkdirSync(other);
    writeFileSync(join(other, `worker-${key}.mjs`), '');
    writeFileSync(join(other, 'worker-bundle.json'), JSON.stringify({ key, inputs: [probe], esbuild: 'test' }));
    expect(freshWorkerBundle(other)).not.toBeNull();
    writeFileSync(probe, 'export const a = 2;\n');
    expect(freshWorkerBundle(other)).toBeNull();
    expect(freshWorkerBundle(null)).toBeNull(); // cache off
  });

  it('starts workers that give the same numbers as tsx-started ones (toy and regional model)', async () => {
    const url = freshWorkerBundle(dir)!;
    for (const job of [
      { model: { kind: 'toy', name: 'linear' }, runs: 60, seed: 3, sampling: 'lhs' },
      { model: { kind: 'chengyu', constants: { lever_corridor_integration: 0.5 } }, runs: 12, seed: 5, sampling: 'random' },
    ] as BatchJob[]) {
      const viaBundle = await chunk(createNodePool(1, url), job, 2, 6);
      const viaTsx = await chunk(createNodePool(1), job, 2, 6);
      expect(viaBundle.length).toBeGreaterThan(0);
      expect([...viaBundle]).toEqual([...viaTsx]);
    }
  });
});
