// The regional model's stable output names (DESIGN.md): regional aggregates, per-node arrays
// and policy cost. The CLI, library and UI address series by these names.
import { REGIONS } from './nodes.ts';

/** Prefixes of the per-region outputs: `<prefix>_<region>` for every region. */
export const REGION_OUTPUT_PREFIXES = ['hte', 'rd_intensity', 'tech_contracts', 'rd_expenditure', 'gdp', 'sme'] as const;

/** Headline outputs: the KPIs every comparison shows, in display order. */
export const HEADLINE_OUTPUTS: readonly string[] = [
  ...(['hte', 'rd_intensity', 'tech_contracts'] as const).flatMap((p) => REGIONS.map((r) => `${p}_${r.id}`)),
  'policy_cost',
  'policy_cost_cumulative',
];

/** Who pays the policy cost: by province, by kind of area, and the co-built parks' own split. */
export const COST_SPLIT_OUTPUTS = {
  province: ['policy_cost_sichuan', 'policy_cost_chongqing'],
  area: ['policy_cost_core', 'policy_cost_noncore_zones', 'policy_cost_outside_zones'],
  parksProvince: ['park_cost_sichuan', 'park_cost_chongqing'],
  parksArea: ['park_cost_core', 'park_cost_noncore_zones'],
} as const;
