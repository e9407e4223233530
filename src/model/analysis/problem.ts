// The problem file of the analysis commands (batch, sensitivity, calibrate, slurm): which
// constants of a model vary and how (SALib's `problem`: names, bounds, groups, dists;
// Vensim's .vsc sensitivity control), which outputs at which times are analysed, and the
// payoff weights of a calibration. Validated with ajv against the published JSON Schema
// (docs/problem.schema.json, a test checks it equals PROBLEM_SCHEMA); each error names the
// file, the JSON path and what is wrong. Whether a name is a constant or a variable of the
// model is checked where the model is known (the CLI's problem input).
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import type { Distribution } from './distribution-types.ts';
import { distributionProblem } from './distributions.ts';

/** Distributions a factor may have (those of distributions.ts a user writes by hand). */
export const FACTOR_DISTRIBUTIONS = ['uniform', 'normal', 'lognormal', 'triangular'] as const;

/** One factor as the file writes it. */
export interface ProblemFactor {
  /** A scalar constant of the model, or one element `name[elem]` of an arrayed constant. */
  name: string;
  /** Default uniform. */
  distribution?: (typeof FACTOR_DISTRIBUTIONS)[number];
  /** uniform, triangular: [min, max]; normal, lognormal: optional truncation [min, max]. */
  bounds?: [number, number];
  mode?: number;
  mean?: number;
  sd?: number;
  mu?: number;
  sigma?: number;
  /** Factors of one group move together in a sensitivity analysis (SALib's groups). */
  group?: string;
}

/** One output: a variable (an arrayed name means all its elements) or one element, at the problem's times or its own. */
export interface ProblemOutput {
  name: string;
  times?: number[] | 'all';
}

/** A problem file, validated. */
export interface Problem {
  factors: ProblemFactor[];
  outputs?: Array<string | ProblemOutput>;
  /** Times of the outputs without their own: listed times, or every saved time (default). */
  times?: number[] | 'all';
  /** Constants fixed for every run (on top of a scenario's levers). */
  constants?: Record<string, number>;
  /** Calibration: weight of each observed variable in the payoff (default 1 for every column of the data). */
  payoff?: Array<{ variable: string; weight: number }>;
}

/** Address the schema declares as its $id. */
export const PROBLEM_SCHEMA_ID = 'https://chengyu-sim.example/problem.schema.json';

const times = {
  description: 'Listed times (years for the regional model), or "all" for every saved time.',
  oneOf: [
    { const: 'all' },
    { type: 'array', minItems: 1, items: { type: 'number' }, uniqueItems: true },
  ],
};

const need = (dist: string | null, fields: string[]) => ({
  if: dist === null
    ? { not: { required: ['distribution'] } }
    : { properties: { distribution: { const: dist } }, required: ['distribution'] },
  then: { required: fields },
});

/** The problem file's JSON Schema (draft 2020-12), as published in docs/problem.schema.json. */
export const PROBLEM_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: PROBLEM_SCHEMA_ID,
  title: 'chengyu-sim analysis problem',
  description:
    'Factors (model constants that vary, with their distributions and groups), outputs (variables or elements at listed or all saved times), ' +
    'fixed constants and calibration payoff weights, for batch, sensitivity, calibrate and slurm. Models: SALib\'s problem, Vensim\'s .vsc.',
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    description: { type: 'string' },
    factors: {
      type: 'array',
      minItems: 1,
      description: 'The constants that vary, in the order of the design columns.',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, description: 'A scalar constant, or one element name[elem] of an arrayed constant.' },
          distribution: { enum: [...FACTOR_DISTRIBUTIONS], default: 'uniform' },
          bounds: {
            type: 'array', minItems: 2, maxItems: 2, items: { type: 'number' },
            description: 'uniform and triangular: [min, max]; normal and lognormal: optional truncation [min, max].',
          },
          mode: { type: 'number', description: 'triangular: the most likely value.' },
          mean: { type: 'number', description: 'normal: mean.' },
          sd: { type: 'number', minimum: 0, description: 'normal: standard deviation.' },
          mu: { type: 'number', description: 'lognormal: mean of log(x).' },
          sigma: { type: 'number', minimum: 0, description: 'lognormal: standard deviation of log(x).' },
          group: { type: 'string', minLength: 1, description: 'Factors of one group move together in a sensitivity analysis.' },
          description: { type: 'string' },
        },
        required: ['name'],
        additionalProperties: false,
        allOf: [
          need(null, ['bounds']),
          need('uniform', ['bounds']),
          need('triangular', ['bounds', 'mode']),
          need('normal', ['mean', 'sd']),
          need('lognormal', ['mu', 'sigma']),
        ],
      },
    },
    outputs: {
      type: 'array',
      minItems: 1,
      description: 'Variables (an arrayed name means all its elements) or elements name[elem]; default: the model\'s headline outputs (regional model) or its stocks (other models).',
      items: {
        oneOf: [
          { type: 'string', minLength: 1 },
          {
            type: 'object',
            properties: { name: { type: 'string', minLength: 1 }, times },
            required: ['name'],
            additionalProperties: false,
          },
        ],
      },
    },
    times,
    constants: {
      type: 'object',
      description: 'Constants fixed for every run, name → value.',
      additionalProperties: { type: 'number' },
    },
    payoff: {
      type: 'array',
      minItems: 1,
      description: 'calibrate: weight of each observed variable in the weighted sum of squared errors (Vensim\'s payoff).',
      items: {
        type: 'object',
        properties: { variable: { type: 'string', minLength: 1 }, weight: { type: 'number', minimum: 0 } },
        required: ['variable', 'weight'],
        additionalProperties: false,
      },
    },
  },
  required: ['factors'],
  additionalProperties: false,
} as const;

/** A problem file that does not pass: `path` is the JSON path (e.g. `factors[2].bounds`). */
export class ProblemError extends Error {
  constructor(
    readonly source: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${source}: ${path ? `${path}: ` : ''}${reason}`);
    this.name = 'ProblemError';
  }
}

let validator: ReturnType<Ajv2020['compile']> | undefined;

/** `/factors/2/bounds` → `factors[2].bounds`. */
export function jsonPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

/** One ajv error in words; the most specific of a oneOf/if-then cascade is reported first by ajv. */
function errorWords(e: ErrorObject): { path: string; reason: string } {
  const path = jsonPath(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { path, reason: `missing "${String(p.missingProperty)}"` };
    case 'additionalProperties':
      return { path, reason: `unknown field "${String(p.additionalProperty)}"` };
    case 'enum':
      return { path, reason: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'type':
      return { path, reason: `must be ${String(p.type)}` };
    case 'minItems':
      return { path, reason: `needs at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}` };
    default:
      return { path, reason: e.message ?? e.keyword };
  }
}

/** The distribution a validated factor describes. */
export function factorDistribution(f: ProblemFactor): Distribution {
  const [min, max] = f.bounds ?? [undefined, undefined];
  switch (f.distribution ?? 'uniform') {
    case 'uniform':
      return { type: 'uniform', min: min!, max: max! };
    case 'triangular':
      return { type: 'triangular', min: min!, mode: f.mode!, max: max! };
    case 'normal':
      return { type: 'normal', mean: f.mean!, sd: f.sd!, ...(f.bounds ? { min, max } : {}) };
    case 'lognormal':
      return { type: 'lognormal', mu: f.mu!, sigma: f.sigma!, ...(f.bounds ? { min, max } : {}) };
  }
}

/** Validate a parsed problem file; throws ProblemError naming `source`, the JSON path and the problem. */
export function validateProblem(value: unknown, source: string): Problem {
  validator ??= new Ajv2020({ allErrors: true, strict: false }).compile(PROBLEM_SCHEMA);
  if (!validator(value)) {
    const errors = validator.errors ?? [];
    // A misspelt field explains a "missing" one: report it first. An if/then failure reports
    // the failed "if" too; the "required" under it says what to do.
    const e = errors.find((x) => x.keyword === 'additionalProperties') ?? errors.find((x) => x.keyword !== 'if' && x.keyword !== 'allOf') ?? errors[0];
    const { path, reason } = errorWords(e);
    throw new ProblemError(source, path, reason);
  }
  const p = value as Problem;
  const seen = new Map<string, number>();
  p.factors.forEach((f, i) => {
    const at = `factors[${i}]`;
    const key = f.name.trim().toLowerCase();
    if (seen.has(key)) throw new ProblemError(source, `${at}.name`, `"${f.name}" is already factors[${seen.get(key)}]`);
    seen.set(key, i);
    if (f.bounds && !(f.bounds[0] < f.bounds[1])) throw new ProblemError(source, `${at}.bounds`, `needs min < max (got [${f.bounds.join(', ')}])`);
    const problem = distributionProblem(factorDistribution(f));
    if (problem) throw new ProblemError(source, at, problem);
    const extra = { uniform: ['mode', 'mean', 'sd', 'mu', 'sigma'], triangular: ['mean', 'sd', 'mu', 'sigma'], normal: ['mode', 'mu', 'sigma'], lognormal: ['mode', 'mean', 'sd'] }[f.distribution ?? 'uniform'];
    const stray = extra.find((k) => (f as unknown as Record<string, unknown>)[k] !== undefined);
    if (stray) throw new ProblemError(source, `${at}.${stray}`, `a ${f.distribution ?? 'uniform'} factor has no "${stray}"`);
  });
  const groups = new Set(p.factors.map((f) => f.group).filter((g): g is string => g !== undefined));
  for (const g of groups) {
    const clash = p.factors.findIndex((f) => f.group === undefined && f.name === g);
    if (clash >= 0) throw new ProblemError(source, `factors[${clash}].name`, `"${g}" is both an ungrouped factor and a group name`);
  }
  return p;
}

/** Group of each factor (its own name when ungrouped) and the group names in order of first appearance. */
export function factorGroups(factors: readonly Pick<ProblemFactor, 'name' | 'group'>[]): { names: string[]; of: Int32Array } {
  const names: string[] = [];
  const of = Int32Array.from(factors, (f) => {
    const g = f.group ?? f.name;
    let k = names.indexOf(g);
    if (k < 0) k = names.push(g) - 1;
    return k;
  });
  return { names, of };
}
