// The README's baseline-vs-package table is `chengyu-sim compare`'s output for the current
// model; after a recalibration refresh it with `npx tsx scripts/update-readme-compare.ts`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderComparison } from '../../src/cli/commands/compare.ts';
import { loadScenarioModel } from '../../src/cli/commands/load-model.ts';
import { ROOT } from './run-cli.ts';

describe('README comparison table', () => {
  it('is the current output of compare baseline vs paper-package at 2035 (else run scripts/update-readme-compare.ts)', async () => {
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    const m = /<!-- compare:start -->\n([\s\S]*?)<!-- compare:end -->/.exec(readme);
    expect(m, 'README.md lacks the compare markers').not.toBeNull();
    const expected = renderComparison(
      [`${ROOT}scenarios/baseline.json`, `${ROOT}scenarios/paper-package.json`],
      { format: 'markdown', years: '2035', lang: 'en' },
      await loadScenarioModel(),
      false,
    );
    expect(m![1], 'README table is stale: run `npx tsx scripts/update-readme-compare.ts`').toBe(expected);
  });
});
