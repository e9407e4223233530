// Vensim data written in the model: the grammar of data keywords and := equations, the
// four ways of reading between points (and before the first, after the last), data
// equations computed at their inputs' points, and errors with line and column.
import { describe, expect, it } from 'vitest';
import { loadMdl, parseMdl } from '../../src/model/mdl/index.ts';
import { NA, seriesTable, valueAt, type DataSeries } from '../../src/model/mdl/data.ts';
import { errorOf, mdl, run } from './mdl-helpers.ts';

const series = (mode: DataSeries['mode']): DataSeries => ({ ts: [1, 3, 4], vs: [10, 30, -5], mode });

describe('data in the model (.mdl)', () => {
  it('parses keywords (spaced or glued as Vensim saves them), := equations and empty data', () => {
    const st = parseMdl('a:HOLD BACKWARD::= b * 2 ~~|\nb :look   forward: ((0, 1), (2, -3)) ~~|\nc := 4 ~~|\nd[Dim] :RAW: ~~|');
    expect(st[0]).toMatchObject({ k: 'eq', lhs: { name: 'a', mode: 'hold_backward' }, data: true, expr: { k: 'bin', op: '*' } });
    expect(st[1]).toMatchObject({ k: 'lookup', lhs: { name: 'b', mode: 'look_forward' }, table: { xs: [0, 2], ys: [1, -3] } });
    expect(st[2]).toMatchObject({ k: 'eq', lhs: { name: 'c' }, data: true });
    expect((st[2] as { lhs: { mode?: string } }).lhs.mode).toBeUndefined();
    expect(st[3]).toMatchObject({ k: 'eq', lhs: { name: 'd', subs: ['Dim'], mode: 'raw' }, expr: null });
  });

  it('reads between, at, before and after the points by the keyword', () => {
    const at = (mode: DataSeries['mode'], ts: number[]) => ts.map((t) => valueAt(series(mode), t));
    const ts = [0, 1, 2, 3, 3.5, 4, 9];
    expect(at('interpolate', ts)).toEqual([10, 10, 20, 30, 12.5, -5, -5]);
    expect(at('hold_backward', ts)).toEqual([10, 10, 10, 30, 30, -5, -5]);
    expect(at('look_forward', ts)).toEqual([10, 10, 30, 30, -5, -5, -5]);
    expect(at('raw', ts)).toEqual([NA, 10, NA, 30, NA, -5, NA]);
  });

  it('counts a time a sum of steps away from a point (0.1 * 3 for 0.3) as at it', () => {
    const s: DataSeries = { ts: [0.3, 0.5], vs: [1, 2], mode: 'look_forward' };
    expect(0.1 * 3).not.toBe(0.3);
    expect(valueAt(s, 0.1 * 3)).toBe(1);
    expect(valueAt({ ...s, mode: 'raw' }, 0.1 * 3)).toBe(1);
    expect(valueAt({ ...s, mode: 'hold_backward' }, 0.7 - 0.2)).toBe(2);
  });

  it('gives the engine tables that read as the series does, and runs them on Time', () => {
    for (const mode of ['interpolate', 'hold_backward', 'look_forward', 'raw'] as const) {
      const t = seriesTable(series(mode));
      for (let i = 1; i < t.xs.length; i++) expect(t.xs[i]).toBeGreaterThanOrEqual(t.xs[i - 1]);
    }
    const s = run(`h :HOLD BACKWARD: ((1, 10), (3, 30), (4, -5)) ~~|\nf :LOOK FORWARD: ((1, 10), (3, 30), (4, -5)) ~~|\nr :RAW: ((1, 10), (3, 30), (4, -5)) ~~|\ni ((1, 10), (3, 30), (4, -5)) ~~|\nx = i(Time) ~~|`);
    expect(s.h).toEqual([10, 10, 10, 30, -5]);
    expect(s.f).toEqual([10, 10, 30, 30, -5]);
    expect(s.r).toEqual([NA, 10, NA, 30, -5]);
    // Without a keyword, time-value pairs stay a lookup, read with an input.
    expect(s.x).toEqual([10, 10, 20, 30, -5]);
  });

  it('computes a data equation at its inputs\' points and reads it by its own keyword', () => {
    const s = run(`a :HOLD BACKWARD: ((0, 0), (4, 8)) ~~|
b :LOOK FORWARD: ((2, 1)) ~~|
k = 3 ~~|
c := a * 2 + b ~~|
d :HOLD BACKWARD: := c - k ~~|
e := IF THEN ELSE(a > 1, MAX(a, 5), -1) ~~|
f := k * Time ~~|
g := a + f ~~|`);
    // c has points 0, 2, 4: 0 + 1, 0 + 1, 16 + 1, interpolated.
    expect(s.c).toEqual([1, 1, 1, 9, 17]);
    expect(s.d).toEqual([-2, -2, -2, -2, 14]);
    // e has a's points: -1 at 0 (a = 0), MAX(8, 5) at 4; interpolated between.
    expect(s.e).toEqual([-1, 1.25, 3.5, 5.75, 8]);
    // On constants and Time alone, a data equation runs like an auxiliary.
    expect(s.f).toEqual([0, 3, 6, 9, 12]);
    // g has the points of a (0 and 4): 0 + 0, 8 + 12.
    expect(s.g).toEqual([0, 5, 10, 15, 20]);
  });

  it('refuses malformed data with the line and column in the .mdl', () => {
    expect(errorOf(() => loadMdl(mdl('a = 1 ~~|\nx :RAW: ((2, 1), (2, 3)) ~~|')))).toMatch(/data "x": the times of its points must increase \(2 then 2\) \(line 3, column 1\)/);
    expect(errorOf(() => loadMdl(mdl('x :RAW: = 4 ~~|')))).toMatch(/"x": the keyword :RAW: belongs to data.*\(line 2, column 1\)/);
    expect(errorOf(() => loadMdl(mdl('x :INTERPOLATE: ~~|')))).toMatch(/"x" has no equation: its values would come from a data file, which is not supported.*\(line 2, column 1\)/);
    expect(errorOf(() => loadMdl(mdl('s = INTEG(1, 0) ~~|\nx := s * 2 ~~|')))).toMatch(/only data, constants and Time may appear in the data equation of "x"; "s" is none of them \(line 3, column 1\)/);
    expect(errorOf(() => loadMdl(mdl('d ((0, 1)) ~~|\nx :RAW: ((0, 1)) ~~|\ny := SMOOTH(x, 2) ~~|')))).toMatch(/SMOOTH cannot be used in a data equation.*\(line 4, column 6\)/);
    expect(errorOf(() => loadMdl(mdl('Dim: A, B ~~|\nx[Dim] :RAW: ((0, 1)) ~~|')))).toMatch(/"x": subscripted data variables are not supported \(line 3, column 1\)/);
    expect(errorOf(() => loadMdl(mdl('x :RAW: ((0, 1)) ~~|\na := b + x ~~|\nb := a ~~|')))).toMatch(/data variable "a" is computed from itself/);
    expect(errorOf(() => loadMdl(mdl('x :RAW: ((0, 1) (1, 2)) ~~|')))).toMatch(/syntax error at "\(".*\(line 2, column 17\)/);
  });
});
