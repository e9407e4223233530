// Who pays the policy cost, as the cost panel shows it: the model's split outputs
// (model/chengyu/outputs.ts COST_SPLIT_OUTPUTS; a test keeps these names equal to them)
// summed from the first simulated year to the headline year, and the cost of one extra
// enterprise. Pure functions of a run.
import type { RunOutput } from '../model-bridge/types.ts';

/** The split outputs the page runs (yearly spending, 亿元/year). */
export const COST_COLUMNS = {
  total: 'policy_cost',
  province: ['policy_cost_sichuan', 'policy_cost_chongqing'],
  area: ['policy_cost_core', 'policy_cost_noncore_zones', 'policy_cost_outside_zones'],
  parksTotal: 'park_cost_total',
  parksProvince: ['park_cost_sichuan', 'park_cost_chongqing'],
  parksArea: ['park_cost_core', 'park_cost_noncore_zones'],
} as const;

/** Spending of `column` summed over the years after the first saved one up to `year` (each saved value is that year's flow). */
export function cumulativeTo(run: RunOutput | undefined, column: string, year: number): number | undefined {
  const s = run?.columns[column];
  if (!run || !s) return undefined;
  let sum = 0;
  // The first saved point (2015) reports the rates at its end, not a year's flow: the sum starts after it.
  for (let i = 1; i < run.times.length; i++) if (run.times[i] <= year + 1e-9) sum += s[i];
  return sum;
}

/** One part of a split: its column, cumulative amount and share of the whole. */
export interface CostPart {
  column: string;
  amount: number;
  /** Share of the split's total (NaN when nothing is spent). */
  share: number;
}

/** The cumulative amounts of `columns` to `year` and their shares of their sum. */
export function costParts(run: RunOutput | undefined, columns: readonly string[], year: number): CostPart[] {
  const amounts = columns.map((c) => cumulativeTo(run, c, year) ?? NaN);
  const total = amounts.reduce((s, a) => s + a, 0);
  return columns.map((column, i) => ({ column, amount: amounts[i], share: total > 0 ? amounts[i] / total : NaN }));
}

/** Cost of one extra enterprise in 万元 (亿元 of cost per enterprise gained × 10 000), or undefined without a gain. */
export function costPerEnterprise(costYi: number | undefined, gain: number | undefined): number | undefined {
  if (costYi === undefined || gain === undefined || !(gain > 0) || !Number.isFinite(costYi)) return undefined;
  return (costYi * 1e4) / gain;
}
