// Policy effects under uncertainty (compare --runs) as text: an aligned table for reading,
// CSV for R/pandas (long format, one row per scenario × KPI × year, missing values empty,
// names with underscores only) and JSON (NaN/±Infinity as strings, see json-numbers.ts).
import type { EffectCell } from '../analysis/effect-table.ts';
import { jsonNumber, newTally, nonFiniteNote } from '../analysis/json-numbers.ts';
import type { ComparedScenario, Kpi } from './compare.ts';
import { csvNumber, readable, type Lang } from './compare-format.ts';
import { csvField } from './result-format.ts';

/** Everything a rendering needs: the scenarios (first = reference), the KPIs, the cells and how they were drawn. */
export interface EffectsReport {
  scenarios: ComparedScenario[];
  kpis: Kpi[];
  cells: EffectCell[];
  runs: number;
  seed: number;
  /** Where the draws come from: posterior, posterior-marginals or prior. */
  uncertainty: string;
  sampling: string;
  /** What the time column is called: "year" (the regional model, default) or "time" (other models). */
  timeName?: 'year' | 'time';
}

/** The CSV columns of an effects report, in order. */
export const EFFECT_CSV_COLUMNS = [
  'scenario', 'reference', 'kpi', 'unit', 'year', 'n', 'dropped', 'reference_mean', 'scenario_mean',
  'effect_mean', 'effect_sd', 'effect_p5', 'effect_p25', 'effect_p50', 'effect_p75', 'effect_p95', 'threshold', 'p_above_threshold',
] as const;

/** Notes a reader needs beside the numbers (one sentence each); empty when there is nothing to say. */
export function effectNotes(r: EffectsReport): string[] {
  const notes: string[] = [];
  if (r.runs < 2) notes.push('with one run the spread of an effect is unknown: effect_sd is left empty and the percentiles are that run\'s effect; use --runs 2 or more');
  const dropped = r.cells.reduce((s, c) => s + c.effect.dropped, 0);
  if (dropped > 0) notes.push(`${dropped} paired value${dropped > 1 ? 's were' : ' was'} not finite and left out (column "dropped")`);
  return notes;
}

/** Format a probability as a percentage for reading; "—" when undefined. */
function readableProbability(p: number): string {
  return Number.isFinite(p) ? `${(100 * p).toFixed(1)}%` : '—';
}

/** The effects as an aligned table (through `render`), with a heading naming the scenarios and the draws. */
export function effectsTable(r: EffectsReport, lang: Lang, render: (h: string[], rows: string[][], a: Array<'left' | 'right'>) => string): string {
  const kpi = new Map(r.kpis.map((k) => [k.name, k]));
  const zh = lang === 'zh';
  const thresholds = r.cells.some((c) => !Number.isNaN(c.effect.threshold));
  const header = zh
    ? ['情景', '指标', '单位', r.timeName === 'time' ? '时间' : '年份', '参照均值', '情景均值', '效应均值', 'p5', 'p50', 'p95']
    : ['scenario', 'KPI', 'unit', r.timeName ?? 'year', 'ref. mean', 'scen. mean', 'effect mean', 'p5', 'p50', 'p95'];
  if (thresholds) header.push(zh ? '阈值' : 'threshold', zh ? 'P(效应>阈值)' : 'P(effect>thr.)');
  const rows = r.cells.map((c) => {
    const k = kpi.get(c.output);
    const e = c.effect;
    const row = [r.scenarios[c.variant].id, k ? k.label[lang] : c.output, k ? k.unit[lang] : '', String(c.time), readable(c.referenceMean), readable(c.variantMean)];
    row.push(...[e.mean, e.p5, e.p50, e.p95].map((v) => readable(v, true, c.referenceMean)));
    if (thresholds) row.push(Number.isNaN(e.threshold) ? '—' : readable(e.threshold), readableProbability(e.probabilityAbove));
    return row;
  });
  const align = header.map((_, i) => (i < 3 ? 'left' : 'right') as 'left' | 'right');
  const src = zh
    ? { posterior: '联合后验', 'posterior-marginals': '后验边缘分布', prior: '先验' }[r.uncertainty] ?? r.uncertainty
    : r.uncertainty;
  const titles = r.scenarios.map((s, i) => `${s.id}: ${s.title[lang]}${i === 0 ? (zh ? '（参照）' : ' (reference)') : ''}`);
  const how = zh
    ? `效应 = 情景 − 参照，在同一组抽样上逐次相减；${r.runs} 次抽样（${src}，${r.sampling}，种子 ${r.seed}）。`
    : `Effect = scenario − reference on the same draw; ${r.runs} draws (${src}, ${r.sampling}, seed ${r.seed}).`;
  return `${titles.join('\n')}\n${how}\n\n${render(header, rows, align)}`;
}

/** The effects as long-format CSV (EFFECT_CSV_COLUMNS), full precision, missing values empty. */
export function effectsCsv(r: EffectsReport): string {
  const units = new Map(r.kpis.map((k) => [k.name, k.unit.en]));
  const lines = [EFFECT_CSV_COLUMNS.map((c) => (c === 'year' ? (r.timeName ?? 'year') : c)).join(',')];
  for (const c of r.cells) {
    const e = c.effect;
    const nums = [c.referenceMean, c.variantMean, e.mean, e.sd, e.p5, e.p25, e.p50, e.p75, e.p95, e.threshold, e.probabilityAbove].map(csvNumber);
    lines.push([r.scenarios[c.variant].id, r.scenarios[0].id, c.output, units.get(c.output) ?? '', String(c.time), String(e.n), String(e.dropped), ...nums].map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The effects as JSON plus a note about non-finite values written as strings, if any. */
export function effectsJson(r: EffectsReport, extra: Record<string, unknown> = {}): { text: string; note?: string } {
  const tally = newTally();
  const n = (v: number) => jsonNumber(v, tally);
  const effects = r.cells.map((c) => {
    const e = c.effect;
    return {
      scenario: r.scenarios[c.variant].id,
      kpi: c.output,
      [r.timeName ?? 'year']: c.time,
      n: e.n,
      dropped: e.dropped,
      reference_mean: n(c.referenceMean),
      scenario_mean: n(c.variantMean),
      mean: n(e.mean),
      // One run has no spread: null says "not defined", as JSON has no better word for it.
      sd: r.runs < 2 ? null : n(e.sd),
      p5: n(e.p5),
      p25: n(e.p25),
      p50: n(e.p50),
      p75: n(e.p75),
      p95: n(e.p95),
      ...(Number.isNaN(e.threshold) ? {} : { threshold: e.threshold, p_above_threshold: n(e.probabilityAbove) }),
    };
  });
  const body = { ...extra, runs: r.runs, seed: r.seed, uncertainty: r.uncertainty, sampling: r.sampling, reference: r.scenarios[0].id, scenarios: r.scenarios, kpis: r.kpis, notes: effectNotes(r), effects };
  const note = nonFiniteNote(tally);
  const text = `${JSON.stringify(body, null, 2)}\n`;
  return note ? { text, note } : { text };
}
