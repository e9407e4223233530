// Regenerates README.md's "baseline against the paper package in 2035" table (section
// "The regional model") from the current model:
// `npx tsx scripts/update-readme-compare.ts` (the text between the compare markers is
// exactly `chengyu-sim compare scenarios/baseline.json scenarios/paper-package.json
// --years 2035 --format markdown`).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderComparison } from '../src/cli/commands/compare.ts';
import { loadScenarioModel } from '../src/cli/commands/load-model.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const START = '<!-- compare:start -->';
const END = '<!-- compare:end -->';
const table = renderComparison(
  [`${root}scenarios/baseline.json`, `${root}scenarios/paper-package.json`],
  { format: 'markdown', years: '2035', lang: 'en' },
  await loadScenarioModel(),
  false,
);
const readme = readFileSync(`${root}README.md`, 'utf8');
const a = readme.indexOf(START);
const b = readme.indexOf(END);
if (a < 0 || b < a) throw new Error(`README.md has no ${START} … ${END} block`);
writeFileSync(`${root}README.md`, `${readme.slice(0, a + START.length)}\n${table}${readme.slice(b)}`);
