import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { packDraws, unpackDraws } from '../../src/model/chengyu/posterior-codec.ts';
import { POSTERIOR } from '../../src/model/chengyu/posterior-data.ts';

const same = (a: number[][], b: number[][]) => a.length === b.length && a.every((r, i) => r.length === b[i].length && r.every((x, j) => Object.is(x, b[i][j])));

describe('the packed posterior draws the web app\'s worker carries', () => {
  it('decode to the committed draws bit for bit, and gzip smaller than the rows', () => {
    const packed = packDraws(POSTERIOR.draws);
    expect(packed.columns.every((c) => 'e' in c)).toBe(true);
    expect(same(unpackDraws(JSON.parse(JSON.stringify(packed))), POSTERIOR.draws)).toBe(true);
    const gz = (x: unknown) => gzipSync(JSON.stringify(x), { level: 9 }).length;
    expect(gz(packed)).toBeLessThan(gz(POSTERIOR.draws) - 5000);
  });

  it('keep any column whose values do not come back exactly as they are', () => {
    const draws = [[0.1 + 0.2, 1e-7, -12.5, 0, 123456789], [1 / 3, 2.5e-7, 7, -0, 9007199254740991], [Math.PI, 3e-7, 1e21, 5, 1]];
    const packed = packDraws(draws);
    expect(same(unpackDraws(packed), draws)).toBe(true);
    // 0.1 + 0.2 and 1/3 have 17 digits: still integers below 2^53 (shortest forms), so packed.
    expect('e' in packed.columns[1]).toBe(true);
    expect(packDraws([]).columns).toEqual([]);
  });
});
