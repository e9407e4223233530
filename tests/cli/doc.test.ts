// `chengyu-sim doc` through the real command.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cy-doc-'));
const T = 400_000;

describe('chengyu-sim doc', () => {
  it('prints the generated documentation, writes the same text to --out, and --check compares', () => {
    const r = cli(['doc']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# The Chengdu–Chongqing high-tech zone model/);
    expect(r.stdout).toContain('lever_science_city_investment');
    const out = join(dir, 'model.md');
    expect(cli(['doc', '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(r.stdout);
    const ok = cli(['doc', '--check', out]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe(`${out} is up to date\n`);
    writeFileSync(out, `${r.stdout}\nedited by hand\n`);
    const stale = cli(['doc', '--check', out]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toBe(`chengyu-sim: ${out} is out of date; run: chengyu-sim doc --out ${out}\n`);
  }, T);
});
