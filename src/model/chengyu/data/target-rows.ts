// The calibration targets as rows of calibration-targets.csv: on their own, so that the web app
// (observed points on its charts) bundles this table alone.
import { text } from './calibration-targets.csv.generated.ts';
import { parseCsv } from './csv.ts';

/** The text of calibration-targets.csv. */
export const TARGETS_CSV = text;

const table = (file: string) => parseCsv(text, file);

/** One calibration target: a model output, a year, the value and the decision behind it. */
export interface TargetRow {
  output: string;
  year: number;
  value: number;
  /** 'point' = an estimate; 'lower' = the true value is at least this. */
  bound: 'point' | 'lower';
  /** Observation error in log units (source type, conflicts, derivation). */
  sigma: number;
  /** Series family, sharing one model-error scale: hte, sme, rd, intensity, gdp, tech. */
  family: string;
  source: string;
  decision: string;
}

/** The calibration targets, in file order. */
export const TARGET_ROWS: readonly TargetRow[] = table('calibration-targets.csv').map((r) => ({
  output: r.output, year: Number(r.year), value: Number(r.value), bound: r.bound as TargetRow['bound'],
  sigma: Number(r.sigma), family: r.family, source: r.source, decision: r.decision,
}));
