// `chengyu-sim data`: the regional model's data tables as the project ships them — the
// calibration targets with the decision taken for each point (default), the paper's figures,
// the official figures since, the zones and the literature table — as CSV or JSON.
import { Command } from 'commander';
import { choiceOption } from '../choice-option.ts';
import { emit } from '../io.ts';
import { outFormat } from './out-format.ts';
import { checkOutPath } from './out-path.ts';

/** The tables `data` exports, by name, with their file in src/model/chengyu/data. */
export const DATA_TABLES = {
  targets: 'calibration-targets.csv',
  paper: 'paper-figures.csv',
  official: 'official-figures.csv',
  zones: 'zones.csv',
  literature: 'literature.csv',
} as const;

/** A table's name. */
export type DataTable = keyof typeof DATA_TABLES;

/** The table as text: CSV exactly as shipped, or JSON records (numbers where the column is numeric). */
export async function dataText(table: DataTable, format: 'csv' | 'json'): Promise<string> {
  const { CSV_TEXT } = await import('../../model/chengyu/data/tables.ts');
  const { parseCsv } = await import('../../model/chengyu/data/csv.ts');
  const file = DATA_TABLES[table];
  const text = CSV_TEXT[file];
  if (format === 'csv') return text;
  const rows = parseCsv(text, file);
  const numeric = new Set(
    Object.keys(rows[0] ?? {}).filter((k) => rows.every((r) => r[k] === '' || (r[k].trim() !== '' && Number.isFinite(Number(r[k]))))),
  );
  const records = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, numeric.has(k) && v !== '' ? Number(v) : v])));
  return `${JSON.stringify({ table, file: `src/model/chengyu/data/${file}`, rows: records }, null, 2)}\n`;
}

/** Register `data`. */
export function register(program: Command): void {
  program
    .command('data')
    .description('export the data tables: calibration targets with their decisions (default), paper figures, official figures, zones, literature')
    .addOption(choiceOption('--table <table>', 'which table', Object.keys(DATA_TABLES)).default('targets'))
    .addOption(choiceOption('--format <format>', 'output format (default: csv, or from the --out extension: .csv, .json)', ['csv', 'json']))
    .option('--out <file>', 'write to a file instead of stdout (- for stdout)')
    .action(async (opts: { table: DataTable; format?: 'csv' | 'json'; out?: string }) => {
      const format = outFormat(opts.out, opts.format, { '.csv': 'csv', '.json': 'json' }) ?? 'csv';
      checkOutPath(opts.out);
      await emit(await dataText(opts.table, format), opts.out);
    });
}
