import { describe, expect, it } from 'vitest';
import { identityDifference, MANIFEST_FORMAT, parseManifest, type BatchManifest } from '../../src/model/analysis/manifest.ts';

const m: BatchManifest = {
  format: MANIFEST_FORMAT,
  scenario: { id: 'corridor', digest: 'abc', path: 'a/corridor.json' },
  modelVersion: 'chengyu-1',
  seed: 42,
  runs: 1000,
  sampling: 'lhs',
  params: ['a', 'b'],
  outputs: ['hte_circle'],
  times: [2015, 2016],
  chunkSize: 50,
  shard: { index: 0, count: 2 },
  range: [0, 500],
  runsDone: 500,
  complete: true,
  tool: 'chengyu-sim',
};

describe('batch manifests', () => {
  it('shards of one batch agree; any difference in what was run is named', () => {
    expect(identityDifference(m, { ...m, shard: { index: 1, count: 2 }, range: [500, 1000], runsDone: 3, scenario: { ...m.scenario, path: 'elsewhere.json' } })).toBeUndefined();
    expect(identityDifference(m, { ...m, seed: 43 })).toBe('seed: 42 ≠ 43');
    expect(identityDifference(m, { ...m, runs: 999 })).toBe('runs: 1000 ≠ 999');
    expect(identityDifference(m, { ...m, modelVersion: 'chengyu-2' })).toBe('modelVersion: "chengyu-1" ≠ "chengyu-2"');
    expect(identityDifference(m, { ...m, scenario: { ...m.scenario, digest: 'xyz' } })).toBe('scenario.digest: "abc" ≠ "xyz"');
    expect(identityDifference(m, { ...m, sampling: 'random' })).toBe('sampling: "lhs" ≠ "random"');
    expect(identityDifference(m, { ...m, params: ['a'] })).toBe('params: ["a","b"] ≠ ["a"]');
    // Resume also needs the same slice and chunk grid.
    expect(identityDifference(m, { ...m, chunkSize: 10 }, ['shard', 'chunkSize'])).toBe('chunkSize: 50 ≠ 10');
  });
  it('parses manifests and rejects other JSON', () => {
    expect(parseManifest(JSON.stringify(m), 'x')).toEqual(m);
    expect(() => parseManifest('{"format":"other"}', 'd/manifest.json')).toThrow(/d\/manifest.json: not a chengyu-sim batch manifest/);
    expect(() => parseManifest('{', 'd/manifest.json')).toThrow(/not valid JSON/);
  });
});
