// The policy levers' settings as a scenario carries them. Lever ids and field names are
// stable API (scenario files, CLI --set, share links, the model's constants).

/** Settings of the six levers; every field is optional in a scenario (defaults apply). */
export interface LeverSettings {
  science_city: { investment: number; sharing: number; start_year: number };
  corridor: { integration: number; start_year: number };
  parks: { count: number; origin_share: number; start_year: number };
  coordination: { level: number; start_year: number };
  transfer: { level: number; start_year: number };
  rd_support: { extra_share_gdp: number; start_year: number };
}

/** A lever id. */
export type LeverId = keyof LeverSettings;

/**
 * Name of the model constant that carries a lever field: `lever_<id>_<field>`,
 * e.g. `lever_science_city_investment`, `lever_corridor_start_year`.
 */
export function leverConstantName(id: LeverId, field: string): string {
  return `lever_${id}_${field}`;
}
