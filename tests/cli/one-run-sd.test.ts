// A batch of one run: its standard deviation is not 0 (that would read as "no uncertainty")
// but NaN, and the command says why.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.ts';

describe('batch --runs 1', () => {
  it('writes sd as NaN and notes on stderr that a spread needs two runs', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cy-sd1-')), 'b');
    const r = cli(['batch', '--toy-model', 'linear', '--runs', '1', '--workers', '0', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('batch: note: with one run the sd in summary.csv is NaN (a spread needs at least two runs)\n');
    const sd = readFileSync(join(out, 'summary.csv'), 'utf8').split('\n').filter((l) => l.split(',')[2] === 'sd');
    expect(sd.length).toBeGreaterThan(0);
    for (const l of sd) expect(l.split(',')[3]).toBe('NaN');
  }, 120_000);
});
