// Lever experiments on the regional model: each lever alone at the paper package's setting,
// the whole package, and the interaction (package effect minus the sum of the single-lever
// effects). Used by the generated documentation and the tests.
import type { RunResult } from '../engine/types.ts';
import { runChengyu } from './run.ts';

/** The paper package (scenarios/paper-package.json) as lever constants; each single-lever scenario uses the same setting. */
export const PAPER_PACKAGE: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  science_city: { lever_science_city_investment: 50, lever_science_city_sharing: 0.5, lever_science_city_start_year: 2026 },
  corridor: { lever_corridor_integration: 0.6, lever_corridor_start_year: 2026 },
  parks: { lever_parks_count: 6, lever_parks_origin_share: 0.5, lever_parks_start_year: 2026 },
  coordination: { lever_coordination_level: 0.7, lever_coordination_start_year: 2026 },
  transfer: { lever_transfer_level: 0.6, lever_transfer_start_year: 2026 },
  rd_support: { lever_rd_support_extra_share_gdp: 0.5, lever_rd_support_start_year: 2026 },
};

/** All levers of the package together, as one constants record. */
export function paperPackageConstants(): Record<string, number> {
  return Object.assign({}, ...Object.values(PAPER_PACKAGE));
}

/** Value of `name` at `year` in a run. */
export function valueAt(run: RunResult, name: string, year: number): number {
  const s = run.series.get(name);
  if (!s) throw new Error(`no output "${name}" in the run`);
  const i = Array.from(run.times).findIndex((t) => Math.abs(t - year) < 1e-9);
  if (i < 0) throw new Error(`no saved time ${year} in the run`);
  return s[i];
}

/** Effects of the package on one output at one year. */
export interface InteractionRow {
  output: string;
  year: number;
  baseline: number;
  /** Effect of each lever alone (value − baseline), by lever id. */
  single: Record<string, number>;
  sumOfSingles: number;
  /** Effect of the whole package (value − baseline). */
  package: number;
  /** package − sumOfSingles. */
  interaction: number;
  /** interaction as a percentage of the sum of single effects. */
  interactionPct: number;
}

/** Interaction analysis of the paper package for the given outputs and year. */
export function packageInteraction(outputs: readonly string[], year = 2035): InteractionRow[] {
  const base = runChengyu();
  const singles = Object.entries(PAPER_PACKAGE).map(([id, c]) => [id, runChengyu({ ...c })] as const);
  const all = runChengyu(paperPackageConstants());
  return outputs.map((output) => {
    const b = valueAt(base, output, year);
    const single = Object.fromEntries(singles.map(([id, r]) => [id, valueAt(r, output, year) - b]));
    const sumOfSingles = Object.values(single).reduce((s, v) => s + v, 0);
    const pkg = valueAt(all, output, year) - b;
    return {
      output,
      year,
      baseline: b,
      single,
      sumOfSingles,
      package: pkg,
      interaction: pkg - sumOfSingles,
      interactionPct: sumOfSingles !== 0 ? (100 * (pkg - sumOfSingles)) / Math.abs(sumOfSingles) : 0,
    };
  });
}
