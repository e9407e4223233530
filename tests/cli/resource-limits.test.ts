// Absurd models are refused with one line naming the model, the figure and the cap, at
// once and before any allocation (no out-of-memory crash, no "Maximum call stack size
// exceeded"), through the real `run` command.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.ts';

const T = 120_000;
const dir = mkdtempSync(join(tmpdir(), 'cy-limits-'));

function xmile(file: string, name: string, sim: string, body: string, dims = ''): string {
  const path = join(dir, file);
  writeFileSync(path, `<?xml version="1.0"?>
<xmile version="1.0"><header><name>${name}</name></header>
<sim_specs>${sim}</sim_specs>${dims}
<model><variables>${body}</variables></model></xmile>`);
  return path;
}

const stockAndFlow = '<stock name="S"><eqn>1</eqn><inflow>f</inflow></stock><flow name="f"><eqn>S*0.01</eqn></flow>';

/** Run and expect a refusal of one line, exit 2, within a few seconds of CPU. */
function refused(path: string, pattern: RegExp): void {
  const t0 = Date.now();
  const r = cli(['run', path]);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.code).toBe(2);
  expect(r.stderr).not.toMatch(/call stack|heap|allocation failed/i);
  // Refused up front: far from the 37 s an out-of-memory crash took.
  expect(Date.now() - t0).toBeLessThan(60_000);
}

describe('resource limits of a model', () => {
  it('refuses 10^18 steps, naming the model, the figure and the cap', () => {
    const p = xmile('steps.xmile', 'huge', '<start>0</start><stop>1e18</stop><dt>1</dt>', stockAndFlow);
    refused(p, /^chengyu-sim: .*steps\.xmile: model "huge": a run takes 10\^18 steps × 2 values = 2·10\^18, over the cap of 10\^11 \(steps × values\)/);
  }, T);

  it('refuses a run whose saved values would not fit the cap', () => {
    const p = xmile('saves.xmile', 'saves', '<start>0</start><stop>1e8</stop><dt>1</dt>', stockAndFlow);
    refused(p, /model "saves": a run saves 10\^8 times × 2 columns = 2·10\^8 values, over the cap of 6\.71·10\^7/);
  }, T);

  it('refuses a dimension of 2·10^9 elements before making its element names', () => {
    const p = xmile('dim.xmile', 'wide', '<start>0</start><stop>1</stop><dt>1</dt>',
      '<aux name="a"><dimensions><dim name="Big"/></dimensions><eqn>1</eqn></aux>',
      '<dimensions><dim name="Big" size="2000000000"/></dimensions>');
    refused(p, /dim\.xmile: dimension "Big" has size 2000000000; allowed: a whole number up to the cap of 10\^6 elements/);
  }, T);

  it('refuses a variable whose dimensions multiply past the cap', () => {
    const p = xmile('grid.xmile', 'grid', '<start>0</start><stop>1</stop><dt>1</dt>',
      '<aux name="g"><dimensions><dim name="R"/><dim name="C"/></dimensions><eqn>1</eqn></aux>',
      '<dimensions><dim name="R" size="100000"/><dim name="C" size="1000"/></dimensions>');
    refused(p, /"g" has 10\^8 elements \(100000 × 1000\), over the cap of 10\^7/);
  }, T);

  it('refuses deeply nested brackets and very long operator chains with a clear message', () => {
    const n = 20_000;
    const deep = xmile('deep.xmile', 'deep', '<start>0</start><stop>1</stop><dt>1</dt>', `<aux name="a"><eqn>${'('.repeat(n)}1${')'.repeat(n)}</eqn></aux>`);
    refused(deep, /deep\.xmile: a: .*the equation is nested too deeply \(caps: 100 levels of brackets, 800 levels of operators and calls\)/);
    const chain = xmile('chain.xmile', 'chain', '<start>0</start><stop>1</stop><dt>1</dt>', `<aux name="x"><eqn>1</eqn></aux><aux name="a"><eqn>${Array(5000).fill('x').join(' + ')}</eqn></aux>`);
    refused(chain, /chain\.xmile: .*nested too deeply/);
    const unary = xmile('unary.xmile', 'unary', '<start>0</start><stop>1</stop><dt>1</dt>', `<aux name="a"><eqn>${'- '.repeat(n)}1</eqn></aux>`);
    refused(unary, /unary\.xmile: .*nested too deeply/);
  }, T);

  it('still runs a long sum of moderate length (a chain is one bracket after translation)', () => {
    const p = xmile('sum.xmile', 'sum', '<start>0</start><stop>1</stop><dt>1</dt>', `<aux name="x"><eqn>1</eqn></aux><aux name="a"><eqn>${Array(400).fill('x').join(' + ')}</eqn></aux>`);
    const r = cli(['run', p, '--vars', 'a']);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual(['time,a', '0,400', '1,400']);
  }, T);

  // Vensim .mdl: numbered ranges expand in the parser, which also recurses per bracket.
  const mdl = (file: string, body: string): string => {
    const path = join(dir, file);
    writeFileSync(path, `${body}\nINITIAL TIME = 0 ~ Month ~ |\nFINAL TIME = 1 ~ Month ~ |\nTIME STEP = 1 ~ Month ~ |\nSAVEPER = TIME STEP ~ Month ~ |\n`);
    return path;
  };

  it('refuses a .mdl numbered range past the dimension cap before making its elements', () => {
    refused(mdl('bigdim.mdl', 'D: (A1-A2000000000) ~ ~ |\na[D] = 1 ~ ~ |'),
      /^chengyu-sim: .*bigdim\.mdl: numbered range \(A1-A2000000000\) has 2·10\^9 elements; allowed: up to the cap of 10\^6 elements \(line 1, column 4\)\n$/);
    refused(mdl('dim1m.mdl', 'D: (A1-A1000001) ~ ~ |\na[D] = 1 ~ ~ |'), /numbered range \(A1-A1000001\) has 1,000,001 elements/);
  }, T);

  it('refuses deeply nested .mdl equations with the depth message and the line, and runs moderate ones', () => {
    refused(mdl('paren.mdl', `x = ${'('.repeat(200)}1${')'.repeat(200)} ~ ~ |`), /nested too deeply .*\(line 1\)\n$/);
    refused(mdl('abs.mdl', `y = 2 ~ ~ |\nx = ${'ABS('.repeat(500)}1${')'.repeat(500)} ~ ~ |`), /nested too deeply .*\(line 2\)\n$/);
    // Stray brackets in comments do not add up across equations.
    const ok = mdl('ok.mdl', [0, 1, 2].map((i) => `x${i} = ${'('.repeat(50)}1${')'.repeat(50)} ~ ~ see (note ( |`).join('\n'));
    const r = cli(['run', ok]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('time,x0,x1,x2,SAVEPER');
  }, T);
});
