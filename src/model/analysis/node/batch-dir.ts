// Files of a batch directory (Node only): manifest.json, chunks/runs-<start>-<end>.bin,
// summary.csv, runs.csv. Every file is written to a temp name and renamed into place, so
// a killed batch leaves only complete files, and a rerun trusts whatever chunks exist.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { writeFileAtomic } from '../../../io/write-atomic.ts';
import { decodeChunk, encodeChunk } from '../chunk-codec.ts';
import type { ChunkResult } from '../chunk.ts';
import { parseManifest, type BatchManifest } from '../manifest.ts';

/** Path of the manifest of `dir`. */
export function manifestPath(dir: string): string {
  return join(dir, 'manifest.json');
}

/** Read `dir`'s manifest, or undefined if there is none. */
export function readManifest(dir: string): BatchManifest | undefined {
  const p = manifestPath(dir);
  if (!existsSync(p)) return undefined;
  return parseManifest(readFileSync(p, 'utf8'), p);
}

/** Write `dir`'s manifest atomically. */
export function writeManifest(dir: string, m: BatchManifest): void {
  writeFileAtomic(manifestPath(dir), JSON.stringify(m, null, 2) + '\n');
}

const CHUNK_RE = /^runs-(\d{9})-(\d{9})\.bin$/;

/** File name of the chunk holding runs [start, start + count). */
export function chunkFileName(start: number, count: number): string {
  const pad = (n: number) => String(n).padStart(9, '0');
  return `runs-${pad(start)}-${pad(start + count)}.bin`;
}

/** Chunks present in `dir`: run ranges and paths, sorted by start. Leftover temp files are removed. */
export function listChunks(dir: string): Array<{ start: number; count: number; path: string }> {
  const cdir = join(dir, 'chunks');
  if (!existsSync(cdir)) return [];
  const out: Array<{ start: number; count: number; path: string }> = [];
  for (const f of readdirSync(cdir)) {
    if (f.startsWith('.') && f.endsWith('.tmp')) {
      // A temp file of an interrupted write; its chunk was never completed.
      rmSync(join(cdir, f), { force: true });
      continue;
    }
    const m = CHUNK_RE.exec(f);
    if (m) out.push({ start: Number(m[1]), count: Number(m[2]) - Number(m[1]), path: join(cdir, f) });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Path of the chunk file of runs [start, start + count) in `dir`. */
export function chunkPath(dir: string, start: number, count: number): string {
  return join(dir, 'chunks', chunkFileName(start, count));
}

/** Write a chunk's results atomically. */
export function writeChunk(dir: string, c: ChunkResult, P: number, K: number): void {
  writeFileAtomic(chunkPath(dir, c.start, c.count), encodeChunk(c, P, K));
}

/** Read a chunk file, checking it matches its name and the batch's widths. */
export function readChunk(path: string, P: number, K: number): ChunkResult {
  const buf = readFileSync(path);
  let c: ChunkResult;
  try {
    c = decodeChunk(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), P, K);
  } catch (err) {
    throw new Error(`${path}: ${(err as Error).message}`);
  }
  const m = CHUNK_RE.exec(basename(path));
  if (m && (Number(m[1]) !== c.start || Number(m[2]) !== c.start + c.count)) throw new Error(`${path}: content does not match its name`);
  return c;
}
