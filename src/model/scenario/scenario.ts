// Scenario files: the data type, validation with messages that name the field (as a
// path), the value and the allowed range, and resolution to full lever settings and to
// the model's constant overrides. Pure: reading files is the caller's job.
import type { Method } from '../engine/types.ts';
import type { LeverId, LeverSettings } from './lever-types.ts';
import { leverConstantName } from './lever-types.ts';
import type { Bilingual, LeverFieldSpec } from './levers.ts';
import { LEVERS, LEVER_IDS, defaultLeverSettings, findLever } from './levers.ts';
import { JsonSyntaxError, parseJsonText } from './json-text.ts';

/** Lever settings as a scenario writes them: any subset of levers and fields. */
export type PartialLevers = { [K in LeverId]?: Partial<LeverSettings[K]> };

/** Simulation settings a scenario may choose; absent fields take the model's defaults. */
export interface SimulationSettings {
  /** Last simulated year (inclusive). */
  end?: number;
  method?: Method;
  /** Integration step in years. */
  dt?: number;
}

/** A validated scenario. */
export interface Scenario {
  id: string;
  title: Bilingual;
  description?: Bilingual;
  levers: PartialLevers;
  simulation: SimulationSettings;
}

/** Allowed simulation settings (the regional model runs 2015–2035). */
export const SIMULATION_LIMITS = {
  endMin: 2016,
  endMax: 2035,
  methods: ['euler', 'rk4'] as Method[],
  // Steps that divide a year exactly, so yearly outputs fall on saved points.
  dts: [1, 0.5, 0.25, 0.125, 0.0625, 0.03125],
} as const;

/** Pattern of a scenario id (also used in file names and share links). */
export const SCENARIO_ID_PATTERN = '^[a-z0-9][a-z0-9_-]{0,63}$';

/** Top-level keys a scenario file may have. */
export const SCENARIO_KEYS = ['$schema', 'id', 'title', 'description', 'levers', 'simulation'] as const;

/** One problem in a scenario: where (a dotted path) and what. */
export interface ScenarioIssue {
  path: string;
  message: string;
}

/** A scenario that failed to parse or validate; `message` is one line naming the first problem. */
export class ScenarioError extends Error {
  constructor(
    readonly issues: ScenarioIssue[],
    readonly source = 'scenario',
  ) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    super(`${source}: ${first.path ? `${first.path}: ` : ''}${first.message}${more}`);
    this.name = 'ScenarioError';
  }
}

/** A value as a message shows it: numbers plainly (NaN, Infinity too), the rest as short JSON. */
export function showValue(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (v === undefined) return 'undefined';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  const t = typeof v;
  return t === 'object' ? 'an object' : t === 'string' ? 'a string' : t === 'boolean' ? 'a boolean' : t === 'number' ? 'a number' : t;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Allowed values of a lever field in words, with its unit: "a number in [0, 200] (亿元/yr)". */
export function allowedText(f: LeverFieldSpec): string {
  return `${f.integer ? 'an integer' : 'a number'} in [${f.min}, ${f.max}] (${f.unit.en})`;
}

/** Check one lever field value; returns the problem or undefined. */
export function checkLeverValue(f: LeverFieldSpec, v: unknown): string | undefined {
  const allowed = `allowed: ${allowedText(f)}`;
  if (typeof v !== 'number') return `${showValue(v)} is ${typeName(v)}, expected a number; ${allowed}`;
  if (!Number.isFinite(v)) return `${showValue(v)} is not a finite number; ${allowed}`;
  if (f.integer && !Number.isInteger(v)) return `${showValue(v)} is not a whole number; ${allowed}`;
  if (v < f.min || v > f.max) return `${showValue(v)} is out of range; ${allowed}`;
  return undefined;
}

function checkKeys(obj: Record<string, unknown>, allowed: readonly string[], path: string, what: string, out: ScenarioIssue[]): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      out.push({ path: path ? `${path}.${key}` : key, message: `unknown ${what} ${JSON.stringify(key)}; allowed: ${allowed.join(', ')}` });
    }
  }
}

function checkBilingual(v: unknown, path: string, required: boolean, out: ScenarioIssue[]): void {
  const want = 'expected an object {"zh": text, "en": text} with non-empty texts';
  if (v === undefined) {
    if (required) out.push({ path, message: `missing; ${want}` });
    return;
  }
  if (!isPlainObject(v)) {
    out.push({ path, message: `${showValue(v)} is ${typeName(v)}; ${want}` });
    return;
  }
  checkKeys(v, ['zh', 'en'], path, 'key', out);
  for (const lang of ['zh', 'en']) {
    const t = v[lang];
    if (typeof t !== 'string' || t.trim() === '') {
      out.push({ path: `${path}.${lang}`, message: `${t === undefined ? 'missing' : `${showValue(t)} is ${typeName(t)}`}; expected a non-empty text` });
    }
  }
}

function checkLevers(v: unknown, out: ScenarioIssue[]): void {
  if (v === undefined) return;
  if (!isPlainObject(v)) {
    out.push({ path: 'levers', message: `${showValue(v)} is ${typeName(v)}; expected an object of lever settings (${LEVER_IDS.join(', ')})` });
    return;
  }
  for (const [id, settings] of Object.entries(v)) {
    const lever = findLever(id);
    const path = `levers.${id}`;
    if (!lever) {
      out.push({ path, message: `unknown lever id ${JSON.stringify(id)}; allowed: ${LEVER_IDS.join(', ')}` });
      continue;
    }
    const fields = lever.fields.map((f) => f.field);
    if (!isPlainObject(settings)) {
      out.push({ path, message: `${showValue(settings)} is ${typeName(settings)}; expected an object with fields ${fields.join(', ')}` });
      continue;
    }
    checkKeys(settings, fields, path, `field of lever ${id}`, out);
    for (const f of lever.fields) {
      if (!(f.field in settings)) continue;
      const problem = checkLeverValue(f, settings[f.field]);
      if (problem) out.push({ path: `${path}.${f.field}`, message: problem });
    }
  }
}

function checkSimulation(v: unknown, out: ScenarioIssue[]): void {
  if (v === undefined) return;
  if (!isPlainObject(v)) {
    out.push({ path: 'simulation', message: `${showValue(v)} is ${typeName(v)}; expected an object {end?, method?, dt?}` });
    return;
  }
  const L = SIMULATION_LIMITS;
  checkKeys(v, ['end', 'method', 'dt'], 'simulation', 'key', out);
  if ('end' in v) {
    const e = v.end;
    const allowed = `allowed: an integer year in [${L.endMin}, ${L.endMax}]`;
    if (typeof e !== 'number') out.push({ path: 'simulation.end', message: `${showValue(e)} is ${typeName(e)}, expected a number; ${allowed}` });
    else if (!Number.isFinite(e)) out.push({ path: 'simulation.end', message: `${showValue(e)} is not a finite number; ${allowed}` });
    else if (!Number.isInteger(e) || e < L.endMin || e > L.endMax) out.push({ path: 'simulation.end', message: `${showValue(e)} is out of range; ${allowed}` });
  }
  if ('method' in v && !(L.methods as unknown[]).includes(v.method)) {
    out.push({ path: 'simulation.method', message: `${showValue(v.method)} is not allowed; allowed: ${L.methods.map((m) => `"${m}"`).join(' or ')}` });
  }
  if ('dt' in v) {
    const d = v.dt;
    const allowed = `allowed: one of ${L.dts.join(', ')} (years)`;
    if (typeof d !== 'number') out.push({ path: 'simulation.dt', message: `${showValue(d)} is ${typeName(d)}, expected a number; ${allowed}` });
    else if (!Number.isFinite(d)) out.push({ path: 'simulation.dt', message: `${showValue(d)} is not a finite number; ${allowed}` });
    else if (!(L.dts as readonly number[]).includes(d)) out.push({ path: 'simulation.dt', message: `${showValue(d)} is not allowed; ${allowed}` });
  }
}

/** All problems of a parsed scenario value (empty when valid). */
export function scenarioIssues(value: unknown): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  if (!isPlainObject(value)) {
    out.push({ path: '', message: `the scenario is ${typeName(value)}; expected a JSON object with keys ${SCENARIO_KEYS.slice(1).join(', ')}` });
    return out;
  }
  checkKeys(value, SCENARIO_KEYS, '', 'key', out);
  if ('$schema' in value && typeof value.$schema !== 'string') {
    out.push({ path: '$schema', message: `${showValue(value.$schema)} is ${typeName(value.$schema)}; expected a text (the schema's address)` });
  }
  const id = value.id;
  if (id === undefined) out.push({ path: 'id', message: `missing; expected a text matching ${SCENARIO_ID_PATTERN}` });
  else if (typeof id !== 'string' || !new RegExp(SCENARIO_ID_PATTERN).test(id)) {
    out.push({ path: 'id', message: `${showValue(id)} is not allowed; expected a text matching ${SCENARIO_ID_PATTERN} (lower-case letters, digits, "-", "_")` });
  }
  checkBilingual(value.title, 'title', true, out);
  checkBilingual(value.description, 'description', false, out);
  checkLevers(value.levers, out);
  checkSimulation(value.simulation, out);
  return out;
}

/** Validate a parsed value as a scenario; throws ScenarioError naming the first problem. */
export function validateScenario(value: unknown, source = 'scenario'): Scenario {
  const issues = scenarioIssues(value);
  if (issues.length > 0) throw new ScenarioError(issues, source);
  const v = value as Record<string, unknown>;
  const levers: PartialLevers = {};
  // Copy in table order so that equal scenarios serialise identically.
  const given = (v.levers ?? {}) as Record<string, Record<string, number>>;
  for (const lever of LEVERS) {
    const s = given[lever.id];
    if (!s) continue;
    const copy: Record<string, number> = {};
    for (const f of lever.fields) if (f.field in s) copy[f.field] = s[f.field];
    (levers as Record<string, unknown>)[lever.id] = copy;
  }
  const sim = (v.simulation ?? {}) as SimulationSettings;
  const simulation: SimulationSettings = {};
  if (sim.end !== undefined) simulation.end = sim.end;
  if (sim.method !== undefined) simulation.method = sim.method;
  if (sim.dt !== undefined) simulation.dt = sim.dt;
  const out: Scenario = { id: v.id as string, title: { ...(v.title as Bilingual) }, levers, simulation };
  if (v.description) out.description = { ...(v.description as Bilingual) };
  return out;
}

/** Parse scenario JSON text and validate it; errors name `source`, and line/column for syntax. */
export function parseScenario(text: string, source = 'scenario'): Scenario {
  let value: unknown;
  try {
    value = parseJsonText(text);
  } catch (err) {
    if (err instanceof JsonSyntaxError) {
      throw new ScenarioError([{ path: '', message: `not valid JSON: ${err.message}` }], source);
    }
    throw err;
  }
  return validateScenario(value, source);
}

/** Full lever settings of a scenario: its settings over the defaults. */
export function resolveLevers(scenario: Pick<Scenario, 'levers'>): LeverSettings {
  const settings = defaultLeverSettings() as unknown as Record<string, Record<string, number>>;
  for (const [id, given] of Object.entries(scenario.levers)) Object.assign(settings[id], given);
  return settings as unknown as LeverSettings;
}

/** Lever settings as the model's constant overrides, `lever_<id>_<field>` → value (every field). */
export function leverConstants(settings: LeverSettings): Record<string, number> {
  const out: Record<string, number> = {};
  for (const lever of LEVERS) {
    const s = settings[lever.id] as unknown as Record<string, number>;
    for (const f of lever.fields) out[leverConstantName(lever.id, f.field)] = s[f.field];
  }
  return out;
}

/** The constant overrides a scenario gives the compiled model. */
export function scenarioConstants(scenario: Pick<Scenario, 'levers'>): Record<string, number> {
  return leverConstants(resolveLevers(scenario));
}
