// `chengyu-sim validate`: hindcast skill. Fit the model on the targets up to a cut-off year
// (default 2019), forecast the later ones, print the errors per series, and the same errors
// for the committed 2015–2022 fit in-sample; `--out FILE.csv` writes every point.
import { Command } from 'commander';
import { forecastSkill, horizonErrors } from '../../model/chengyu/forecast-skill.ts';
import { forecastErrorScales, FORECAST_ORIGIN } from '../../model/chengyu/forecast-error.ts';
import { bandFactor } from '../../model/analysis/forecast-error.ts';
import type { Validation } from '../../model/chengyu/validation.ts';
import { choiceOption } from '../choice-option.ts';
import { CliError } from '../errors.ts';
import { emit, writeOutFile } from '../io.ts';
import { fileURLToPath } from 'node:url';
import { renderTable } from '../text-table.ts';
import { positiveInt } from './calibrate.ts';
import { outFormat } from './out-format.ts';
import { checkOutPath } from './out-path.ts';

/** The committed validation, which docs/model.md and the web app's data-and-method panel show. */
export const VALIDATION_PATH = fileURLToPath(new URL('../../model/chengyu/validation.json', import.meta.url));

/** Per-series errors of each hindcast and the in-sample fit as aligned text; several cut-offs add the errors by horizon. */
export function validationText(hinds: readonly Validation[], fit: Validation): string {
  const table = (v: Validation, role: 'fit' | 'forecast') =>
    renderTable(
      ['series', 'points', 'MAPE %', 'max |error| %', 'bias %'],
      v.series.filter((s) => s.role === role).map((s) => [s.output, String(s.points), s.mape.toFixed(1), s.maxAbsPct.toFixed(1), s.biasPct.toFixed(1)]),
      ['left', 'right', 'right', 'right', 'right'],
    );
  const each = hinds.map(
    (hind) =>
      `Hindcast: fitted on the targets 2015–${hind.cutoff}, forecast ${hind.cutoff + 1}–2022 (exogenous inputs such as the tax policy path as they happened):\n` +
      `${table(hind, 'forecast')}${skillText(hind)}${coverageText(hind)}\n`,
  );
  return `${each.join('')}${hinds.length > 1 ? horizonText(hinds) : ''}In-sample: the committed 2015–2022 calibration:\n${table(fit, 'fit')}`;
}

/** Errors by series family and years ahead, pooled over the cut-offs (a rolling origin). */
function horizonText(hinds: readonly Validation[]): string {
  return (
    `By years ahead, over the cut-offs ${hinds.map((h) => h.cutoff).join(', ')} (model and naive trend on the same points):\n` +
    renderTable(
      ['family', 'years ahead', 'points', 'cut-offs', 'model MAPE %', 'naive MAPE %'],
      horizonErrors(hinds).map((r) => [r.family, String(r.horizon), String(r.points), r.cutoffs.join(' '), r.modelMape.toFixed(1), r.driftMape.toFixed(1)]),
      ['left', 'right', 'right', 'left', 'right', 'right'],
    ) +
    `Forecast-error scale per family (root-mean-square log error per √year ahead over these points; the web app's outer band and withForecastError add it after ${FORECAST_ORIGIN}):\n` +
    renderTable(
      ['family', 'points', 'sigma', '90 % factor in 2035'],
      forecastErrorScales(hinds).map((s) => [s.family, String(s.points), s.sigma.toFixed(3), `×/÷ ${bandFactor(s.sigma, 2035 - FORECAST_ORIGIN).toFixed(2)}`]),
      ['left', 'right', 'right', 'right'],
    ) +
    '\n'
  );
}

/** The forecast against the naive drift forecast from the same cut-off. */
function skillText(v: Validation): string {
  const rows = forecastSkill(v);
  if (rows.length === 0) return '';
  return (
    `Against the naive forecast (each series' average growth over 2015–${v.cutoff} carried forward; skill = 1 − model MAPE / naive MAPE, above 0 the model is better):\n` +
    renderTable(
      ['series', 'points', 'model MAPE %', 'naive MAPE %', 'skill'],
      rows.map((r) => [r.output, String(r.points), r.modelMape.toFixed(1), r.driftMape.toFixed(1), r.skill.toFixed(2)]),
      ['left', 'right', 'right', 'right', 'right'],
    )
  );
}

/** The forecast's coverage by the cut-off posterior, when sampled. */
function coverageText(v: Validation): string {
  const c = v.coverage;
  if (!c) return '';
  return (
    `The posterior fitted on 2015–${v.cutoff} (${c.generations} generations, largest R-hat ${Number.isFinite(c.rhat) ? c.rhat.toFixed(3) : 'not computable from so few states'}, ${c.draws} draws): its 90 % ` +
    `posterior-predictive band covers ${(100 * c.predictive).toFixed(0)} % of the ${c.bands.length} later observations, the model values alone ${(100 * c.model).toFixed(0)} %.\n`
  );
}

/** Every point of the hindcasts and the in-sample validation as CSV. */
export function validationCsv(hinds: readonly Validation[], fit: Validation): string {
  const lines = ['validation,cutoff,output,year,role,observed,simulated,error_pct'];
  for (const [name, v] of [...hinds.map((h) => ['hindcast', h] as const), ['in_sample', fit] as const]) {
    for (const r of v.rows) lines.push([name, v.cutoff, r.output, r.year, r.role, r.observed, r.simulated, r.errorPct].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Register `validate`. */
export function register(program: Command): void {
  program
    .command('validate')
    .description('hindcast skill: fit on data up to a cut-off year, forecast the rest; and the 2015–2022 fit in-sample')
    .option('--cutoff <years>', 'last year of the data the hindcast fit sees (2016–2021); a comma-separated list (e.g. 2019,2020,2021) fits each and adds the errors by years ahead', '2019')
    .option('--starts <n>', 'starts of the hindcast fit (default: the model\'s)')
    .option('--max-evals <n>', 'model runs per start of the hindcast fit (default: the model\'s)')
    .option('--generations <n>', 'also sample the posterior on the data up to the cut-off (this many generations) and band the forecast')
    .addOption(choiceOption('--format <format>', 'output format (default: table, or from the --out extension: .txt, .csv, .json)', ['table', 'csv', 'json']))
    .option('--out <file>', 'write to a file instead of stdout (- for stdout)')
    .option('--write', 'replace the committed src/model/chengyu/validation.json (shown in docs/model.md and the web app)')
    .action(async (opts: { cutoff: string; starts?: string; maxEvals?: string; generations?: string; format?: 'table' | 'csv' | 'json'; out?: string; write?: boolean }) => {
      const cutoffs = opts.cutoff.split(',').map((c) => {
        const y = Number(c.trim());
        if (!/^\d{4}$/.test(c.trim()) || y < 2016 || y > 2021) throw new CliError(`--cutoff: ${JSON.stringify(c.trim())} is not allowed; allowed: a year in [2016, 2021]`);
        return y;
      });
      if (new Set(cutoffs).size !== cutoffs.length) throw new CliError(`--cutoff: ${JSON.stringify(opts.cutoff)} names a year twice`);
      // The committed file holds one hindcast (the one docs/model.md and the page show).
      if (opts.write && cutoffs.length > 1) throw new CliError('--write: takes one --cutoff (the committed validation holds one hindcast)');
      const starts = positiveInt('--starts', opts.starts, 1000);
      const maxEvals = positiveInt('--max-evals', opts.maxEvals, 1e7);
      const generations = positiveInt('--generations', opts.generations, 1e7);
      const format = outFormat(opts.out, opts.format, { '.txt': 'table', '.csv': 'csv', '.json': 'json' }) ?? 'table';
      checkOutPath(opts.out);
      const { hindcast, inSample } = await import('../../model/chengyu/validation.ts');
      const { CALIBRATED_VALUES } = await import('../../model/chengyu/index.ts');
      const hinds = cutoffs.map((cutoff) => {
        process.stderr.write(`validate: fitting on 2015–${cutoff} …\n`);
        return hindcast(cutoff, { starts, maxEvals, generations, onProgress: (m) => process.stderr.write(`${m}\n`) });
      });
      const fit = inSample({ ...CALIBRATED_VALUES });
      const json = () =>
        hinds.length === 1
          ? { hindcast: hinds[0], inSample: fit, forecastSkill: forecastSkill(hinds[0]) }
          : { hindcasts: hinds.map((h) => ({ ...h, forecastSkill: forecastSkill(h) })), horizons: horizonErrors(hinds), forecastError: forecastErrorScales(hinds), inSample: fit };
      const text = format === 'json' ? `${JSON.stringify(json(), null, 2)}\n` : format === 'csv' ? validationCsv(hinds, fit) : validationText(hinds, fit);
      if (opts.write) {
        writeOutFile(VALIDATION_PATH, `${JSON.stringify({ hindcast: hinds[0], inSample: fit }, null, 1)}\n`);
        process.stderr.write(`validate: wrote ${VALIDATION_PATH}\n`);
      }
      await emit(text, opts.out);
    });
}
