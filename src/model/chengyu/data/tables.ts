// The regional model's data tables, parsed from the CSV files of this folder (embedded by
// scripts/gen-data-modules.ts): the paper's figures, the official figures published since, the
// zones, the literature the parameters cite, and the calibration targets with the decision
// taken for each point (data/README.md in this folder says how they were chosen).
import { text as paperCsv } from './paper-figures.csv.generated.ts';
import { text as officialCsv } from './official-figures.csv.generated.ts';
import { text as literatureCsv } from './literature.csv.generated.ts';
import { text as zonesCsv } from './zones.csv.generated.ts';
import { parseCsv } from './csv.ts';
import { TARGET_ROWS, TARGETS_CSV, type TargetRow } from './target-rows.ts';

export { TARGET_ROWS, type TargetRow };

/** The data folder's CSV files by name, as text. */
export const CSV_TEXT: Readonly<Record<string, string>> = {
  'calibration-targets.csv': TARGETS_CSV,
  'paper-figures.csv': paperCsv, 'official-figures.csv': officialCsv, 'literature.csv': literatureCsv, 'zones.csv': zonesCsv,
};

const table = (file: string) => parseCsv(CSV_TEXT[file], file);

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

/** The literature table. */
export const LITERATURE: readonly LiteratureRow[] = table('literature.csv').map((r) => ({
  id: r.id, mechanism: r.mechanism, figure: r.figure, source: r.source, used_for: r.used_for,
}));

/** The zones table as text rows (zones.ts holds the typed copy; a test keeps them equal). */
export const ZONE_ROWS: readonly Record<string, string>[] = table('zones.csv');
