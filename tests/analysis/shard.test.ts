import { describe, expect, it } from 'vitest';
import { formatShard, parseShard, shardRange } from '../../src/model/analysis/shard.ts';
import { chunkGrid } from '../../src/model/analysis/chunk.ts';

describe('shards', () => {
  it('parse i/n and reject malformed text', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 0 / 1 ')).toEqual({ index: 0, count: 1 });
    expect(formatShard(parseShard('3/4'))).toBe('3/4');
    expect(() => parseShard('4/4')).toThrow(/between 0 and 3/);
    expect(() => parseShard('-1/4')).toThrow(/i\/n/);
    expect(() => parseShard('a/b')).toThrow(/i\/n/);
    expect(() => parseShard('1/0')).toThrow(/positive/);
  });
  it('tile 0..N-1 exactly, for any n', () => {
    for (const N of [1, 7, 100, 1001]) {
      for (const n of [1, 2, 3, 8]) {
        const covered: number[] = [];
        for (let i = 0; i < n; i++) {
          const [a, b] = shardRange(N, { index: i, count: n });
          for (let r = a; r < b; r++) covered.push(r);
        }
        expect(covered).toEqual(Array.from({ length: N }, (_, r) => r));
      }
    }
  });
  it('chunk grid is aligned at 0 so shards cut the same chunks', () => {
    expect(chunkGrid(0, 10, 4)).toEqual([{ start: 0, count: 4 }, { start: 4, count: 4 }, { start: 8, count: 2 }]);
    expect(chunkGrid(5, 10, 4)).toEqual([{ start: 5, count: 3 }, { start: 8, count: 2 }]);
  });
});
