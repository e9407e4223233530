// Conformance with the SD community's test models: runs ../shared/tools/conformance.mjs over
// ../shared/test-models through the real CLI. Skips loudly when the suite is not present.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SUITE = resolve(ROOT, '../shared/test-models');
const TOOL = resolve(ROOT, '../shared/tools/conformance.mjs');
const present = existsSync(SUITE) && existsSync(TOOL);

// Cases whose canonical output cannot come from the model file itself: the columns named
// here are absent from the .xmile (its output.tab was made from a larger Vensim model).
// The test checks that claim against the file, so it fails if the file ever gains them.
const OUTPUT_NOT_FROM_FILE: Record<string, string[]> = {
  'tests/smooth_and_stock/test_smooth_and_stock.xmile': ['input', 'smoothed input', 'smoothing time'],
};

interface CaseResult { model: string; optional: boolean; ok: boolean; problems: string[] }

describe('conformance (SD test models)', () => {
  if (!present) {
    console.warn(`SKIPPING conformance: ${SUITE} or ${TOOL} is not present on this machine`);
    it.skip(`conformance: ${SUITE} not present`, () => {});
    return;
  }
  it('every required case passes (except outputs the model file does not define)', () => {
    const json = join(mkdtempSync(join(tmpdir(), 'cy-conf-')), 'results.json');
    const r = spawnSync(process.execPath, [TOOL, '--dir', SUITE, '--cmd', 'npx chengyu-sim run {model} --format csv', '--json', json, '--timeout', '120'], {
      cwd: ROOT, encoding: 'utf8', timeout: 1_500_000,
    });
    const results = JSON.parse(readFileSync(json, 'utf8')) as CaseResult[];
    const required = results.filter((c) => !c.optional);
    expect(required.length).toBe(34);
    const failing = required.filter((c) => !c.ok);
    for (const c of failing) {
      const allowed = OUTPUT_NOT_FROM_FILE[c.model];
      expect(allowed, `${c.model}: ${c.problems.join('; ')}`).toBeDefined();
      expect(c.problems).toEqual(allowed.map((n) => `missing column "${n}"`));
      const text = readFileSync(join(SUITE, c.model), 'utf8').toLowerCase().replace(/[_\s]+/g, ' ');
      for (const n of allowed) expect(text.includes(`"${n}"`) || text.includes(`>${n}<`)).toBe(false);
    }
    expect(r.stdout).toMatch(new RegExp(`${34 - failing.length} passed, ${failing.length} failed\\n$`));
    expect(failing.length).toBeLessThanOrEqual(1);
  }, 1_600_000);
});
