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

/** One problem in a scenario: where (a dotted path) and what, in English and Chinese. */
export interface ScenarioIssue {
  path: string;
  message: string;
  /** The same message in Chinese (for the web app). */
  message_zh: string;
}

/** A scenario that failed to parse or validate; `message` is one line naming the first problem. */
export class ScenarioError extends Error {
  constructor(
    readonly issues: ScenarioIssue[],
    readonly source = 'scenario',
  ) {
    super(ScenarioError.line(issues, source, 'en'));
    this.name = 'ScenarioError';
  }

  /** The one-line message in the given language. */
  messageIn(lang: 'zh' | 'en'): string {
    return ScenarioError.line(this.issues, this.source, lang);
  }

  private static line(issues: ScenarioIssue[], source: string, lang: 'zh' | 'en'): string {
    const first = issues[0];
    const n = issues.length - 1;
    const more = n === 0 ? '' : lang === 'zh' ? `（另有 ${n} 处问题）` : ` (and ${n} more problem${n > 1 ? 's' : ''})`;
    const text = lang === 'zh' ? first.message_zh : first.message;
    return `${source}: ${first.path ? `${first.path}: ` : ''}${text}${more}`;
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

function typeNameZh(v: unknown): string {
  if (v === null) return '空值';
  if (Array.isArray(v)) return '数组';
  const t = typeof v;
  return t === 'object' ? '对象' : t === 'string' ? '字符串' : t === 'boolean' ? '布尔值' : t === 'number' ? '数字' : t;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Allowed values of a lever field in words, with its unit: "a number in [0, 200] (亿元/yr)". */
export function allowedText(f: LeverFieldSpec): string {
  return `${f.integer ? 'an integer' : 'a number'} in [${f.min}, ${f.max}] (${f.unit.en})`;
}

/** The same in Chinese. */
export function allowedTextZh(f: LeverFieldSpec): string {
  return `${f.integer ? '整数' : '数值'}，范围 [${f.min}, ${f.max}]（${f.unit.zh}）`;
}

/** A problem in both languages. */
export interface Problem {
  en: string;
  zh: string;
}

/** Check one number against "allowed" texts: wrong type, non-finite, non-integer, out of range. */
function checkNumber(v: unknown, ok: (x: number) => boolean, integer: boolean, allowed: Problem): Problem | undefined {
  const a = { en: `allowed: ${allowed.en}`, zh: `允许：${allowed.zh}` };
  const sv = showValue(v);
  if (typeof v !== 'number') return { en: `${sv} is ${typeName(v)}, expected a number; ${a.en}`, zh: `${sv} 是${typeNameZh(v)}，应为数字；${a.zh}` };
  if (!Number.isFinite(v)) return { en: `${sv} is not a finite number; ${a.en}`, zh: `${sv} 不是有限数；${a.zh}` };
  if (integer && !Number.isInteger(v)) return { en: `${sv} is not a whole number; ${a.en}`, zh: `${sv} 不是整数；${a.zh}` };
  if (!ok(v)) return { en: `${sv} is out of range; ${a.en}`, zh: `${sv} 超出范围；${a.zh}` };
  return undefined;
}

/** Check one lever field value; returns the problem (en and zh) or undefined. */
export function checkLeverValue(f: LeverFieldSpec, v: unknown): Problem | undefined {
  return checkNumber(v, (x) => x >= f.min && x <= f.max, f.integer, { en: allowedText(f), zh: allowedTextZh(f) });
}

/** Collects issues. */
class Issues {
  readonly list: ScenarioIssue[] = [];
  add(path: string, en: string, zh: string): void {
    this.list.push({ path, message: en, message_zh: zh });
  }
  problem(path: string, p: Problem | undefined): void {
    if (p) this.add(path, p.en, p.zh);
  }
}

function checkKeys(obj: Record<string, unknown>, allowed: readonly string[], path: string, what: Problem, out: Issues): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      const list = allowed.join(', ');
      out.add(path ? `${path}.${key}` : key, `unknown ${what.en} ${JSON.stringify(key)}; allowed: ${list}`, `未知的${what.zh} ${JSON.stringify(key)}；允许：${list}`);
    }
  }
}

const KEY: Problem = { en: 'key', zh: '键' };

// A quick experiment may give one language (or a plain text): the other falls back to it.
function checkBilingual(v: unknown, path: string, required: boolean, out: Issues): void {
  const want = {
    en: 'expected a non-empty text or an object {"zh": text, "en": text} with at least one of them',
    zh: '应为非空文本，或对象 {"zh": 文本, "en": 文本}（至少其一）',
  };
  if (v === undefined) {
    if (required) out.add(path, `missing; ${want.en}`, `缺失；${want.zh}`);
    return;
  }
  if (typeof v === 'string') {
    if (v.trim() === '') out.add(path, `${showValue(v)} is blank; ${want.en}`, `${showValue(v)} 为空白；${want.zh}`);
    return;
  }
  if (!isPlainObject(v)) {
    out.add(path, `${showValue(v)} is ${typeName(v)}; ${want.en}`, `${showValue(v)} 是${typeNameZh(v)}；${want.zh}`);
    return;
  }
  checkKeys(v, ['zh', 'en'], path, KEY, out);
  if (v.zh === undefined && v.en === undefined) {
    out.add(path, `neither "zh" nor "en" is given; ${want.en}`, `既无 "zh" 也无 "en"；${want.zh}`);
    return;
  }
  for (const lang of ['zh', 'en']) {
    const t = v[lang];
    if (t !== undefined && (typeof t !== 'string' || t.trim() === '')) {
      out.add(`${path}.${lang}`, `${showValue(t)} is ${typeName(t)}; expected a non-empty text`, `${showValue(t)} 是${typeNameZh(t)}；应为非空文本`);
    }
  }
}

/** A checked title or description as both languages, the missing one falling back to the other. */
function bilingualOf(v: unknown): Bilingual {
  if (typeof v === 'string') return { zh: v, en: v };
  const b = v as Partial<Bilingual>;
  return { zh: (b.zh ?? b.en)!, en: (b.en ?? b.zh)! };
}

function checkLevers(v: unknown, out: Issues): void {
  if (v === undefined) return;
  const ids = LEVER_IDS.join(', ');
  if (!isPlainObject(v)) {
    out.add('levers', `${showValue(v)} is ${typeName(v)}; expected an object of lever settings (${ids})`, `${showValue(v)} 是${typeNameZh(v)}；应为杠杆设置对象（${ids}）`);
    return;
  }
  for (const [id, settings] of Object.entries(v)) {
    const lever = findLever(id);
    const path = `levers.${id}`;
    if (!lever) {
      out.add(path, `unknown lever id ${JSON.stringify(id)}; allowed: ${ids}`, `未知的杠杆 ${JSON.stringify(id)}；允许：${ids}`);
      continue;
    }
    const fields = lever.fields.map((f) => f.field);
    if (!isPlainObject(settings)) {
      out.add(
        path,
        `${showValue(settings)} is ${typeName(settings)}; expected an object with fields ${fields.join(', ')}`,
        `${showValue(settings)} 是${typeNameZh(settings)}；应为含字段 ${fields.join(', ')} 的对象`,
      );
      continue;
    }
    checkKeys(settings, fields, path, { en: `field of lever ${id}`, zh: `杠杆 ${id} 字段` }, out);
    for (const f of lever.fields) {
      if (f.field in settings) out.problem(`${path}.${f.field}`, checkLeverValue(f, settings[f.field]));
    }
  }
}

function checkSimulation(v: unknown, out: Issues): void {
  if (v === undefined) return;
  if (!isPlainObject(v)) {
    out.add('simulation', `${showValue(v)} is ${typeName(v)}; expected an object {end?, method?, dt?}`, `${showValue(v)} 是${typeNameZh(v)}；应为对象 {end?, method?, dt?}`);
    return;
  }
  const L = SIMULATION_LIMITS;
  checkKeys(v, ['end', 'method', 'dt'], 'simulation', KEY, out);
  if ('end' in v) {
    const allowed = { en: `an integer year in [${L.endMin}, ${L.endMax}]`, zh: `整数年份，范围 [${L.endMin}, ${L.endMax}]` };
    out.problem('simulation.end', checkNumber(v.end, (x) => x >= L.endMin && x <= L.endMax, true, allowed));
  }
  if ('method' in v && !(L.methods as unknown[]).includes(v.method)) {
    const list = L.methods.map((m) => `"${m}"`);
    out.add('simulation.method', `${showValue(v.method)} is not allowed; allowed: ${list.join(' or ')}`, `${showValue(v.method)} 不允许；允许：${list.join(' 或 ')}`);
  }
  if ('dt' in v) {
    const d = v.dt;
    const allowed = { en: `one of ${L.dts.join(', ')} (years)`, zh: `${L.dts.join('、')} 之一（年）` };
    const p = checkNumber(d, () => true, false, allowed);
    if (p) out.problem('simulation.dt', p);
    else if (!(L.dts as readonly number[]).includes(d as number)) {
      out.add('simulation.dt', `${showValue(d)} is not allowed; allowed: ${allowed.en}`, `${showValue(d)} 不允许；允许：${allowed.zh}`);
    }
  }
}

/** All problems of a parsed scenario value (empty when valid). */
export function scenarioIssues(value: unknown): ScenarioIssue[] {
  const out = new Issues();
  if (!isPlainObject(value)) {
    const keys = SCENARIO_KEYS.slice(1).join(', ');
    out.add('', `the scenario is ${typeName(value)}; expected a JSON object with keys ${keys}`, `情景是${typeNameZh(value)}；应为含键 ${keys} 的 JSON 对象`);
    return out.list;
  }
  checkKeys(value, SCENARIO_KEYS, '', KEY, out);
  if ('$schema' in value && typeof value.$schema !== 'string') {
    const v = value.$schema;
    out.add('$schema', `${showValue(v)} is ${typeName(v)}; expected a text (the schema's address)`, `${showValue(v)} 是${typeNameZh(v)}；应为文本（模式文件地址）`);
  }
  const id = value.id;
  if (id === undefined) out.add('id', `missing; expected a text matching ${SCENARIO_ID_PATTERN}`, `缺失；应为匹配 ${SCENARIO_ID_PATTERN} 的文本`);
  else if (typeof id !== 'string' || !new RegExp(SCENARIO_ID_PATTERN).test(id)) {
    out.add(
      'id',
      `${showValue(id)} is not allowed; expected a text matching ${SCENARIO_ID_PATTERN} (lower-case letters, digits, "-", "_")`,
      `${showValue(id)} 不允许；应为匹配 ${SCENARIO_ID_PATTERN} 的文本（小写字母、数字、“-”、“_”）`,
    );
  }
  checkBilingual(value.title, 'title', true, out);
  checkBilingual(value.description, 'description', false, out);
  checkLevers(value.levers, out);
  checkSimulation(value.simulation, out);
  return out.list;
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
  const out: Scenario = { id: v.id as string, title: bilingualOf(v.title), levers, simulation };
  if (v.description !== undefined) out.description = bilingualOf(v.description);
  return out;
}

/** Parse scenario JSON text and validate it; errors name `source`, and line/column for syntax. */
export function parseScenario(text: string, source = 'scenario'): Scenario {
  let value: unknown;
  try {
    value = parseJsonText(text);
  } catch (err) {
    if (err instanceof JsonSyntaxError) {
      throw new ScenarioError(
        [{ path: '', message: `not valid JSON: ${err.message}`, message_zh: `不是有效的 JSON（第 ${err.line} 行第 ${err.column} 列）：${err.reason}` }],
        source,
      );
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
