// The published JSON Schema of scenario files (scenarios/scenario.schema.json), generated
// from the lever table so the two cannot drift; a test checks the committed file equals it.
import { LEVERS } from './levers.ts';
import { SCENARIO_ID_PATTERN, SIMULATION_LIMITS } from './scenario.ts';

/** Address the schema declares as its $id. */
export const SCENARIO_SCHEMA_ID = 'https://chengyu-sim.example/scenario.schema.json';

// One language suffices (the other falls back to it), as an object or a plain text.
const bilingual = (what: string) => ({
  description: `${what}: a text, or an object with Chinese (zh) and/or English (en); a missing language falls back to the other.`,
  oneOf: [
    { type: 'string', minLength: 1, pattern: '\\S' },
    {
      type: 'object',
      properties: {
        zh: { type: 'string', minLength: 1, pattern: '\\S' },
        en: { type: 'string', minLength: 1, pattern: '\\S' },
      },
      minProperties: 1,
      additionalProperties: false,
    },
  ],
});

/** Build the scenario JSON Schema (draft 2020-12) from the lever table. */
export function buildScenarioSchema(): Record<string, unknown> {
  const levers: Record<string, unknown> = {};
  for (const lever of LEVERS) {
    const properties: Record<string, unknown> = {};
    for (const f of lever.fields) {
      properties[f.field] = {
        type: f.integer ? 'integer' : 'number',
        title: `${f.label.en} / ${f.label.zh}`,
        description: `Unit: ${f.unit.en} (${f.unit.zh}). Default ${f.default}.`,
        minimum: f.min,
        maximum: f.max,
        default: f.default,
      };
    }
    levers[lever.id] = {
      type: 'object',
      title: `${lever.label.en} / ${lever.label.zh}`,
      description: `Paper section ${lever.sections.join(', ')}. ${lever.doc.en}`,
      properties,
      additionalProperties: false,
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCENARIO_SCHEMA_ID,
    title: 'chengyu-sim scenario',
    description:
      'A policy scenario for the Chengdu–Chongqing high-tech zone model: settings of any of the six levers ' +
      '(absent fields take their defaults) and optional simulation settings.',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      id: { type: 'string', pattern: SCENARIO_ID_PATTERN, description: 'Stable scenario id (file names, links).' },
      title: bilingual('Short title'),
      description: bilingual('What the scenario represents and why its settings'),
      levers: {
        type: 'object',
        description: 'Lever settings; any subset of levers and fields.',
        properties: levers,
        additionalProperties: false,
      },
      simulation: {
        type: 'object',
        properties: {
          end: { type: 'integer', minimum: SIMULATION_LIMITS.endMin, maximum: SIMULATION_LIMITS.endMax, description: 'Last simulated year.' },
          method: { enum: [...SIMULATION_LIMITS.methods], description: 'Integration method.' },
          dt: { enum: [...SIMULATION_LIMITS.dts], description: 'Integration step (years).' },
        },
        additionalProperties: false,
      },
    },
    required: ['id', 'title'],
    additionalProperties: false,
  };
}

/** The schema as the committed file's text (2-space JSON, trailing newline). */
export function scenarioSchemaText(): string {
  return `${JSON.stringify(buildScenarioSchema(), null, 2)}\n`;
}
