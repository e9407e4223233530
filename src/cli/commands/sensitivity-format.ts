// How `sensitivity` writes its report: aligned tables for the terminal, a long CSV (one row
// per output, time and factor: indices over time in one file) and JSON. Indices of an output
// that does not vary are NaN: "NaN" in the CSV, null in JSON, "—" in the table, and a warning.
import { jsonNumber } from '../../model/analysis/json-numbers.ts';
import { tornado, type SensitivityReport, type SensitivityWarning } from '../../model/analysis/sensitivity.ts';
import { renderTable } from '../text-table.ts';
import { csvCell } from './run-xmile.ts';

/** A number for a terminal table. */
function fmt(v: number): string {
  return Number.isFinite(v) ? v.toPrecision(4).replace(/\.?0+e/, 'e').replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') : '—';
}

/** Whether the report has bootstrap intervals (none with --bootstrap 0). */
function hasIntervals(r: SensitivityReport, bootstrap: number): boolean {
  return bootstrap > 0 && r.results.length > 0;
}

/** The report as aligned tables, one per KPI, factors ranked. */
export function reportTable(r: SensitivityReport, bootstrap: number): string {
  const parts: string[] = [];
  const ci = hasIntervals(r, bootstrap);
  const interval = (c: [number, number]) => `[${fmt(c[0])}, ${fmt(c[1])}]`;
  for (const k of r.results) {
    const what = r.method === 'sobol' ? 'Sobol indices' : `Morris elementary effects, ${r.levels ?? 4} levels`;
    const title = `${k.output} @ ${k.time} — ${what} (${r.evaluations} runs, seed ${r.seed}, ${ci ? '95% bootstrap intervals' : 'no intervals: --bootstrap 0'})`;
    const index = new Map(r.params.map((p, i) => [p, i]));
    const bars = tornado(k, r.params);
    const align = (n: number) => ['left', ...Array<'right'>(n - 1).fill('right')] as Array<'left' | 'right'>;
    if (k.sobol) {
      const s = k.sobol;
      const head = ci ? ['factor', 'S1', 'S1 CI', 'ST', 'ST CI'] : ['factor', 'S1', 'ST'];
      const rows = bars.map((b) => {
        const i = index.get(b.param)!;
        return ci ? [b.param, fmt(s.S1[i]), interval(s.S1ci[i]), fmt(s.ST[i]), interval(s.STci[i])] : [b.param, fmt(s.S1[i]), fmt(s.ST[i])];
      });
      const legend = `S1: first-order index (share of variance from the factor alone); ST: total index (with all its interactions); ΣS1 = ${fmt(s.sumS1)}`;
      parts.push(`${title}\n${legend}\n${renderTable(head, rows, align(head.length))}`);
    } else {
      const m = k.morris!;
      const head = ci ? ['factor', 'μ*', 'μ* CI', 'μ', 'σ'] : ['factor', 'μ*', 'μ', 'σ'];
      const rows = bars.map((b) => {
        const i = index.get(b.param)!;
        return ci ? [b.param, fmt(m.muStar[i]), interval(m.muStarCi[i]), fmt(m.mu[i]), fmt(m.sigma[i])] : [b.param, fmt(m.muStar[i]), fmt(m.mu[i]), fmt(m.sigma[i])];
      });
      const legend = 'μ*: mean |elementary effect| in output units per full range of the factor; μ: signed mean; σ: spread (nonlinearity, interactions)';
      parts.push(`${title}\n${legend}\n${renderTable(head, rows, align(head.length))}`);
    }
  }
  return parts.join('\n');
}

/** A number for CSV: shortest round-trip text, NaN and ±Infinity spelled out. */
function num(x: number): string {
  return Number.isFinite(x) ? String(x) : Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

/** The report as long CSV: one row per output, time and factor (or group). */
export function reportCsv(r: SensitivityReport): string {
  const sobol = r.method === 'sobol';
  const head = sobol
    ? ['output', 'time', 'factor', 'S1', 'S1_low', 'S1_high', 'ST', 'ST_low', 'ST_high']
    : ['output', 'time', 'factor', 'mu_star', 'mu_star_low', 'mu_star_high', 'mu', 'sigma'];
  const lines = [head.join(',')];
  for (const k of r.results) {
    r.params.forEach((p, i) => {
      const v = k.sobol
        ? [k.sobol.S1[i], ...k.sobol.S1ci[i], k.sobol.ST[i], ...k.sobol.STci[i]]
        : [k.morris!.muStar[i], ...k.morris!.muStarCi[i], k.morris!.mu[i], k.morris!.sigma[i]];
      lines.push([csvCell(k.output), num(k.time), csvCell(p), ...v.map(num)].join(','));
    });
  }
  return `${lines.join('\n')}\n`;
}

/** JSON number, or "NaN"/"Infinity"/"-Infinity" as every JSON output writes them (the warnings say which outputs those are). */
const jnum = (x: number) => jsonNumber(x);
const jci = (c: [number, number]) => c.map(jnum);

/** The report as JSON (full precision), with its warnings and inert factors. */
export function reportJson(r: SensitivityReport, extra: Record<string, unknown>, warnings: SensitivityWarning[], inert: string[]): string {
  const results = r.results.map((k) => ({
    output: k.output,
    year: k.time,
    parameters: r.params.map((id, i) =>
      k.sobol
        ? { id, S1: jnum(k.sobol.S1[i]), S1_ci: jci(k.sobol.S1ci[i]), ST: jnum(k.sobol.ST[i]), ST_ci: jci(k.sobol.STci[i]) }
        : { id, mu_star: jnum(k.morris!.muStar[i]), mu_star_ci: jci(k.morris!.muStarCi[i]), mu: jnum(k.morris!.mu[i]), sigma: jnum(k.morris!.sigma[i]) },
    ),
    ...(k.sobol ? { variance: k.sobol.variance, sum_S1: jnum(k.sobol.sumS1), sum_S1_ci: jci(k.sobol.sumS1ci) } : {}),
  }));
  return `${JSON.stringify({
    ...extra,
    method: r.method,
    samples: r.samples,
    ...(r.method === 'morris' ? { levels: r.levels ?? 4 } : {}),
    seed: r.seed,
    evaluations: r.evaluations,
    inert,
    warnings: warnings.map((w) => ({ output: w.output, year: w.time, kind: w.kind, message: w.message })),
    results,
  }, null, 2)}\n`;
}
