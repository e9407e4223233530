// Which preset the lever settings are, for showing its title and description: the preset of
// that id when the settings are still exactly its own (a moved lever makes them custom), and
// the baseline whenever every lever is at its default (the baseline preset sets none).
import type { LeverSettings } from '../../model/scenario/lever-types.ts';
import type { Bilingual } from '../../model/scenario/levers.ts';
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
