import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { buildScenarioSchema, scenarioSchemaText } from '../../src/model/scenario/schema.ts';
import { parseScenario, scenarioIssues } from '../../src/model/scenario/scenario.ts';

const dir = new URL('../../scenarios/', import.meta.url);
const ajv = new Ajv2020({ allErrors: true, strict: true });
const schemaValid = ajv.compile(buildScenarioSchema());

describe('published JSON Schema', () => {
  it('is the committed file, generated from the lever table (run scripts/gen-scenario-schema.ts)', () => {
    expect(readFileSync(new URL('scenario.schema.json', dir), 'utf8')).toBe(scenarioSchemaText());
  });

  it('is a valid draft 2020-12 schema that ajv compiles in strict mode', () => {
    expect(typeof schemaValid).toBe('function');
  });

  const t = { zh: 'a', en: 'b' };
  const cases: Array<[string, unknown]> = [
    ['minimal', { id: 'x', title: t }],
    ['full', { $schema: './s.json', id: 'a-b_1', title: t, description: t, levers: { science_city: { investment: 200, sharing: 0, start_year: 2035 }, parks: { count: 20, origin_share: 1 } }, simulation: { end: 2030, method: 'rk4', dt: 0.125 } }],
    ['out of range', { id: 'x', title: t, levers: { science_city: { investment: 201 } } }],
    ['below range', { id: 'x', title: t, levers: { rd_support: { extra_share_gdp: -0.01 } } }],
    ['non-integer count', { id: 'x', title: t, levers: { parks: { count: 1.5 } } }],
    ['non-integer year', { id: 'x', title: t, levers: { corridor: { start_year: 2022.5 } } }],
    ['string value', { id: 'x', title: t, levers: { parks: { count: '1' } } }],
    ['unknown lever', { id: 'x', title: t, levers: { tax: {} } }],
    ['unknown field', { id: 'x', title: t, levers: { transfer: { lvl: 1 } } }],
    ['unknown key', { id: 'x', title: t, extra: 1 }],
    ['missing id', { title: t }],
    ['bad id', { id: 'X Y', title: t }],
    ['missing title', { id: 'x' }],
    ['blank title', { id: 'x', title: { zh: ' ', en: 'b' } }],
    ['title extra lang', { id: 'x', title: { ...t, fr: 'c' } }],
    ['title in English only', { id: 'x', title: { en: 'b' } }],
    ['title in Chinese only', { id: 'x', title: { zh: 'a' }, description: { en: 'd' } }],
    ['title as a text', { id: 'x', title: 'A quick try' }],
    ['blank text title', { id: 'x', title: ' ' }],
    ['empty title object', { id: 'x', title: {} }],
    ['title a number', { id: 'x', title: 3 }],
    ['end out of range', { id: 'x', title: t, simulation: { end: 2036 } }],
    ['end non-integer', { id: 'x', title: t, simulation: { end: 2030.5 } }],
    ['bad method', { id: 'x', title: t, simulation: { method: 'heun' } }],
    ['bad dt', { id: 'x', title: t, simulation: { dt: 0.2 } }],
    ['array', []],
  ];
  it.each(cases)('agrees with the validator: %s', (_name, value) => {
    const ours = scenarioIssues(value).length === 0;
    expect(schemaValid(value)).toBe(ours);
  });
});

describe('scenario files', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');
  it('has the files the issue asks for', () => {
    expect(files.sort()).toEqual(
      ['baseline', 'coordination', 'corridor', 'paper-package', 'parks', 'rd-support', 'science-city', 'transfer'].map((f) => `${f}.json`),
    );
  });
  it.each(files)('%s validates (our validator and the schema), with zh/en title and description', (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const s = parseScenario(text, file);
    expect(schemaValid(JSON.parse(text))).toBe(true);
    expect(`${s.id}.json`).toBe(file);
    expect(s.description?.zh && s.description.en).toBeTruthy();
  });
  it('baseline sets no lever; each single-lever file sets exactly its lever; the package sets all six', () => {
    const read = (f: string) => parseScenario(readFileSync(new URL(`${f}.json`, dir), 'utf8'), f);
    expect(read('baseline').levers).toEqual({});
    const single = { 'science-city': 'science_city', corridor: 'corridor', parks: 'parks', coordination: 'coordination', transfer: 'transfer', 'rd-support': 'rd_support' };
    const pkg = read('paper-package');
    for (const [file, lever] of Object.entries(single)) {
      const s = read(file);
      expect(Object.keys(s.levers)).toEqual([lever]);
      // the package uses each single-lever setting, so interaction = package − sum of parts
      expect((pkg.levers as Record<string, unknown>)[lever]).toEqual((s.levers as Record<string, unknown>)[lever]);
    }
  });
});

describe('paper package file and the model experiments', () => {
  it('scenarios/paper-package.json is the model\'s PAPER_PACKAGE (used for docs/model.md\'s interaction table)', async () => {
    const { paperPackageConstants } = await import('../../src/model/chengyu/index.ts');
    const { scenarioConstants } = await import('../../src/model/scenario/scenario.ts');
    const { defaultLeverConstants } = await import('../../src/model/scenario/levers.ts');
    const pkg = parseScenario(readFileSync(new URL('paper-package.json', dir), 'utf8'));
    expect(scenarioConstants(pkg)).toEqual({ ...defaultLeverConstants(), ...paperPackageConstants() });
  });
});
