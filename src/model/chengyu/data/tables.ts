// The regional model's data tables, parsed from the CSV files of this folder (embedded by
// scripts/gen-data-modules.ts): the paper's figures, the official figures published since, the
// zones, the literature the parameters cite, and the calibration targets with the decision
// taken for each point (data/README.md in this folder says how they were chosen).
import { CSV_FILES } from './csv-files.generated.ts';
import { parseCsv } from './csv.ts';

const table = (file: string) => parseCsv(CSV_FILES[file], file);

/** One figure of the paper (paper-figures.csv = the project's copy of seed-observations.csv). */
export interface PaperFigure {
  indicator: string;
  region: string;
  year: number;
  value: number;
  unit: string;
  source: string;
  where_in_paper: string;
  note: string;
}

/** One official or press figure published after the paper (official-figures.csv). */
export interface OfficialFigure {
  indicator: string;
  region: string;
  /** As reported: a year, or a period such as "2019H1", "2021Q1", "2022 (to Sep)", "n.d. …". */
  year: string;
  value: number;
  unit: string;
  reliability: 'high' | 'medium' | 'low';
  url: string;
  note: string;
}

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

/** One literature figure a parameter cites (literature.csv). */
export interface LiteratureRow {
  id: string;
  mechanism: string;
  figure: string;
  source: string;
  used_for: string;
}

/** Every figure of the paper, in file order. */
export const PAPER_FIGURES: readonly PaperFigure[] = table('paper-figures.csv').map((r) => ({
  indicator: r.indicator, region: r.region, year: Number(r.year), value: Number(r.value), unit: r.unit,
  source: r.source, where_in_paper: r.where_in_paper, note: r.note,
}));

/** Every official figure for 2016–2022, in file order. */
export const OFFICIAL_FIGURES: readonly OfficialFigure[] = table('official-figures.csv').map((r) => ({
  indicator: r.indicator, region: r.region, year: r.year, value: Number(r.value), unit: r.unit,
  reliability: r.reliability as OfficialFigure['reliability'], url: r.url, note: r.note,
}));

/** The calibration targets, in file order. */
export const TARGET_ROWS: readonly TargetRow[] = table('calibration-targets.csv').map((r) => ({
  output: r.output, year: Number(r.year), value: Number(r.value), bound: r.bound as TargetRow['bound'],
  sigma: Number(r.sigma), family: r.family, source: r.source, decision: r.decision,
}));

/** The literature table. */
export const LITERATURE: readonly LiteratureRow[] = table('literature.csv').map((r) => ({
  id: r.id, mechanism: r.mechanism, figure: r.figure, source: r.source, used_for: r.used_for,
}));

/** The zones table as text rows (zones.ts holds the typed copy; a test keeps them equal). */
export const ZONE_ROWS: readonly Record<string, string>[] = table('zones.csv');
