// Bad problem files through the real commands: one line naming the file, the JSON path and
// what is wrong, exit 2, nothing written, before any run. And an XMILE model without a problem
// file is refused with what to give instead of "not valid JSON: unexpected character '<'".
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.ts';
import { writeRegionsModel } from './regions-model.ts';

const T = 120_000;
const dir = mkdtempSync(join(tmpdir(), 'cy-problem-err-'));
const model = writeRegionsModel(dir);

const CASES: Array<[string, string, string]> = [
  ['missing bounds', '{"factors":[{"name":"rate[north]"}]}', 'factors[0]: missing "bounds"'],
  ['a misspelt field', '{"factors":[{"name":"rate[north]","bound":[0,1]}]}', 'factors[0]: unknown field "bound"'],
  ['an unknown distribution', '{"factors":[{"name":"rate[north]","distribution":"gauss","bounds":[0,1]}]}', 'factors[0].distribution: must be one of "uniform", "normal", "lognormal", "triangular"'],
  ['reversed bounds', '{"factors":[{"name":"rate[north]","bounds":[2,1]}]}', 'factors[0].bounds: needs min < max (got [2, 1])'],
  ['a mode outside the bounds', '{"factors":[{"name":"rate[north]","distribution":"triangular","bounds":[0,1],"mode":2}]}', 'factors[0]: triangular needs finite min ≤ mode ≤ max (got 0, 2, 1)'],
  ['a field of another distribution', '{"factors":[{"name":"rate[north]","distribution":"normal","mean":1,"sd":0.1,"mode":1}]}', 'factors[0].mode: a normal factor has no "mode"'],
  ['a lognormal without sigma', '{"factors":[{"name":"rate[north]","distribution":"lognormal","mu":0}]}', 'factors[0]: missing "sigma"'],
  ['no factors', '{"factors":[]}', 'factors: needs at least 1 item'],
  ['a mistyped constant', '{"factors":[{"name":"rat[north]","bounds":[0,1]}]}', 'factors[0].name: "rat[north]" is not a constant of the model (did you mean rate[north]?)'],
  ['a whole array', '{"factors":[{"name":"rate","bounds":[0,1]}]}', 'factors[0].name: "rate" is an array of 2 elements; a factor is one element, e.g. "rate[north]" (list each that varies)'],
  ['a variable with an equation', '{"factors":[{"name":"total","bounds":[0,1]}]}', 'factors[0].name: "total" is not a constant of the model (its equation is not a number), so it cannot vary'],
  ['the same constant twice', '{"factors":[{"name":"rate[north]","bounds":[0,1]},{"name":"Rate[North]","bounds":[0,1]}]}', 'factors[1].name: "Rate[North]" is already factors[0]'],
  ['a mistyped output', '{"factors":[{"name":"rate[north]","bounds":[0,1]}],"outputs":["totl"]}', 'outputs[0]: "totl" is not a variable of the model (did you mean total?)'],
  ['a time between saves', '{"factors":[{"name":"rate[north]","bounds":[0,1]}],"times":[10.5]}', 'times[0]: 10.5 is not a saved time; allowed: 0 to 10 by 1'],
  ['an output time after the end', '{"factors":[{"name":"rate[north]","bounds":[0,1]}],"outputs":[{"name":"total","times":[3,11]}]}', 'outputs[0].times[1]: 11 is not a saved time; allowed: 0 to 10 by 1'],
  ['broken JSON', '{"factors":[{"name":"rate[north]","bounds":[0,1],}]}', 'not valid JSON: trailing comma before "}" at line 1, column 50'],
];

describe('bad problem files', () => {
  it.each(CASES)('%s: one line with the file, the JSON path and the problem; exit 2; nothing written', (_what, text, message) => {
    const problem = join(dir, 'p.json');
    writeFileSync(problem, text);
    const out = join(dir, 'never');
    const r = cli(['batch', model, '--problem', problem, '--runs', '10', '--out', out]);
    expect(r.stderr).toBe(`chengyu-sim: --problem ${problem}: ${message}\n`);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  }, T);

  it('a missing problem file is named', () => {
    const r = cli(['sensitivity', model, '--problem', join(dir, 'nope.json')]);
    expect(r.stderr).toBe(`chengyu-sim: --problem ${join(dir, 'nope.json')}: cannot read (no such file)\n`);
    expect(r.code).toBe(2);
  }, T);
});

describe('an XMILE model without a problem file', () => {
  it.each(['batch', 'sensitivity', 'slurm'])('%s says to give --problem (not "not valid JSON")', (command) => {
    const extra = command === 'batch' ? ['--runs', '10', '--out', join(dir, 'b')] : command === 'slurm' ? ['--runs', '10', '--seed', '1', '--tasks', '2', '--out', join(dir, 's')] : [];
    const r = cli([command, model, ...extra]);
    expect(r.stderr).toBe(`chengyu-sim: ${command}: ${command === 'slurm' ? model : model} is an XMILE model, which declares no uncertain inputs; give --problem FILE naming the factors that vary (see docs/problem.schema.json)\n`);
    expect(r.code).toBe(2);
  }, T);

  it.each([[], ['--runs', '20']])('compare %j says to give --problem and --runs, for XMILE and .mdl alike', (...extra) => {
    const r = cli(['compare', model, model, ...extra]);
    expect(r.stderr).toBe(`chengyu-sim: compare: ${model} is an XMILE model, which declares no uncertain inputs; give --problem FILE naming the factors that vary and --runs N (the models are compared on common draws of them) (see docs/problem.schema.json)\n`);
    expect(r.code).toBe(2);
    const mdl = join(dir, 'm.mdl');
    writeFileSync(mdl, 'x = 1 ~ ~ |\nINITIAL TIME = 0 ~ Month ~ |\nFINAL TIME = 1 ~ Month ~ |\nTIME STEP = 1 ~ Month ~ |\n');
    expect(cli(['compare', mdl, mdl, ...extra]).stderr).toMatch(/^chengyu-sim: compare: .*m\.mdl is a Vensim \.mdl model, which declares no uncertain inputs;/);
  }, T);
});
