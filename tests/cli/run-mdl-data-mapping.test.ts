// `chengyu-sim run MODEL.mdl` on Vensim data written in the model (time-value points with
// the four interpolation keywords, := data equations) and on subscript mappings (`->`,
// ordered, through an equivalence), as a user runs it. Expected values worked by hand in
// the models' comments (tests/mdl/models); Euler, dt = 0.5 and 1.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli } from './run-cli.ts';

const MODELS = join(ROOT, 'tests/mdl/models');

/** Columns of a CSV by header. */
function columns(csv: string): Record<string, number[]> {
  const [head, ...rows] = csv.trim().split('\n').map((l) => l.split(','));
  return Object.fromEntries(head.map((h, i) => [h, rows.map((r) => Number(r[i]))]));
}

describe('run MODEL.mdl: data in the model and subscript mappings', () => {
  it('reads data points by their keyword, and data equations at their inputs\' points', () => {
    const r = cli(['run', join(MODELS, 'data-in-model.mdl'), '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const c = columns(r.stdout);
    expect(c.time).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4]);
    expect(c.interpolated).toEqual([10, 10, 10, 15, 20, 25, 30, 30, 30]);
    expect(c.held).toEqual([10, 10, 10, 10, 10, 10, 30, 30, 30]);
    expect(c.ahead).toEqual([10, 10, 10, 30, 30, 30, 30, 30, 30]);
    const NA = -1e38;
    expect(c['raw points']).toEqual([NA, NA, 10, NA, NA, NA, 30, NA, NA]);
    // `held * factor` has points 20 at 1 and 60 at 3, interpolated (its own default), not held.
    expect(c['doubled held']).toEqual([20, 20, 20, 30, 40, 50, 60, 60, 60]);
    expect(c['stepped sum']).toEqual([20, 20, 20, 20, 20, 20, 60, 60, 60]);
    expect(c.glued).toEqual([11, 11, 11, 31, 31, 31, 31, 31, 31]);
    expect(c['constant data']).toEqual(Array(9).fill(3));
    expect(c['stock from data']).toEqual([0, 5, 10, 15, 20, 25, 30, 45, 60]);
  });

  it('names the line and column of malformed data and exits 2', () => {
    const p = join(mkdtempSync(join(tmpdir(), 'cy-mdl-data-')), 'model.mdl');
    const text = readFileSync(join(MODELS, 'data-in-model.mdl'), 'utf8').replace('held :HOLD BACKWARD: ((1, 10), (3, 30))', 'held :HOLD BACKWARD: ((3, 10), (1, 30))');
    writeFileSync(p, text);
    const r = cli(['run', p]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/model\.mdl: .*data "held": the times of its points must increase \(3 then 1\) \(line 7, column 1\)/);
  });

  it('reads a mapped range element by element, ordered mappings and equivalents too', () => {
    const r = cli(['run', join(MODELS, 'subscript-mapping.mdl'), '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const c = columns(r.stdout);
    expect([c['quality[clay]'][0], c['quality[plastic]'][0], c['quality[wood]'][0]]).toEqual([10, 20, 30]);
    // head → south and east (the coast), branch → west, remote → north.
    expect(['north', 'south', 'east', 'west'].map((g) => c[`served[${g}]`][0])).toEqual([301, 101, 101, 201]);
    expect(['north', 'south', 'east', 'west'].map((g) => c[`doubled[${g}]`][0])).toEqual([600, 200, 200, 400]);
    expect(c['skill[wood]']).toEqual([0, 3, 6]);
  });
});
