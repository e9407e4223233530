// The Node worker entry as one bundled JavaScript file (esbuild), cached next to the
// compiled runners. A worker thread started from it loads one file instead of registering
// tsx (whose loader runs in a thread of its own) and transforming some fifty modules:
// about half a second less before a batch's first run. The bundle is used only while every
// file it was built from is unchanged (their contents are hashed on each use); otherwise,
// or when anything about it fails, workers start through tsx as before. A new build removes
// all but the WORKER_BUNDLES_KEEP most recently used bundles.
import { createHash } from 'node:crypto';
import { spawnNodeWorker } from './node-worker-spawn.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../../io/write-atomic.ts';
import { pruneCacheEntries, touchCacheEntry } from '../../io/cache-files.ts';
import { runnerCacheDir } from '../engine/node/runner-cache.ts';

const ENTRY = fileURLToPath(new URL('./node-worker-entry.ts', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const MANIFEST = 'worker-bundle.json';
/** Bundles the cache keeps: the one in use, and a few another checkout sharing the cache may still start workers from. */
export const WORKER_BUNDLES_KEEP = 4;

/** What a built bundle was built from. */
interface BundleManifest {
  /** Digest of the build's input files (and esbuild's and Node's versions). */
  key: string;
  /** Input files, relative to the project root. */
  inputs: string[];
}

/** Digest of a bundle's input files (paths relative to the project root, or absolute) and the tools' versions. */
export function bundleKey(inputs: string[], esbuildVersion: string): string {
  const h = createHash('sha256').update(`esbuild@${esbuildVersion} node@${process.version}\0`);
  for (const f of inputs) h.update(f).update('\0').update(readFileSync(resolve(PROJECT_ROOT, f))).update('\0');
  return h.digest('hex').slice(0, 32);
}

function bundlePath(dir: string, key: string): string {
  return join(dir, `worker-${key}.mjs`);
}

/** The cached bundle's URL when it is still what its inputs build to, else null (synchronous, a few ms). */
export function freshWorkerBundle(dir = runnerCacheDir()): URL | null {
  if (dir === null) return null;
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as BundleManifest & { esbuild: string };
    const path = bundlePath(dir, m.key);
    if (!existsSync(path) || bundleKey(m.inputs, m.esbuild) !== m.key) return null;
    touchCacheEntry(path);
    return pathToFileURL(path);
  } catch {
    return null;
  }
}

/**
 * Build the bundle into the cache directory and return its URL (null when esbuild is
 * missing or the build fails). Every module keeps its own `import.meta.url` (rewritten to
 * its source file's URL), so paths computed from it still point into the source tree.
 */
export async function buildWorkerBundle(dir = runnerCacheDir()): Promise<URL | null> {
  if (dir === null) return null;
  try {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: [ENTRY],
      absWorkingDir: PROJECT_ROOT,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      metafile: true,
      logLevel: 'silent',
      // CommonJS dependencies (seedrandom) call require(): give the ES module one.
      banner: { js: "import { createRequire as __cyCreateRequire } from 'node:module'; const require = __cyCreateRequire(import.meta.url);" },
      plugins: [{
        name: 'own-import-meta-url',
        setup(b) {
          b.onLoad({ filter: /\.ts$/ }, (args) => ({
            contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
            loader: 'ts',
          }));
        },
      }],
    });
    // package.json (the "#mathjs" import map) and tsconfig.json shape the build too.
    const inputs = [...new Set([...Object.keys(result.metafile.inputs), 'package.json', 'tsconfig.json'])].sort();
    const key = bundleKey(inputs, esbuild.version);
    const path = bundlePath(dir, key);
    writeFileAtomic(path, result.outputFiles[0].contents);
    // Only a bundle that starts a working worker becomes the one to use.
    if (!(await startsWorker(pathToFileURL(path)))) return null;
    writeFileAtomic(join(dir, MANIFEST), JSON.stringify({ key, inputs, esbuild: esbuild.version }, null, 1));
    pruneCacheEntries(dir, /^worker-[0-9a-f]{32}\.mjs$/, WORKER_BUNDLES_KEEP);
    return pathToFileURL(path);
  } catch {
    return null;
  }
}

/** Does a worker started from `url` load a (toy) model? */
async function startsWorker(url: URL): Promise<boolean> {
  const worker = spawnNodeWorker(url);
  try {
    const loaded = worker.api.init({ model: { kind: 'toy', name: 'linear' }, runs: 1, seed: 1, sampling: 'random' }).then((i) => i.outputs.length > 0, () => false);
    const died = worker.exited.then(() => false);
    const timeout = new Promise<false>((ok) => setTimeout(() => ok(false), 30_000).unref());
    return await Promise.race([loaded, died, timeout]);
  } finally {
    worker.terminate();
  }
}

let pending: Promise<URL | null> | undefined;

/** The worker entry to start threads from: the fresh bundle (built if needed, once per process), or null for the tsx bootstrap. */
export function workerBundle(): Promise<URL | null> {
  pending ??= Promise.resolve(freshWorkerBundle()).then((url) => url ?? buildWorkerBundle());
  return pending;
}
