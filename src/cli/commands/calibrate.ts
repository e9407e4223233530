// `chengyu-sim calibrate`: fit the regional model's uncertain parameters to the 2015–2020
// observations (the model's own, deterministic calibration), write the result atomically
// to src/model/chengyu/calibration.json (or --out), and print the fit report.
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import type { RunResult } from '../../model/engine/types.ts';
import type { CalibrationFile, FitReport, TargetCheck } from '../../model/chengyu/index.ts';
import { CliError } from '../errors.ts';
import { emit, writeFileAtomic } from '../io.ts';
import { renderTable } from '../text-table.ts';
import { checkOutPath } from './out-path.ts';

/** The committed calibration file, which the model uses by default. */
export const CALIBRATION_PATH = fileURLToPath(new URL('../../model/chengyu/calibration.json', import.meta.url));

/** Options of `calibrate`. */
export interface CalibrateCliOptions {
  seed?: string;
  starts?: string;
  maxEvals?: string;
  out?: string;
  reportOnly?: boolean;
  format?: 'table' | 'json';
  report?: string;
}

/** Parse a positive integer option; CliError naming the option, value and range otherwise. */
export function positiveInt(name: string, text: string | undefined, max = 1e9): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (!/^\d+$/.test(text.trim()) || v < 1 || v > max) {
    throw new CliError(`${name}: ${JSON.stringify(text)} is not allowed; allowed: an integer in [1, ${max}]`);
  }
  return v;
}

/** A number with decimals chosen by the magnitude of `like` (an error reads as precisely as its value). */
const fmt = (v: number, like = v) => {
  const a = Math.abs(like);
  return v.toFixed(a >= 100 ? 0 : a >= 1 ? 2 : 3);
};
const signed = (s: string) => (s.startsWith('-') || /^0(\.0+)?$/.test(s) ? s : `+${s}`);

/** The fit report and the acceptance targets as aligned text. */
export function fitReportText(report: FitReport, checks: readonly TargetCheck[]): string {
  const rows: string[][] = [];
  for (const s of report.series) {
    for (const r of s.rows) {
      rows.push([s.series, String(r.year), r.where, fmt(r.observed), fmt(r.simulated), signed(fmt(r.error, r.observed)), `${signed(r.errorPct.toFixed(1))}%`]);
    }
    rows.push([`  MAPE ${s.series}`, '', '', '', '', '', `${s.mape.toFixed(1)}%`]);
  }
  const table = renderTable(['series', 'year', 'source', 'observed', 'simulated', 'error', 'error %'], rows, ['left', 'right', 'left', 'right', 'right', 'right', 'right']);
  const targets = renderTable(
    ['target', 'value', 'limit', 'pass'],
    checks.map((c) => [c.name, c.value.toFixed(2), String(c.limit), c.pass ? 'yes' : 'NO']),
    ['left', 'right', 'right', 'left'],
  );
  return `Basis: ${report.basis}\n\n${table}\nAcceptance targets of the calibrated baseline:\n${targets}`;
}

/** Run the calibrated model (given fitted values) and build the report. */
async function reportFor(parameters: Record<string, number>): Promise<{ run: RunResult; report: FitReport; checks: TargetCheck[] }> {
  const { buildChengyuSpecFrom, fitReport, checkTargets } = await import('../../model/chengyu/index.ts');
  const { compileModel } = await import('../../model/engine/index.ts');
  const run = compileModel(buildChengyuSpecFrom(parameters)).run({});
  return { run, report: fitReport(run), checks: checkTargets(run) };
}

/** Register `calibrate`. */
export function register(program: Command): void {
  program
    .command('calibrate')
    .description('fit the uncertain parameters to the 2015–2020 observations, write calibration.json, print the fit report')
    .option('--seed <n>', 'random seed of the multi-start (default: the model\'s)')
    .option('--starts <n>', 'number of starts (default: the model\'s)')
    .option('--max-evals <n>', 'model runs per start (default: the model\'s)')
    .option('--out <file>', 'where to write the calibration (default: the committed src/model/chengyu/calibration.json)')
    .option('--report-only', 'print the fit report of the current calibration without fitting')
    .option('--report <file>', 'also write the fit report to a file')
    .addOption(new Option('--format <format>', 'fit report format').choices(['table', 'json']).default('table'))
    .action(async (opts: CalibrateCliOptions) => {
      const seed = positiveInt('--seed', opts.seed, 2 ** 31);
      const starts = positiveInt('--starts', opts.starts, 1000);
      const maxEvals = positiveInt('--max-evals', opts.maxEvals, 1e7);
      checkOutPath(opts.out);
      checkOutPath(opts.report, '--report');
      const { calibrateChengyu, CALIBRATED_VALUES } = await import('../../model/chengyu/index.ts');
      let parameters: Record<string, number> = { ...CALIBRATED_VALUES };
      let file: CalibrationFile | undefined;
      if (!opts.reportOnly) {
        const progress = (m: string) => process.stderr.write(`${m}\n`);
        progress('calibrate: fitting (deterministic for a given seed, starts and max-evals) …');
        file = calibrateChengyu({ seed, starts, maxEvals, onProgress: progress });
        parameters = file.parameters;
      }
      const { report, checks } = await reportFor(parameters);
      const text =
        opts.format === 'json'
          ? `${JSON.stringify({ calibration: file ?? { parameters }, report, targets: checks }, null, 2)}\n`
          : fitReportText(report, checks);
      // Write the calibration only once the report has been produced from it.
      if (file) {
        const out = opts.out ?? CALIBRATION_PATH;
        writeFileAtomic(out, `${JSON.stringify(file, null, 2)}\n`);
        process.stderr.write(`calibrate: wrote ${out}\n`);
      }
      if (opts.report) writeFileAtomic(opts.report, text);
      await emit(text);
    });
}
