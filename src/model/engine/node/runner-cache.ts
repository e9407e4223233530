// A disk cache of runner images (Node): a batch worker, CLI process or cluster array task
// that finds the image of its runner skips parsing and compiling the model (and loading
// mathjs), about half a second each. The key covers everything the generated code depends
// on: the model spec, the runner options, and the engine's own source files and mathjs's
// version, so a change to any of them is a miss, never a stale runner. The cache keeps the
// RUNNER_CACHE_KEEP most recently used images: every engine upgrade and every new set of
// runner options adds one, and a shared cache directory on a cluster must not grow forever.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../../io/write-atomic.ts';
import { pruneCacheEntries, touchCacheEntry } from '../../../io/cache-files.ts';
import { stableStringify } from '../hash.ts';
import type { CompiledModel, RunnerOptions } from '../model.ts';
import type { Runner } from '../runner.ts';
import { runnerFromImage } from '../runner-image.ts';
import type { ModelSpec } from '../types.ts';

const ENGINE_DIR = fileURLToPath(new URL('..', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('../../../..', import.meta.url));

/** The cache directory: $CHENGYU_CACHE_DIR, or node_modules/.cache/chengyu-sim; null when set to "off". */
export function runnerCacheDir(env: Record<string, string | undefined> = process.env): string | null {
  const v = env.CHENGYU_CACHE_DIR;
  if (v === 'off' || v === '0') return null;
  return v || join(PROJECT_ROOT, 'node_modules', '.cache', 'chengyu-sim');
}

let engineDigest: string | undefined;

/** Digest of the engine's source files and mathjs's version (what generated code depends on). */
function engineVersion(): string {
  if (engineDigest) return engineDigest;
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.ts')) h.update(relative(ENGINE_DIR, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  walk(ENGINE_DIR);
  const pkg = createRequire(import.meta.url)('mathjs/package.json') as { version: string };
  h.update(`mathjs@${pkg.version}`);
  engineDigest = h.digest('hex');
  return engineDigest;
}

/** Cache key of the runner of `spec` under `opts`. */
export function runnerCacheKey(spec: ModelSpec, opts: RunnerOptions): string {
  return createHash('sha256').update(engineVersion()).update('\0').update(stableStringify(spec)).update('\0').update(stableStringify(opts)).digest('hex').slice(0, 32);
}

/** A runner and where it came from. */
export interface CachedRunner {
  runner: Runner;
  /** True when rebuilt from a cached image (nothing compiled). */
  hit: boolean;
}

/**
 * The runner of `spec` under `opts`: rebuilt from the cached image when there is a valid one,
 * else compiled with `compile` (which must compile this very spec) and its image cached.
 * A cache that cannot be read or written is passed over silently: it only saves time.
 */
export function cachedRunner(spec: ModelSpec, opts: RunnerOptions, compile: () => CompiledModel, dir = runnerCacheDir()): CachedRunner {
  if (dir === null) return { runner: compile().createRunner(opts), hit: false };
  const path = join(dir, `runner-${runnerCacheKey(spec, opts)}.json`);
  try {
    const runner = runnerFromImage(JSON.parse(readFileSync(path, 'utf8'))); // runnerFromImage checks it
    touchCacheEntry(path);
    return { runner, hit: true };
  } catch {
    // Missing, unreadable or malformed: compile, and (re)write it.
  }
  const model = compile();
  const runner = model.createRunner(opts);
  try {
    writeFileAtomic(path, JSON.stringify(model.runnerImage(opts)));
    pruneRunnerCache(dir);
  } catch {
    // Read-only or full disk: run without caching.
  }
  return { runner, hit: false };
}

/** Runner images the cache keeps (the most recently used). */
export const RUNNER_CACHE_KEEP = 32;

/** Remove all but the `keep` most recently used runner images of `dir`. */
export function pruneRunnerCache(dir: string, keep = RUNNER_CACHE_KEEP): void {
  pruneCacheEntries(dir, /^runner-[0-9a-f]{32}\.json$/, keep);
}

/** cachedRunner as a runner provider (see analysis/runner-provider.ts), with the default directory. */
export function cachedRunnerProvider(spec: ModelSpec, opts: RunnerOptions, compile: () => CompiledModel): Runner {
  return cachedRunner(spec, opts, compile).runner;
}
