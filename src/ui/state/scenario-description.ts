// Which preset the lever settings are, for showing its title and description: the preset of
// that id when the settings are still exactly its own (a moved lever makes them custom), and
// the baseline whenever every lever is at its default (the baseline preset sets none).
import type { LeverSettings } from '../../model/scenario/lever-types.ts';
import { defaultLeverSettings, LEVERS, type Bilingual } from '../../model/scenario/levers.ts';
import { leverConstants, resolveLevers, type Scenario } from '../../model/scenario/scenario.ts';

/** The id of the baseline preset. */
export const BASELINE_ID = 'baseline';

const same = (a: LeverSettings, b: LeverSettings): boolean => {
  const x = leverConstants(a);
  const y = leverConstants(b);
  return Object.keys(x).every((k) => x[k] === y[k]);
};

/** The preset whose settings `levers` are (id `id` first, then the baseline), with its description; undefined if none. */
export function describedPreset(
  presets: readonly { scenario: Scenario }[],
  id: string,
  levers: LeverSettings,
): { title: Bilingual; description: Bilingual } | undefined {
  const byId = presets.find((p) => p.scenario.id === id);
  const baseline = presets.find((p) => p.scenario.id === BASELINE_ID);
  for (const p of [byId, baseline]) {
    if (p?.scenario.description && same(resolveLevers(p.scenario), levers)) return { title: p.scenario.title, description: p.scenario.description };
  }
  return undefined;
}

/**
 * Start years of the levers that `levers` moves away from their defaults, in order, each once:
 * what the model actually runs, shown beside a preset's prose (which may name other years).
 */
export function activeStartYears(levers: LeverSettings): number[] {
  const defaults = defaultLeverSettings() as unknown as Record<string, Record<string, number>>;
  const set = levers as unknown as Record<string, Record<string, number>>;
  const years = LEVERS.filter((l) => l.fields.some((f) => f.field !== 'start_year' && set[l.id][f.field] !== defaults[l.id][f.field])).map((l) => set[l.id].start_year);
  return [...new Set(years)].sort((a, b) => a - b);
}
