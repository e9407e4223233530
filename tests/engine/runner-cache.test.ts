// The disk cache of runner images: a hit rebuilds the same runner without compiling; any
// change to the spec or the options is a miss; a broken cache file is replaced, not trusted.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileModel } from '../../src/model/engine/index.ts';
import type { ModelSpec } from '../../src/model/engine/index.ts';
import { cachedRunner, pruneRunnerCache, runnerCacheDir, runnerCacheKey } from '../../src/model/engine/node/runner-cache.ts';
import { aux, flow, model, stock } from './helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'cy-runner-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const specWith = (rate: string): ModelSpec => model({ start: 0, stop: 10, dt: 0.5 }, [
  stock('pop', '100', ['births'], []),
  flow('births', 'pop * rate * (1 + noise)'),
  aux('rate', rate),
  aux('noise', 'RANDOM(-0.05, 0.05)'),
  aux('doubled', 'pop * 2'),
]);

describe('runner cache', () => {
  it('compiles on a miss, rebuilds from the image on a hit, with identical outputs', () => {
    const dir = join(root, 'a');
    const spec = specWith('0.03');
    let compiles = 0;
    const compile = () => {
      compiles++;
      return compileModel(spec);
    };
    const opts = { outputs: ['doubled', 'pop'], method: 'rk4' as const };
    const first = cachedRunner(spec, opts, compile, dir);
    const second = cachedRunner(spec, opts, compile, dir);
    expect([first.hit, second.hit, compiles]).toEqual([false, true, 1]);
    expect([...second.runner.run(undefined, 9)]).toEqual([...first.runner.run(undefined, 9)]);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('misses when the spec or the options change', () => {
    const dir = join(root, 'b');
    const opts = { outputs: ['pop'] };
    expect(cachedRunner(specWith('0.03'), opts, () => compileModel(specWith('0.03')), dir).hit).toBe(false);
    const other = cachedRunner(specWith('0.04'), opts, () => compileModel(specWith('0.04')), dir);
    expect(other.hit).toBe(false);
    expect(cachedRunner(specWith('0.03'), { outputs: ['pop'], saveTimes: [0, 10] }, () => compileModel(specWith('0.03')), dir).hit).toBe(false);
    expect(runnerCacheKey(specWith('0.03'), opts)).not.toBe(runnerCacheKey(specWith('0.04'), opts));
    // The runner of the changed spec runs the changed spec.
    const pop = other.runner.run(undefined, 1);
    const fresh = compileModel(specWith('0.04')).createRunner(opts).run(undefined, 1);
    expect([...pop]).toEqual([...fresh]);
  });

  it('keeps only the most recently used images, and nothing else of the directory is touched', () => {
    const dir = join(root, 'prune');
    const rates = ['0.01', '0.02', '0.03', '0.04'];
    const opts = { outputs: ['pop'] };
    rates.forEach((r, k) => {
      cachedRunner(specWith(r), opts, () => compileModel(specWith(r)), dir);
      // Distinct, increasing use times (file times can be coarse).
      const t = new Date(Date.UTC(2026, 0, 1 + k));
      utimesSync(join(dir, `runner-${runnerCacheKey(specWith(r), opts)}.json`), t, t);
    });
    writeFileSync(join(dir, 'worker-0123.mjs'), '// another kind of entry');
    // A hit marks the oldest image as just used.
    expect(cachedRunner(specWith('0.01'), opts, () => compileModel(specWith('0.01')), dir).hit).toBe(true);
    pruneRunnerCache(dir, 2);
    const left = readdirSync(dir).sort();
    const file = (r: string) => `runner-${runnerCacheKey(specWith(r), opts)}.json`;
    expect(left).toEqual([file('0.01'), file('0.04'), 'worker-0123.mjs'].sort());
  });

  it('replaces a corrupt cache file instead of trusting it', () => {
    const dir = join(root, 'c');
    const spec = specWith('0.03');
    const opts = { outputs: ['pop'] };
    cachedRunner(spec, opts, () => compileModel(spec), dir);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file), '{"format":"chengyu-sim/runner-image@1","source":');
    const again = cachedRunner(spec, opts, () => compileModel(spec), dir);
    expect(again.hit).toBe(false);
    expect(cachedRunner(spec, opts, () => compileModel(spec), dir).hit).toBe(true);
  });

  it('runs without caching when the directory cannot be written', () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'not a directory');
    const spec = specWith('0.03');
    const r = cachedRunner(spec, { outputs: ['pop'] }, () => compileModel(spec), join(blocker, 'cache'));
    expect(r.hit).toBe(false);
    expect([...r.runner.run(undefined, 2)]).toEqual([...compileModel(spec).createRunner({ outputs: ['pop'] }).run(undefined, 2)]);
  });

  it('is off when CHENGYU_CACHE_DIR=off, and follows CHENGYU_CACHE_DIR otherwise', () => {
    expect(runnerCacheDir({ CHENGYU_CACHE_DIR: 'off' })).toBeNull();
    expect(runnerCacheDir({ CHENGYU_CACHE_DIR: '/tmp/x' })).toBe('/tmp/x');
    expect(runnerCacheDir({})).toMatch(/node_modules[/\\]\.cache[/\\]chengyu-sim$/);
    const spec = specWith('0.03');
    expect(cachedRunner(spec, { outputs: ['pop'] }, () => compileModel(spec), null).hit).toBe(false);
  });
});
