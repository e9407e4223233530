// Failure paths of `run SCENARIO.json` and `compare`, through the real command: one
// stderr line naming what and where, a non-zero exit, an existing --out file untouched.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cli } from './run-cli.ts';

// Each test spawns the command (seconds each on a loaded machine).
vi.setConfig({ testTimeout: 300_000 });

const dir = mkdtempSync(join(tmpdir(), 'cy-run-err-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const out = file('existing.csv', 'previous results\n');

/** Run and check the failure contract; returns the stderr line. */
function fails(args: string[]): string {
  const r = cli([...args, '--out', out]);
  expect(r.code).not.toBe(0);
  expect(r.code).not.toBeNull();
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace without --debug
  expect(readFileSync(out, 'utf8')).toBe('previous results\n');
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  return lines[0];
}

describe('run SCENARIO.json: bad input', () => {
  it('names the field, value and range of an out-of-range lever', () => {
    const f = file('big.json', '{"id":"big","title":{"zh":"大","en":"Big"},"levers":{"science_city":{"investment":250}}}');
    expect(fails(['run', f])).toBe(
      `chengyu-sim: ${f}: levers.science_city.investment: 250 is out of range; allowed: a number in [0, 200] (100 million CNY/yr)`,
    );
  });
  it('names an unknown lever id', () => {
    const f = file('unk.json', '{"id":"u","title":{"zh":"u","en":"u"},"levers":{"tax_cut":{"level":1}}}');
    expect(fails(['run', f])).toMatch(/levers\.tax_cut: unknown lever id "tax_cut"; allowed: science_city, corridor/);
  });
  it('names line and column of broken JSON', () => {
    const f = file('broken.json', '{\n  "id": "b",\n  "title": {"zh": "b" "en": "b"}\n}\n');
    expect(fails(['run', f])).toBe(`chengyu-sim: ${f}: not valid JSON: expected "," or "}", unexpected character "\\"" at line 3, column 23`);
  });
  it('names a bad --set override', () => {
    expect(fails(['run', 'scenarios/baseline.json', '--set', 'corridor.integration=2'])).toBe(
      'chengyu-sim: --set: corridor.integration: 2 is out of range; allowed: a number in [0, 1] (share (0–1))',
    );
    expect(fails(['run', 'scenarios/baseline.json', '--set', 'corridor.integration=NaN'])).toContain('NaN is not a finite number');
  });
  it('names a missing file and an unknown file type', () => {
    expect(fails(['run', join(dir, 'nope.json')])).toBe(`chengyu-sim: ${join(dir, 'nope.json')}: cannot read the scenario file (no such file)`);
    expect(fails(['run', 'scenarios/baseline.yaml'])).toMatch(/unknown file type "\.yaml"; allowed: \.json \(scenario\)/);
  });
  it('rejects a bad --format through commander', () => {
    expect(fails(['run', 'scenarios/baseline.json', '--format', 'xlsx'])).toContain("'xlsx' is invalid");
  });
});

describe('compare: bad input', () => {
  it('names the bad file among several, before running any', () => {
    const f = file('frac.json', '{"id":"f","title":{"zh":"f","en":"f"},"levers":{"parks":{"count":2.5}}}');
    expect(fails(['compare', 'scenarios/baseline.json', f])).toBe(
      `chengyu-sim: ${f}: levers.parks.count: 2.5 is not a whole number; allowed: an integer in [0, 20] (parks)`,
    );
  });
  it('names a wrong type and a non-finite number', () => {
    const f = file('str.json', '{"id":"s","title":{"zh":"s","en":"s"},"levers":{"transfer":{"level":"high"}}}');
    expect(fails(['compare', 'scenarios/baseline.json', f])).toContain('levers.transfer.level: "high" is a string, expected a number; allowed: a number in [0, 1]');
    const g = file('inf.json', '{"id":"i","title":{"zh":"i","en":"i"},"levers":{"rd_support":{"extra_share_gdp":1e400}}}');
    expect(fails(['compare', 'scenarios/baseline.json', g])).toContain('levers.rd_support.extra_share_gdp: Infinity is not a finite number; allowed: a number in [0, 1.5]');
  });
  it('names an unknown key', () => {
    const f = file('key.json', '{"id":"k","title":{"zh":"k","en":"k"},"lever":{}}');
    expect(fails(['compare', 'scenarios/baseline.json', f])).toContain(': lever: unknown key "lever"; allowed: $schema, id, title');
  });
});

describe('--out naming a directory', () => {
  it('is refused up front, in one line, for run and compare', () => {
    for (const args of [['run', 'scenarios/baseline.json'], ['compare', 'scenarios/baseline.json', 'scenarios/corridor.json'], ['levers']]) {
      const r = cli([...args, '--out', dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`chengyu-sim: --out: ${dir} is a directory; give a file name, e.g. ${dir}/result.csv\n`);
    }
  });
});
