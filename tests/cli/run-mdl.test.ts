// `chengyu-sim run MODEL.mdl` as a user runs it: CSV out, and bad input named with its line and column.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.ts';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 2 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = TIME STEP ~~|\n';

function file(text: string): string {
  const p = join(mkdtempSync(join(tmpdir(), 'cy-mdl-')), 'model.mdl');
  writeFileSync(p, text);
  return p;
}

describe('run MODEL.mdl', () => {
  it('runs a Vensim model and prints CSV', () => {
    const r = cli(['run', file(`{UTF-8}\nCup = INTEG(-cooling, 10) ~ C ~ |\ncooling = Cup * 0.5 ~ C/Minute ~ |\n${CONTROL}\\\\\\---/// Sketch\n*View 1\n`), '--vars', 'Cup']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('time,Cup\n0,10\n1,5\n2,2.5\n');
  });

  it('names the line and column of a syntax error and exits 2', () => {
    const r = cli(['run', file(`{UTF-8}\na = 1 ~~|\nb = (a + ~~|\n${CONTROL}`)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/model\.mdl: .*syntax error at "~".*\(line 3, column 10\)/);
  });

  it('names where an undefined variable is used', () => {
    const r = cli(['run', file(`{UTF-8}\na = 1 ~~|\n\nb = a + missing ~~|\n${CONTROL}`)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing.*defined at line 4, column 1/);
  });
});
