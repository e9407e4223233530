// A quick experiment's scenario file with one title only: the commands take it, and the
// other language shows the given title (here Chinese labels with an English-only title).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cy-quick-'));

describe('a scenario file with one title', () => {
  it('compares against the baseline, its title standing in for the missing language', () => {
    const quick = join(dir, 'quick.json');
    writeFileSync(quick, JSON.stringify({ id: 'quick', title: { en: 'Quick try' }, levers: { corridor: { integration: 0.5 } } }));
    const r = cli(['compare', `${ROOT}scenarios/baseline.json`, quick, '--years', '2035', '--format', 'markdown', '--lang', 'zh']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('- quick: Quick try\n');
    expect(r.stdout).toMatch(/- baseline: [\u4e00-\u9fff]/);
  }, 120_000);

  it('still refuses a title with neither language, naming the file and the key', () => {
    const none = join(dir, 'none.json');
    writeFileSync(none, JSON.stringify({ id: 'none', title: {} }));
    const r = cli(['run', none]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${none}: title: neither "zh" nor "en" is given`);
  }, 120_000);
});
