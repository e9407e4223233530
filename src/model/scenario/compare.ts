// Comparing scenarios: headline KPIs at chosen years, side by side, with absolute and
// percentage differences against the first scenario (the reference).
import type { RunResult } from '../engine/types.ts';
import type { Bilingual } from './levers.ts';
import { OUTPUT_FAMILIES, POLICY_COST, POLICY_COST_CUMULATIVE, REGIONS } from './outputs.ts';

/** A KPI: a run output with its label and unit. */
export interface Kpi {
  name: string;
  label: Bilingual;
  unit: Bilingual;
}

/** Years the comparison reports by default. */
export const COMPARE_YEARS = [2025, 2030, 2035] as const;

const REGION_LABELS: Record<(typeof REGIONS)[number], Bilingual> = {
  sichuan: { zh: '四川', en: 'Sichuan' },
  chengdu_city: { zh: '成都市', en: 'Chengdu city' },
  chongqing: { zh: '重庆', en: 'Chongqing' },
  zones12: { zh: '12个国家高新区', en: '12 national zones' },
  circle: { zh: '双城经济圈', en: 'Twin-city circle' },
};

/** The headline KPIs compared: every output family for every region, then the costs. */
export function headlineKpis(): Kpi[] {
  const out: Kpi[] = [];
  for (const f of OUTPUT_FAMILIES) {
    for (const r of REGIONS) {
      out.push({
        name: `${f.prefix}_${r}`,
        label: { zh: `${f.label.zh}（${REGION_LABELS[r].zh}）`, en: `${f.label.en}, ${REGION_LABELS[r].en}` },
        unit: f.unit,
      });
    }
  }
  out.push({ name: POLICY_COST, label: { zh: '政策成本', en: 'Policy cost' }, unit: { zh: '亿元/年', en: '100 million CNY/yr' } });
  out.push({ name: POLICY_COST_CUMULATIVE, label: { zh: '累计政策成本', en: 'Cumulative policy cost' }, unit: { zh: '亿元', en: '100 million CNY' } });
  return out;
}

/** One scenario's identity in a comparison. */
export interface ComparedScenario {
  id: string;
  title: Bilingual;
}

/** One KPI at one year across scenarios; diffs are against the first scenario. */
export interface ComparisonRow {
  kpi: string;
  year: number;
  /** Value per scenario (NaN where the run has no value at that year). */
  values: number[];
  /** value − reference (0 for the reference itself). */
  diff: number[];
  /** 100·(value − reference)/|reference|; null when the reference is 0 or missing. */
  pct: Array<number | null>;
}

/** A whole comparison. */
export interface Comparison {
  scenarios: ComparedScenario[];
  years: number[];
  kpis: Kpi[];
  rows: ComparisonRow[];
}

/** The value of a series at time `year` (a saved point within 1e-9), or NaN if none. */
export function valueAt(result: Pick<RunResult, 'times' | 'series'>, name: string, year: number): number {
  const s = result.series.get(name);
  if (!s) return NaN;
  const t = result.times;
  // Saved times are sorted: binary search for the first time ≥ year − ε.
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid] < year - 1e-9) lo = mid + 1;
    else hi = mid;
  }
  return lo < t.length && Math.abs(t[lo] - year) <= 1e-9 ? s[lo] : NaN;
}

/** Absolute and percentage differences of `values` against `values[0]`. */
export function differences(values: readonly number[]): { diff: number[]; pct: Array<number | null> } {
  const ref = values[0];
  const diff = values.map((v) => v - ref);
  const pct = values.map((v) => (Number.isFinite(ref) && ref !== 0 && Number.isFinite(v) ? (100 * (v - ref)) / Math.abs(ref) : null));
  return { diff, pct };
}

/**
 * Compare runs: for every KPI that at least one run has, and every year, the values and
 * their differences against the first run. KPIs that no run has are left out.
 */
export function compareRuns(
  runs: ReadonlyArray<{ scenario: ComparedScenario; result: Pick<RunResult, 'times' | 'series'> }>,
  years: readonly number[] = COMPARE_YEARS,
  kpis: readonly Kpi[] = headlineKpis(),
): Comparison {
  if (runs.length === 0) throw new Error('compare needs at least one run');
  const present = kpis.filter((k) => runs.some((r) => r.result.series.has(k.name)));
  const rows: ComparisonRow[] = [];
  for (const k of present) {
    for (const y of years) {
      const values = runs.map((r) => valueAt(r.result, k.name, y));
      rows.push({ kpi: k.name, year: y, values, ...differences(values) });
    }
  }
  return { scenarios: runs.map((r) => r.scenario), years: [...years], kpis: present, rows };
}
