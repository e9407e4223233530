// Regenerates scenarios/scenario.schema.json from the lever table:
// `npx tsx scripts/gen-scenario-schema.ts` (tests/scenario checks the file is current).
import { writeFileSync } from 'node:fs';
import { scenarioSchemaText } from '../src/model/scenario/schema.ts';

writeFileSync(new URL('../scenarios/scenario.schema.json', import.meta.url), scenarioSchemaText());
