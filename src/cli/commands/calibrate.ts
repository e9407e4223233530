// `chengyu-sim calibrate`: fit the regional model's calibrated parameters to the 2015–2022
// targets (a deterministic MAP fit), optionally sample the posterior, and print the fit report
// (fit per series, acceptance targets, posterior diagnostics and coverage). It writes nothing
// unless asked: `--write` replaces the committed calibration.json and posterior.json, `--out
// FILE` writes both to one file of your own.
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import type { RunResult } from '../../model/engine/types.ts';
import type { CalibrationFile, FittedBound, FitReport, TargetCheck } from '../../model/chengyu/index.ts';
import type { PosteriorFile } from '../../model/chengyu/posterior.ts';
import type { PosteriorCoverage } from '../../model/chengyu/posterior-check.ts';
import { choiceOption } from '../choice-option.ts';
import { CliError } from '../errors.ts';
import { emit, writeOutFile } from '../io.ts';
import { renderTable } from '../text-table.ts';
import { checkOutPath } from './out-path.ts';
import { outFormat } from './out-format.ts';

/** The committed calibration file, which the model uses by default. */
export const CALIBRATION_PATH = fileURLToPath(new URL('../../model/chengyu/calibration.json', import.meta.url));
/** The committed posterior sample, which Monte Carlo, fan charts and sensitivity draw from. */
export const POSTERIOR_PATH = fileURLToPath(new URL('../../model/chengyu/posterior.json', import.meta.url));

/** Options of `calibrate`. */
export interface CalibrateCliOptions {
  seed?: string;
  starts?: string;
  maxEvals?: string;
  generations?: string;
  posterior?: boolean;
  write?: boolean;
  out?: string;
  reportOnly?: boolean;
  format?: 'table' | 'json';
  report?: string;
  problem?: string;
  data?: string;
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

/** The posterior's diagnostics and coverage as aligned text. */
export function posteriorText(post: PosteriorFile, cov: PosteriorCoverage): string {
  const g = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3));
  const rows = post.summary.map((s) => [s.id, g(s.q05), g(s.q50), g(s.q95), s.rhat.toFixed(3), s.ess.toFixed(0), s.atBound ?? '']);
  const table = renderTable(['parameter', '5 %', 'median', '95 %', 'R-hat', 'ESS', 'at bound'], rows, ['left', 'right', 'right', 'right', 'right', 'right', 'left']);
  const worst = post.summary.reduce((m, s) => Math.max(m, s.rhat), 0);
  const minEss = post.summary.reduce((m, s) => Math.min(m, s.ess), Infinity);
  const cors = post.correlations.slice(0, 12).map((c) => `  ${c.a} ~ ${c.b}: r = ${c.r}`).join('\n');
  return (
    `Posterior (${post.basis})\n${post.chains} chains × ${post.generations} generations, ${post.evaluations} model runs, acceptance ${post.acceptance}, ` +
    `${post.draws.length} draws kept; largest R-hat ${worst.toFixed(3)}, smallest ESS ${minEss.toFixed(0)}.\n${table}\n` +
    `Strongest correlations (|r| ≥ 0.5; near ±1 = not separately identified):\n${cors || '  none'}\n` +
    `Prior only (the targets do not inform them): ${post.priorOnly.join(', ')}\n` +
    `Coverage of the ${cov.bands.length} targets by the 90 % bands over ${cov.draws} draws: posterior predictive ${(100 * cov.predictiveCoverage).toFixed(0)} %, model values alone ${(100 * cov.modelCoverage).toFixed(0)} %.\n`
  );
}

/** The fitted values in their boxes as aligned text, those on a bound named below the table. */
export function fittedText(fitted: readonly FittedBound[]): string {
  const g = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(1) : v.toPrecision(4));
  const table = renderTable(['parameter', 'fitted', 'lower', 'upper', 'at bound'],
    fitted.map((f) => [f.id, g(f.value), g(f.lower), g(f.upper), f.atBound ?? '']), ['left', 'right', 'right', 'right', 'left']);
  const at = fitted.filter((f) => f.atBound);
  const note = at.length
    ? `On a bound of its range (within 0.1 % of the width; the bound, not the data, set it): ${at.map((f) => `${f.id} (${f.atBound})`).join(', ')}\n`
    : 'No fitted value is on a bound of its range.\n';
  return `Fitted parameters (box = the registry's plausible range):\n${table}\n${note}`;
}

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
  const { runChengyu, fitReport, checkTargets } = await import('../../model/chengyu/index.ts');
  // Fitted values are run constants of the regional model (no recompiling).
  const run = runChengyu({}, { parameters });
  return { run, report: fitReport(run), checks: checkTargets(run) };
}

/** Register `calibrate`. */
export function register(program: Command): void {
  program
    .command('calibrate')
    .description('fit the model to the 2015–2022 targets and print the fit report; writes only with --write or --out. With MODEL --problem FILE --data OBS.csv: fit the problem\'s factors to your observations')
    .argument('[model]', 'with --problem: a scenario of the regional model (.json), an XMILE model or a Vensim .mdl model')
    .option('--problem <file>', 'fit the factors of this problem file (within their bounds), weighted by its payoff, to --data')
    .option('--data <file>', 'with --problem: observations as CSV, header time,<variable>… (empty cell = missing)')
    .option('--seed <n>', "random seed of the fit's starts and of the posterior chains (default: the model's)")
    .option('--starts <n>', 'number of starts of the point fit (default: the model\'s)')
    .option('--max-evals <n>', 'model runs per start of the point fit (default: the model\'s)')
    .option('--posterior', 'also sample the posterior (several minutes; implied by --write)')
    .option('--generations <n>', 'generations of the posterior chains (default: the model\'s)')
    .option('--write', 'replace the committed src/model/chengyu/calibration.json and posterior.json')
    .option('--out <file>', 'write the calibration (and the posterior, when sampled) to this JSON file instead')
    .option('--report-only', 'print the report of the committed calibration and posterior, fitting nothing')
    .option('--report <file>', 'also write the report to a file')
    .addOption(choiceOption('--format <format>', 'report format', ['table', 'json']).default('table'))
    .action(async (model: string | undefined, opts: CalibrateCliOptions) => {
      const seed = positiveInt('--seed', opts.seed, 2 ** 31);
      const starts = positiveInt('--starts', opts.starts, 1000);
      const maxEvals = positiveInt('--max-evals', opts.maxEvals, 1e7);
      const generations = positiveInt('--generations', opts.generations, 1e7);
      if (opts.problem) {
        const clash = (['posterior', 'write', 'reportOnly', 'report', 'generations'] as const).find((k) => opts[k] !== undefined);
        if (clash) throw new CliError(`--${clash.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} belongs to the regional model's own calibration, not to --problem`);
        checkOutPath(opts.out);
        const { calibrateProblemCommand } = await import('./calibrate-problem.ts');
        await calibrateProblemCommand(model, { problem: opts.problem, ...(opts.data ? { data: opts.data } : {}), ...(seed ? { seed } : {}), ...(starts ? { starts } : {}), ...(maxEvals ? { maxEvals } : {}), format: opts.format ?? 'table', ...(opts.out ? { out: opts.out } : {}) });
        return;
      }
      if (model !== undefined || opts.data) throw new CliError('a model argument and --data go with --problem FILE (the factors to fit); without them calibrate fits the regional model to its targets');
      if (opts.write && opts.out) throw new CliError('--write and --out exclude each other: --write replaces the committed files, --out writes your own');
      if (opts.reportOnly && (opts.write || opts.out)) throw new CliError('--report-only fits nothing, so there is nothing to --write or --out');
      checkOutPath(opts.out);
      // The calibration file is JSON whatever --format the report takes.
      outFormat(opts.out, undefined, { '.json': 'json' });
      checkOutPath(opts.report, '--report');
      const { calibrateChengyu, CALIBRATED_VALUES } = await import('../../model/chengyu/index.ts');
      const { samplePosterior } = await import('../../model/chengyu/posterior.ts');
      const { posteriorCoverage } = await import('../../model/chengyu/posterior-check.ts');
      const { POSTERIOR } = await import('../../model/chengyu/posterior-data.ts');
      const progress = (m: string) => process.stderr.write(`${m}\n`);
      let parameters: Record<string, number> = { ...CALIBRATED_VALUES };
      let file: CalibrationFile | undefined;
      let post: PosteriorFile | undefined = opts.reportOnly ? POSTERIOR : undefined;
      if (!opts.reportOnly) {
        progress('calibrate: fitting (deterministic for a given seed, starts and max-evals) …');
        file = calibrateChengyu({ seed, starts, maxEvals, onProgress: progress });
        parameters = file.parameters;
        if (opts.posterior || opts.write) {
          progress('calibrate: sampling the posterior …');
          const t0 = Date.now();
          post = samplePosterior({ start: parameters, ...(seed ? { seed } : {}), ...(generations ? { generations } : {}), onProgress: progress });
          progress(`calibrate: posterior sampled in ${((Date.now() - t0) / 1000).toFixed(0)} s (${post.evaluations} model runs)`);
        }
      }
      const { report, checks } = await reportFor(parameters);
      const { fittedBounds } = await import('../../model/chengyu/index.ts');
      const fitted = fittedBounds(parameters);
      const cov = post ? posteriorCoverage(post) : undefined;
      const text =
        opts.format === 'json'
          ? `${JSON.stringify({ calibration: file ?? { parameters }, fitted, report, targets: checks, ...(post ? { posterior: { ...post, draws: undefined }, coverage: cov } : {}) }, null, 2)}\n`
          : `${fitReportText(report, checks)}\n${fittedText(fitted)}${post && cov ? `\n${posteriorText(post, cov)}` : ''}`;
      // Write only once the report has been produced from the new calibration.
      if (file && opts.write) {
        writeOutFile(CALIBRATION_PATH, `${JSON.stringify(file, null, 2)}\n`);
        progress(`calibrate: wrote ${CALIBRATION_PATH}`);
        writeOutFile(POSTERIOR_PATH, `${JSON.stringify(post)}\n`);
        progress(`calibrate: wrote ${POSTERIOR_PATH}`);
      } else if (file && opts.out) {
        writeOutFile(opts.out, `${JSON.stringify({ ...file, ...(post ? { posterior: post } : {}) }, null, 2)}\n`);
        progress(`calibrate: wrote ${opts.out}`);
      } else if (file) {
        progress('calibrate: nothing written (use --write to replace the committed calibration, or --out FILE)');
      }
      if (opts.report) writeOutFile(opts.report, text, '--report');
      await emit(text);
    });
}
