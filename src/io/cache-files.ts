// Node-only upkeep of a cache directory shared by processes (worker threads, CLI runs, a
// cluster's array tasks): entries are marked when used, and all but the most recently used
// entries of a kind are removed, so the directory does not grow with every new version.
import { readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

/** Mark a cache entry as just used (pruning keeps recent ones); a read-only cache is fine. */
export function touchCacheEntry(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // Unwritable: the entry still serves; it may just be pruned earlier.
  }
}

/**
 * Remove all but the `keep` most recently used files of `dir` whose names match `name`.
 * Another process may be reading one at that moment: it then misses, as on any miss.
 */
export function pruneCacheEntries(dir: string, name: RegExp, keep: number): void {
  const entries = readdirSync(dir)
    .filter((f) => name.test(f))
    .map((f) => {
      try {
        return { path: join(dir, f), used: statSync(join(dir, f)).mtimeMs };
      } catch {
        return null; // removed meanwhile
      }
    })
    .filter((x): x is { path: string; used: number } => x !== null)
    .sort((a, b) => b.used - a.used);
  for (const { path } of entries.slice(keep)) rmSync(path, { force: true });
}
