// Merge shard directories of one batch into a directory whose summary.csv is
// byte-identical to an unsharded run's: the statistics are recomputed from every run's
// values in run order, never combined approximately from the shards' summaries.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { identityDifference, type BatchManifest } from '../manifest.ts';
import { listChunks, readChunk, readManifest, writeManifest } from './batch-dir.ts';
import { LOCK_FILE, lockBatchDir } from './batch-lock.ts';
import { writeFileAtomic } from '../../../io/write-atomic.ts';
import { writeResults } from './batch-results.ts';

/** Merge `dirs` (shards of one batch) into `out`; returns the merged manifest. */
export function mergeBatches(dirs: string[], out: string): BatchManifest {
  if (dirs.length === 0) throw new Error('merge needs at least one batch directory');
  const manifests = dirs.map((d) => {
    const m = readManifest(d);
    if (!m) throw new Error(`${d}: no manifest.json (not a batch directory)`);
    return m;
  });
  const first = manifests[0];
  manifests.forEach((m, i) => {
    const diff = identityDifference(first, m);
    if (diff) throw new Error(`cannot merge ${dirs[0]} and ${dirs[i]}: they are different batches (${diff})`);
  });
  // Every run 0..N-1 exactly once across the directories.
  const files = dirs.flatMap((d) => listChunks(d).map((c) => ({ ...c, dir: d })));
  files.sort((a, b) => a.start - b.start);
  let next = 0;
  for (const f of files) {
    if (f.start < next) {
      const other = files.find((g) => g !== f && g.start < f.start + f.count && f.start < g.start + g.count);
      throw new Error(`runs ${f.start}–${f.start + f.count - 1} appear twice (in ${f.dir} and ${other?.dir}); merge each shard once`);
    }
    if (f.start > next) throw new Error(`runs ${next}–${f.start - 1} of ${first.runs} are missing: finish or add the shard that holds them`);
    next = f.start + f.count;
  }
  if (next < first.runs) throw new Error(`runs ${next}–${first.runs - 1} of ${first.runs} are missing: finish or add the shard that holds them`);
  // Every chunk's checksum and widths, before anything is written.
  for (const f of files) readChunk(f.path, first.params.length, first.outputs.length * first.times.length);

  const merged: BatchManifest = { ...first, shard: null, range: [0, first.runs], runsDone: 0, complete: false };
  const unlock = lockBatchDir(out, 'merge');
  try {
    return mergeInto(out, merged, files);
  } finally {
    unlock();
  }
}

/** Write the merged batch into `out` (locked by the caller). */
function mergeInto(out: string, merged: BatchManifest, files: Array<{ start: number; count: number; path: string }>): BatchManifest {
  const existing = readManifest(out);
  if (existing) {
    const diff = identityDifference(existing, merged);
    if (diff) throw new Error(`${out} holds a different batch (${diff}); use another --out or remove it`);
  } else if (existsSync(out) && readdirSync(out).some((f) => f !== LOCK_FILE)) {
    throw new Error(`${out} is not empty and holds no batch manifest; use an empty or new --out directory`);
  }
  // Keep the per-run chunks with the merged result, so it is a complete batch directory.
  if (!existing) writeManifest(out, merged);
  for (const f of files) {
    const dest = join(out, 'chunks', basename(f.path));
    if (resolve(dest) !== resolve(f.path) && !existsSync(dest)) writeFileAtomic(dest, readFileSync(f.path));
  }
  return writeResults(out, merged, files);
}
