// `--set lever.field=value` overrides (CLI, batch files, share links): parsed and checked
// exactly like a scenario file's lever settings, with the override itself named in errors.
import { decimalValue } from './decimal-text.ts';
import type { LeverId } from './lever-types.ts';
import { LEVER_IDS, findLever } from './levers.ts';
import type { PartialLevers, Scenario } from './scenario.ts';
import { ScenarioError, checkLeverValue } from './scenario.ts';

/** One parsed override. */
export interface LeverOverride {
  lever: LeverId;
  field: string;
  value: number;
}

/** Parse and check `lever.field=value`; throws ScenarioError naming `--set lever.field`. */
export function parseSetOverride(text: string): LeverOverride {
  const fail = (path: string, message: string, zh: string): never => {
    throw new ScenarioError([{ path, message, message_zh: zh }], '--set');
  };
  const m = /^\s*([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)\s*=(.*)$/s.exec(text);
  if (!m) return fail(JSON.stringify(text), 'expected lever.field=value, e.g. science_city.investment=50', '应为 杠杆.字段=值，例如 science_city.investment=50');
  const [, id, field, raw] = m;
  const lever = findLever(id);
  if (!lever) {
    return fail(`${id}.${field}`, `unknown lever id ${JSON.stringify(id)}; allowed: ${LEVER_IDS.join(', ')}`, `未知的杠杆 ${JSON.stringify(id)}；允许：${LEVER_IDS.join(', ')}`);
  }
  const spec = lever.fields.find((f) => f.field === field);
  if (!spec) {
    const list = lever.fields.map((f) => f.field).join(', ');
    return fail(`${id}.${field}`, `unknown field of lever ${id} ${JSON.stringify(field)}; allowed: ${list}`, `未知的杠杆 ${id} 字段 ${JSON.stringify(field)}；允许：${list}`);
  }
  // Accept plain decimal numbers and the non-finite words (so they get the non-finite
  // message); anything else stays a string and gets the wrong-type message.
  const t = raw.trim();
  let value: unknown = t;
  if (!Number.isNaN(decimalValue(t))) value = decimalValue(t);
  else if (/^[+-]?(Infinity|inf|NaN)$/i.test(t)) value = /nan/i.test(t) ? NaN : t.startsWith('-') ? -Infinity : Infinity;
  const problem = checkLeverValue(spec, value);
  if (problem) return fail(`${id}.${field}`, problem.en, problem.zh);
  return { lever: lever.id, field, value: value as number };
}

/** A scenario with overrides applied on top of its lever settings (the input is not changed). */
export function applyOverrides(scenario: Scenario, overrides: readonly LeverOverride[]): Scenario {
  const levers: Record<string, Record<string, number>> = {};
  for (const [id, s] of Object.entries(scenario.levers)) levers[id] = { ...(s as Record<string, number>) };
  for (const o of overrides) (levers[o.lever] ??= {})[o.field] = o.value;
  return { ...scenario, levers: levers as PartialLevers };
}

/** Parse `--set` texts and apply them to a scenario. */
export function applySets(scenario: Scenario, sets: readonly string[]): Scenario {
  return applyOverrides(scenario, sets.map(parseSetOverride));
}
