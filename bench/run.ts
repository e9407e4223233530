// `npm run bench`: runs every bench/*.bench.ts in turn, in this process, and prints
// their reports. Each bench module exports `run(): Promise<void>` and reports ratios
// against a baseline it measures itself, in the same process.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const all = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
// An exact name runs that bench alone (`ui`, not `goal-ui` too); otherwise every name containing it.
const files = all.includes(`${only}.bench.ts`) ? [`${only}.bench.ts`] : all.filter((f) => !only || f.includes(only));
if (files.length === 0) {
  console.error(`bench: no benchmark matches ${only ?? '*'} in ${here}`);
  process.exit(1);
}
for (const f of files) {
  console.log(`\n## ${f.replace(/\.bench\.ts$/, '')}`);
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { run: () => Promise<void> };
  await mod.run();
}
