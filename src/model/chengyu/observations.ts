// The paper's observations as the model uses them: every row kept, conflicts marked, and the
// calibration targets with weights derived from the spread between conflicting sources.
//
// Basis: high-tech enterprise (HTE) counts are fitted to Table 2 (Torch Center + provincial
// yearbooks), as data/README.md asks; the 2020 text values (Section 5.2) extend the series at
// lower trust. Where the same indicator, region and year appear with several values (e.g.
// Chengdu 2018: 3113 Table 2, 3053 Table 3, 2405 text), the Table-2 value stays the target
// and the spread widens its error scale, so a disputed point pulls the fit less.
import { OBSERVATION_ROWS, type ObservationRow } from './data/observation-rows.ts';

/** An observation row with its conflict mark. */
export interface Observation extends ObservationRow {
  /** True when another row gives a different value for the same indicator, region and year. */
  conflict: boolean;
  /** The other values for the same indicator, region and year (empty when none). */
  otherValues: number[];
}

const key = (r: ObservationRow) => `${r.indicator}|${r.region}|${r.year}`;

/** Every row of the paper's figures, with conflicts marked. */
export const OBSERVATIONS: readonly Observation[] = OBSERVATION_ROWS.map((r) => {
  const others = OBSERVATION_ROWS.filter((o) => o !== r && key(o) === key(r) && o.value !== r.value).map(
    (o) => o.value,
  );
  return { ...r, conflict: others.length > 0, otherValues: others };
});

/** Base error scale (log units) of a source type, before the spread between sources is added. */
export const SIGMA_BY_SOURCE = {
  /** Statistical tables and yearbooks (Tables 2–6, provincial S&T yearbooks). */
  table: 0.03,
  /** Figures quoted in the paper's text without a table. */
  text: 0.06,
  /** Figures derived or cited from another study. */
  derived: 0.1,
} as const;

/** One calibration target: an observation, the model output it is compared with, and its weight. */
export interface CalibrationTarget {
  /** Model output (aux variable) name, e.g. `hte_sichuan`. */
  output: string;
  year: number;
  observed: number;
  unit: string;
  /** Where it stands in the paper. */
  where: string;
  /** Error scale in log units: sqrt(base² + (half the log-range of conflicting sources)²). */
  sigma: number;
  /** Weight of the squared log error: 1 / sigma². */
  weight: number;
  /** Series label for the fit report (output without year). */
  series: string;
  note: string;
}

function sourceKind(r: ObservationRow): keyof typeof SIGMA_BY_SOURCE {
  if (r.source === 'derived' || r.source.startsWith('cited')) return 'derived';
  if (r.where_in_paper.startsWith('Table') || r.source.includes('yearbook')) return 'table';
  return 'text';
}

/** Error scale of a row: its source's base sigma widened by half the log-range of all values for that point. */
export function observationSigma(r: ObservationRow): number {
  const values = OBSERVATION_ROWS.filter((o) => key(o) === key(r)).map((o) => Math.log(o.value));
  const halfRange = (Math.max(...values) - Math.min(...values)) / 2;
  const base = SIGMA_BY_SOURCE[sourceKind(r)];
  return Math.sqrt(base * base + halfRange * halfRange);
}

/** Which rows the calibration uses, mapped to model outputs (indicator, region, where → output). */
const TARGET_MAP: { indicator: string; region: string; where: string; output: string; years?: number[] }[] = [
  { indicator: 'hte_count', region: 'sichuan', where: 'Table 2', output: 'hte_sichuan' },
  { indicator: 'hte_count', region: 'chengdu', where: 'Table 2', output: 'hte_chengdu_city' },
  { indicator: 'hte_count', region: 'chongqing', where: 'Table 2', output: 'hte_chongqing' },
  { indicator: 'hte_count', region: 'sichuan', where: 'Section 5.2', output: 'hte_sichuan', years: [2020] },
  { indicator: 'hte_count', region: 'chengdu', where: 'Section 5.2', output: 'hte_chengdu_city', years: [2020] },
  { indicator: 'hte_count', region: 'chongqing', where: 'Section 5.2', output: 'hte_chongqing', years: [2020] },
  { indicator: 'hte_count', region: 'cy_12_nhidz', where: 'Table 4', output: 'hte_zones12' },
  { indicator: 'hte_count', region: 'chengdu_nhidz', where: 'Section 4.3', output: 'hte[chengdu]' },
  { indicator: 'rd_intensity', region: 'sichuan', where: 'Section 3.1', output: 'rd_intensity_sichuan' },
  { indicator: 'rd_intensity', region: 'chongqing', where: 'Section 3.1', output: 'rd_intensity_chongqing' },
  { indicator: 'rd_intensity', region: 'cy_city_cluster', where: 'Section 5.3', output: 'rd_intensity_circle' },
  { indicator: 'rd_expenditure', region: 'sichuan', where: 'Section 3.1', output: 'rd_expenditure_sichuan' },
  { indicator: 'rd_expenditure', region: 'chongqing', where: 'Section 3.1', output: 'rd_expenditure_chongqing' },
  { indicator: 'tech_contract_turnover', region: 'chengdu', where: 'Section 5.4', output: 'tech_contracts_chengdu_city' },
  { indicator: 'tech_contract_turnover', region: 'chongqing', where: 'Section 5.4', output: 'tech_contracts_chongqing' },
  // Counting basis: the paper's circle total is Chengdu + Chongqing (1355.07 + 266.23 = 1621.3),
  // i.e. the two registries it reports; fitting the model's whole-circle sum to it makes the
  // rest of Sichuan's registered turnover the small remainder (conversion_sichuan_other_factor).
  { indicator: 'tech_contract_turnover', region: 'cy_circle', where: 'Section 5.4', output: 'tech_contracts_circle' },
];

/**
 * Rows not used by the calibration and why (every other row is context: other regions, other
 * indicators the model does not carry, or a different counting basis).
 */
export const EXCLUDED_NOTES: Record<string, string> = {
  'hte_count|chongqing|2018|Section 3.1': 'different counting basis from Table 2 (data/README.md); widens the 2018 error scale instead',
  'hte_count|chongqing|2018|Section 5.2': "equals Table 2's 2017 value (likely a year offset); widens the 2018 error scale instead",
  'hte_count|sichuan|2018|Section 3.1': "a lower bound ('over 5,000'); widens the 2018 error scale instead",
  'hte_count|chengdu|2018|Table 3': 'Table 3 basis (Torch HTE indicators); widens the 2018 error scale instead',
  'hte_count|chengdu|2018|Section 5.2': 'different basis from Table 2; widens the 2018 error scale instead',
};

/** The calibration targets, in a stable order. */
export const CALIBRATION_TARGETS: readonly CalibrationTarget[] = TARGET_MAP.flatMap((m) =>
  OBSERVATION_ROWS.filter(
    (r) =>
      r.indicator === m.indicator &&
      r.region === m.region &&
      r.where_in_paper === m.where &&
      (!m.years || m.years.includes(r.year)),
  ).map((r) => {
    const sigma = observationSigma(r);
    return {
      output: m.output,
      year: r.year,
      observed: r.value,
      unit: r.unit,
      where: r.where_in_paper,
      sigma,
      weight: 1 / (sigma * sigma),
      series: `${m.output} (${r.where_in_paper})`,
      note: r.note,
    };
  }),
);
