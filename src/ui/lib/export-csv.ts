// The chart's data as a CSV file for R/Python/Excel: comment lines first ("# " — what the
// numbers are, their unit, the settings, the model version and the date, so a file passed
// on still says where it came from), then a header row and one row per time point, values
// rounded to the indicator's meaningful precision (whole enterprises, not 16 digits).
import { seriesTable, toCsv, type Column } from './csv.ts';

/** How to write the file. */
export interface CsvExport {
  /** Comment lines, without the leading "# ". */
  comments: string[];
  /** Header of the first column (the year, in the interface language). */
  timeHeader: string;
  /** Decimals kept in the values. */
  digits: number;
}

/** A value rounded to `digits` decimals (written in its shortest form). */
export function roundTo(v: number, digits: number): number {
  return Number.isFinite(v) ? Number(v.toFixed(digits)) : v;
}

/** The CSV text (with a BOM, so Excel reads UTF-8) of `columns`. */
export function exportCsvText(columns: Column[], how: CsvExport): string {
  const { header, rows } = seriesTable(columns);
  const rounded = rows.map((r) => r.map((v, i) => (i > 0 && typeof v === 'number' ? roundTo(v, how.digits) : v)));
  // Line breaks inside a comment would start a data row.
  const comments = how.comments.map((c) => `# ${c.replace(/[\r\n]+/g, ' ')}\r\n`).join('');
  return '\ufeff' + comments + toCsv([how.timeHeader, ...header.slice(1)], rounded);
}
