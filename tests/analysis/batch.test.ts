import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch, type BatchOptions } from '../../src/model/analysis/node/run-batch.ts';
import { mergeBatches } from '../../src/model/analysis/node/merge-batches.ts';
import { createNodePool } from '../../src/model/worker/node-pool.ts';
import type { WorkerPool } from '../../src/model/worker/pool.ts';
import { STATISTICS } from '../../src/model/analysis/statistics.ts';
import { summaryFromChunks, writeResultsOnPool } from '../../src/model/analysis/node/batch-results.ts';
import { listChunks, readManifest } from '../../src/model/analysis/node/batch-dir.ts';

let root: string;
let pool2: WorkerPool;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cy-batch-'));
  pool2 = createNodePool(2);
});
afterAll(() => {
  pool2.close();
  rmSync(root, { recursive: true, force: true });
});

const base = (dir: string, extra: Partial<BatchOptions> = {}): BatchOptions => ({
  dir: join(root, dir),
  job: { model: { kind: 'toy', name: 'linear' }, runs: 1000, seed: 2024, sampling: 'lhs' },
  scenario: { id: 'toy', digest: 'toy-linear' },
  workers: 0,
  chunkSize: 90,
  progress: null,
  ...extra,
});
const read = (dir: string, f: string) => readFileSync(join(root, dir, f));

describe('batch on disk', () => {
  it('writes summary.csv, runs.csv and a manifest', async () => {
    const r = await runBatch(base('plain'));
    expect(r.computedRuns).toBe(1000);
    const summary = read('plain', 'summary.csv').toString();
    const lines = summary.trimEnd().split('\n');
    expect(lines[0]).toBe('output,time,statistic,value');
    expect(lines).toHaveLength(1 + 3 * 11 * STATISTICS.length);
    expect(Number(lines[1].split(",")[3])).toBeCloseTo(10, 1);
    expect(lines[1]).toMatch(/^level,2025,mean,/);
    const runs = read('plain', 'runs.csv').toString().trimEnd().split('\n');
    expect(runs[0]).toBe('run,a,b,c,d,level@2025,level@2030,level@2035,ratio@2025,ratio@2030,ratio@2035,noisy@2025,noisy@2030,noisy@2035');
    expect(runs).toHaveLength(1001);
    const m = JSON.parse(read('plain', 'manifest.json').toString());
    expect(m).toMatchObject({ seed: 2024, runs: 1000, sampling: 'lhs', modelVersion: 'toy-linear/1', runsDone: 1000, complete: true, shard: null });
  });

  it('computes the same summary with any memory budget (outputs in blocks)', () => {
    const dir = join(root, 'plain');
    const m = readManifest(dir)!;
    const files = listChunks(dir);
    const whole = read('plain', 'summary.csv').toString();
    expect(summaryFromChunks(m, files, 1)).toBe(whole); // one output per block
    expect(summaryFromChunks(m, files, 1000 * 11 * 8 * 2)).toBe(whole); // two outputs per block
  });

  it('writes the same bytes whether computed chunks are kept in memory, some of them, or none', async () => {
    // 'plain' kept every chunk (default budget); one chunk is 90 runs × (4 params + 33 KPI values).
    await runBatch(base('nocache', { cacheBudget: 0 }));
    await runBatch(base('somecache', { cacheBudget: 5 * 90 * 37 * 8 }));
    for (const f of ['summary.csv', 'runs.csv']) {
      expect(read('nocache', f).equals(read('plain', f)), f).toBe(true);
      expect(read('somecache', f).equals(read('plain', f)), f).toBe(true);
    }
  });

  it('formats runs.csv on a worker pool, in groups of any size, to the same bytes', async () => {
    const dir = join(root, 'plain');
    const m = readManifest(dir)!;
    const files = listChunks(dir);
    const job = base('plain').job;
    // One chunk per task, three per task, and the default (about one group per worker).
    for (const [name, bytes] of [['groups-1', 1], ['groups-3', 3 * 90 * 37 * 8], ['groups-default', undefined]] as const) {
      mkdirSync(join(root, name));
      await writeResultsOnPool(join(root, name), m, files, pool2, job, undefined, bytes);
      for (const f of ['summary.csv', 'runs.csv']) expect(read(name, f).equals(read('plain', f)), `${name} ${f}`).toBe(true);
      expect(readManifest(join(root, name))).toMatchObject({ complete: true, runsDone: 1000 });
    }
    // A chunk that cannot be read: the call fails, and leaves neither runs.csv nor a temp file.
    mkdirSync(join(root, 'groups-bad'));
    const bad = [...files.slice(0, 3), { ...files[3], path: join(root, 'groups-bad', 'missing.bin') }, ...files.slice(4)];
    await expect(writeResultsOnPool(join(root, 'groups-bad'), m, bad, pool2, job, undefined, 1)).rejects.toThrow(/missing\.bin/);
    expect(readdirSync(join(root, 'groups-bad'))).toEqual([]);
  });

  it('gives byte-identical files for 0, 1 and 2 worker threads', async () => {
    await runBatch(base('w1', { workers: 1 }));
    await runBatch(base('w2', { pool: pool2, workers: 2 }));
    for (const f of ['summary.csv', 'runs.csv']) {
      expect(read('w1', f).equals(read('plain', f))).toBe(true);
      expect(read('w2', f).equals(read('plain', f))).toBe(true);
    }
  });

  it('merges shards into the unsharded summary, byte for byte, for several splits', async () => {
    for (const n of [2, 3]) {
      const dirs: string[] = [];
      for (let i = 0; i < n; i++) {
        const d = `s${n}-${i}`;
        await runBatch(base(d, { shard: { index: i, count: n }, pool: i % 2 ? pool2 : undefined }));
        dirs.push(join(root, d));
      }
      const m = mergeBatches(dirs, join(root, `merged${n}`));
      expect(m).toMatchObject({ complete: true, runsDone: 1000, shard: null });
      expect(read(`merged${n}`, 'summary.csv').equals(read('plain', 'summary.csv'))).toBe(true);
      expect(read(`merged${n}`, 'runs.csv').equals(read('plain', 'runs.csv'))).toBe(true);
    }
  });

  it('refuses to merge different batches, missing shards and duplicates', async () => {
    await runBatch(base('other-seed', { job: { ...base('x').job, seed: 7 }, shard: { index: 1, count: 2 } }));
    expect(() => mergeBatches([join(root, 's2-0'), join(root, 'other-seed')], join(root, 'bad1'))).toThrow(/different batches \(seed: 2024 ≠ 7\)/);
    expect(() => mergeBatches([join(root, 's3-0'), join(root, 's3-2')], join(root, 'bad2'))).toThrow(/runs 333–665 of 1000 are missing/);
    expect(() => mergeBatches([join(root, 's2-0'), join(root, 's2-0'), join(root, 's2-1')], join(root, 'bad3'))).toThrow(/appear twice/);
    expect(() => mergeBatches([join(root, 'nowhere')], join(root, 'bad4'))).toThrow(/no manifest\.json/);
    for (const b of ['bad1', 'bad2', 'bad3', 'bad4']) expect(() => statSync(join(root, b))).toThrow();
    mkdirSync(join(root, 'occupied'));
    writeFileSync(join(root, 'occupied', 'keep.txt'), 'mine');
    expect(() => mergeBatches([join(root, 's2-0'), join(root, 's2-1')], join(root, 'occupied'))).toThrow(/not empty/);
    expect(readdirSync(join(root, 'occupied'))).toEqual(['keep.txt']);
  });

  it('resumes an interrupted batch: computes only the missing chunks, same bytes', async () => {
    await runBatch(base('resume'));
    // Simulate an interruption: three chunks and the results never got written.
    const cdir = join(root, 'resume', 'chunks');
    const files = readdirSync(cdir).sort();
    const keptMtime = statSync(join(cdir, files[0])).mtimeMs;
    for (const f of [files[1], files[5], files.at(-1)!]) rmSync(join(cdir, f));
    rmSync(join(root, 'resume', 'summary.csv'));
    writeFileSync(join(cdir, `.${files[2]}.123.tmp`), 'half-written');
    const r = await runBatch(base('resume'));
    expect(r.reusedRuns).toBe(1000 - 90 - 90 - 10);
    expect(r.computedRuns).toBe(190);
    expect(statSync(join(cdir, files[0])).mtimeMs).toBe(keptMtime);
    expect(readdirSync(cdir).some((f) => f.endsWith('.tmp'))).toBe(false);
    expect(read('resume', 'summary.csv').equals(read('plain', 'summary.csv'))).toBe(true);
    // A complete batch run again computes nothing.
    expect((await runBatch(base('resume'))).computedRuns).toBe(0);
  });

  it('refuses to resume into a directory holding a different batch or other files', async () => {
    await expect(runBatch(base('plain', { job: { ...base('x').job, runs: 999 } }))).rejects.toThrow(/holds a different batch \(runs: 1000 ≠ 999\)/);
    mkdirSync(join(root, 'junk'));
    writeFileSync(join(root, 'junk', 'notes.txt'), 'x');
    await expect(runBatch(base('junk'))).rejects.toThrow(/not empty and holds no batch manifest/);
  });

  it('completes with the same bytes when a worker dies mid-chunk', async () => {
    const died: string[] = [];
    await runBatch(base('crash', { pool: pool2, workers: 2, fault: { chunk: 450, afterRuns: 40 }, onWorkerDied: (m) => died.push(m) }));
    expect(died).toEqual(['runs 450–539: worker exited with code 70; restarted the worker and the chunk']);
    expect(read('crash', 'summary.csv').equals(read('plain', 'summary.csv'))).toBe(true);
  });
});
