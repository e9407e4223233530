// What the headline cards, the effect panel and the cost panel show, derived from the
// posterior draws (state/headline-controller.ts) and the central runs. Pure functions.
import { columnFor, valueAt, type AreaInfo, type KpiInfo, type RunOutput } from '../model-bridge/types.ts';
import { CUMULATIVE_COST_COLUMN, drawsOf, type HeadlineDraws } from '../model-bridge/headline-types.ts';
import { bandOf, effectOf, ratioBand } from '../lib/headline-bands.ts';
import type { Band } from '../lib/briefing-number.ts';
import type { KpiCardValue } from '../components/cy-kpi-cards.ts';
import type { EffectRow } from '../components/cy-effect-panel.ts';
import type { KpiId } from './app-state.ts';

/** Thresholds the effect's probability starts with (in the difference's unit: enterprises, pp, 亿元, 亿元/year). */
export const DEFAULT_THRESHOLDS: Readonly<Record<KpiId, number>> = { hte: 2000, rd_intensity: 0.1, tech_contracts: 100, policy_cost: 0 };

/** Column of the circle's enterprises: the denominator of the cost per extra enterprise. */
const CIRCLE_HTE = 'hte_circle';

/** Percentiles of an effect summary as a band. */
function asBand(e: { p5: number; p25: number; p50: number; p75: number; p95: number } | undefined): Band | undefined {
  return e && [e.p5, e.p95].every(Number.isFinite) ? { p5: e.p5, p25: e.p25, p50: e.p50, p75: e.p75, p95: e.p95 } : undefined;
}

/** The cards of `kpis` for `area` in `year`: central values, and the posterior band and paired effect once drawn. */
export function headlineCards(
  kpis: readonly KpiInfo[],
  area: AreaInfo,
  year: number,
  current: RunOutput | undefined,
  baseline: RunOutput | undefined,
  draws: HeadlineDraws | undefined,
  baseDraws: HeadlineDraws | undefined,
): KpiCardValue[] {
  return kpis.map((k) => {
    const col = columnFor(k, area);
    const band = bandOf(drawsOf(draws, col, year));
    const effect = asBand(effectOf(drawsOf(baseDraws, col, year), drawsOf(draws, col, year), NaN));
    return { kpi: k, value: valueAt(current, col, year), baseline: valueAt(baseline, col, year), ...(band ? { band } : {}), ...(effect ? { effect } : {}) };
  });
}

/** A run whose effect the panel lists: its name and colour, its draws (undefined until computed). */
export interface EffectInput {
  name: string;
  color?: string;
  draws: HeadlineDraws | undefined;
  updating: boolean;
}

/** Effect rows of `kpi` in `area` and `year` against the baseline's draws, with P(effect > threshold). */
export function headlineEffects(kpi: KpiInfo, area: AreaInfo, year: number, runs: EffectInput[], baseDraws: HeadlineDraws | undefined, threshold: number): EffectRow[] {
  const col = columnFor(kpi, area);
  const base = drawsOf(baseDraws, col, year);
  return runs.map((r) => ({
    name: r.name,
    ...(r.color ? { color: r.color } : {}),
    effect: effectOf(base, drawsOf(r.draws, col, year), threshold),
    updating: r.updating,
  }));
}

/** Cost of one extra enterprise of the circle in `year` (万元), over the paired draws; undefined unless every draw gains. */
export function costPerEnterpriseBand(draws: HeadlineDraws | undefined, baseDraws: HeadlineDraws | undefined, year: number): Band | undefined {
  const b = ratioBand(drawsOf(draws, CUMULATIVE_COST_COLUMN, year), drawsOf(baseDraws, CIRCLE_HTE, year), drawsOf(draws, CIRCLE_HTE, year));
  // 亿元 per enterprise → 万元 per enterprise.
  return b ? { p5: b.p5 * 1e4, p25: b.p25 * 1e4, p50: b.p50 * 1e4, p75: b.p75 * 1e4, p95: b.p95 * 1e4 } : undefined;
}
