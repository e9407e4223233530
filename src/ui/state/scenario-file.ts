// Lever settings ↔ scenario files, for "save scenario file", "open scenario file" and
// the scenarios inside share links. Validation is the scenario module's, so a file
// or a link is checked exactly like the CLI checks it.
import type { LeverSettings } from '../../model/scenario/lever-types.ts';
import { LEVERS, type Bilingual } from '../../model/scenario/levers.ts';
import { parseScenario, resolveLevers, type Scenario } from '../../model/scenario/scenario.ts';

/** A scenario file object (every lever field written out, so it means the same in later versions). */
export function scenarioFromLevers(levers: LeverSettings, id: string, title: Bilingual): Scenario {
  const out: Record<string, Record<string, number>> = {};
  for (const l of LEVERS) {
    const s = levers[l.id] as unknown as Record<string, number>;
    out[l.id] = Object.fromEntries(l.fields.map((f) => [f.field, s[f.field]]));
  }
  return { id, title: { zh: title.zh, en: title.en }, levers: out, simulation: {} };
}

/** Scenario file text (pretty JSON with a trailing newline). */
export function scenarioFileText(levers: LeverSettings, id: string, title: Bilingual): string {
  return `${JSON.stringify(scenarioFromLevers(levers, id, title), null, 2)}\n`;
}

/** Parse and validate a scenario file's text; throws ScenarioError naming field, value and range. */
export function readScenarioFile(text: string, source: string): { scenario: Scenario; levers: LeverSettings } {
  const scenario = parseScenario(text, source);
  return { scenario, levers: resolveLevers(scenario) };
}
