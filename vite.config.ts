// Build configuration of the web app (src/ui). Relative base so dist/ works as plain
// static files opened from any folder or served from any path. A small plugin writes the
// offline service worker (sw.js) with the list of every built file.
import { defineConfig, type Plugin } from 'vite';
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serviceWorkerSource } from './src/ui/sw/sw-source.ts';

/** Every file under `dir`, as paths relative to it with forward slashes. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out;
}

/** Emits sw.js precaching the bundle's files and public/ (its version = hash of their names and contents). */
function offlineServiceWorker(): Plugin {
  let publicDir = '';
  return {
    name: 'chengyu-offline-sw',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    generateBundle(_options, bundle) {
      const files = [...Object.keys(bundle), ...listFiles(publicDir)].filter((f) => !f.endsWith('.map'));
      const hash = createHash('sha256');
      for (const name of Object.keys(bundle).sort()) {
        const item = bundle[name];
        hash.update(name);
        hash.update(item.type === 'chunk' ? item.code : typeof item.source === 'string' ? item.source : Buffer.from(item.source));
      }
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource(hash.digest('hex').slice(0, 12), files) });
    },
  };
}

/** What the function `name` exported by the TypeScript module `file` returns, run now through tsx. */
async function computedByModel(root: string, file: string, name: string): Promise<unknown> {
  const { register } = await import('tsx/esm/api');
  const unregister = register();
  try {
    const mod = (await import(pathToFileURL(resolve(root, file)).href)) as Record<string, () => unknown>;
    return mod[name]();
  } finally {
    await unregister();
  }
}

/** A module whose default export is `value` (parsed from JSON text: faster to load than an object literal). */
const jsonModule = (value: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;

/** What a build-time module plugin answers: which imports it takes over, and the module's code. */
interface ComputedModule {
  name: string;
  /** The virtual module's id (`virtual:…`). */
  id: string;
  /** Import specifiers the plugin looks at (a hook filter: the bundler calls it only for these). */
  imports: RegExp;
  /** The resolved id of an import it takes over (`virtual` for the module), or undefined to leave it. */
  resolve(source: string, importer: string | undefined, root: string, virtual: string): string | undefined;
  /** The module's code, computed now. */
  code(root: string): Promise<string>;
}

/** A plugin serving one virtual module computed at build time. */
function computedModule(m: ComputedModule): Plugin {
  const virtual = `\0${m.id}`;
  let root = '.';
  return {
    name: m.name,
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
    },
    // Hook filters: the bundler calls these hooks only for the ids they match.
    resolveId: {
      filter: { id: m.imports },
      handler(source, importer) {
        return m.resolve(source, importer, root, virtual);
      },
    },
    load: {
      filter: { id: new RegExp(`^\\0${m.id}$`) },
      async handler(resolved) {
        return resolved === virtual ? m.code(root) : undefined;
      },
    },
  };
}

/**
 * `virtual:chengyu-prerender`: the model's description and baseline run, computed now by
 * the model's own code (through tsx), so the page can draw the baseline at once.
 */
const prerenderedModel = () =>
  computedModule({
    name: 'chengyu-prerender',
    id: 'virtual:chengyu-prerender',
    imports: /^virtual:chengyu-prerender$/,
    resolve: (_source, _importer, _root, virtual) => virtual,
    code: async (root) => jsonModule(await computedByModel(root, 'src/ui/model-bridge/prerender.ts', 'prerender')),
  });

/**
 * The model worker's "#mathjs": a replay of the answers mathjs gave when the regional model
 * was compiled at build time (src/model/engine/mathjs-tape.ts), so the worker ships no mathjs.
 * `virtual:chengyu-mathjs-tape` holds them, recorded by the model's own code (through tsx).
 */
const replayedMathjs = () =>
  computedModule({
    name: 'chengyu-mathjs-replay',
    id: 'virtual:chengyu-mathjs-tape',
    imports: /^(#mathjs|virtual:chengyu-mathjs-tape)$/,
    resolve: (source, _importer, root, virtual) => (source === '#mathjs' ? resolve(root, 'src/ui/worker/mathjs-replay.ts') : virtual),
    code: async (root) => jsonModule(await computedByModel(root, 'src/ui/model-bridge/worker-mathjs-tape.ts', 'workerMathjsTape')),
  });

/**
 * The worker's posterior.json: the same posterior with its draws in the packed form of
 * src/model/chengyu/posterior-codec.ts (lossless, about 7 KB less gzipped), unpacked on load.
 */
const packedPosterior = () =>
  computedModule({
    name: 'chengyu-packed-posterior',
    id: 'virtual:chengyu-posterior',
    imports: /^\.\/posterior\.json$/,
    resolve: (_source, importer, _root, virtual) => (importer && /[\\/]src[\\/]model[\\/]chengyu[\\/]posterior-data\.ts$/.test(importer) ? virtual : undefined),
    async code(root) {
      const packed = await computedByModel(root, 'src/ui/model-bridge/worker-posterior.ts', 'workerPosterior');
      const codec = JSON.stringify(resolve(root, 'src/model/chengyu/posterior-codec.ts'));
      return `import { unpackDraws } from ${codec};\nconst p = JSON.parse(${JSON.stringify(JSON.stringify(packed))});\np.draws = unpackDraws(p.draws);\nexport default p;`;
    },
  });

export default defineConfig({
  base: './',
  root: '.',
  build: {
    outDir: 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  worker: { format: 'es', plugins: () => [replayedMathjs(), packedPosterior()] },
  plugins: [prerenderedModel(), offlineServiceWorker()],
});
