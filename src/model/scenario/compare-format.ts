// A comparison as text: an aligned table for the terminal, CSV for R/Python/Excel, JSON.
// In CSV every missing or undefined number is an empty cell (R reads NA, pandas NaN) and
// column names use only letters, digits and underscores, so R's read.csv keeps them as
// written; JSON writes NaN/±Infinity as strings (json-numbers.ts) and null for a
// percentage that is not defined (reference 0 or missing).
import { jsonNumber, newTally, nonFiniteNote } from '../analysis/json-numbers.ts';
import type { Comparison } from './compare.ts';
import { csvField, numberText } from './result-format.ts';

/** Interface language of labels. */
export type Lang = 'zh' | 'en';

/**
 * A value for reading: fewer decimals as magnitude grows; "—" when missing. `like` sets
 * the magnitude that picks the decimals (a difference is shown as precisely as its value).
 */
export function readable(v: number, signed = false, like = v): string {
  if (!Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(Number.isFinite(like) && like !== 0 ? like : v);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  const s = v.toFixed(digits);
  // Rounding can leave "-0"; a difference that rounds to zero reads as 0.
  const clean = /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
  return signed && v > 0 && !/^0(\.0+)?$/.test(clean) ? `+${clean}` : clean;
}

/** A percentage difference for reading: "+12.3%", or "—" when undefined. */
export function readablePct(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return '—';
  const s = p.toFixed(1);
  const clean = s === '-0.0' ? '0.0' : s;
  return `${p > 0 && clean !== '0.0' ? '+' : ''}${clean}%`;
}

/** Column names per scenario, made unique if two scenarios share an id. */
export function scenarioColumnIds(c: Pick<Comparison, 'scenarios'>): string[] {
  const seen = new Map<string, number>();
  return c.scenarios.map((s) => {
    const n = (seen.get(s.id) ?? 0) + 1;
    seen.set(s.id, n);
    return n === 1 ? s.id : `${s.id}#${n}`;
  });
}

/** Names safe as R/pandas column names: letters, digits, `_`; not starting with a digit; unique (`_2`, `_3` …). */
export function csvColumnIds(ids: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return ids.map((raw) => {
    let id = raw.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z]/.test(id)) id = `scenario_${id}`;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}_${n}`;
  });
}

/** A number as a CSV cell: full precision, empty when missing, NaN or infinite. */
export function csvNumber(v: number | null): string {
  return v === null || !Number.isFinite(v) ? '' : numberText(v);
}

/** The comparison as an aligned table: KPI, year, reference value, then value/Δ/Δ% per other scenario. */
export function comparisonTable(c: Comparison, lang: Lang, render: (h: string[], r: string[][], a: Array<'left' | 'right'>) => string): string {
  const ids = scenarioColumnIds(c);
  const header = [lang === 'zh' ? '指标' : 'KPI', lang === 'zh' ? '单位' : 'unit', lang === 'zh' ? '年份' : 'year', ids[0]];
  for (const id of ids.slice(1)) header.push(id, `Δ ${id}`, `Δ% ${id}`);
  const labels = new Map(c.kpis.map((k) => [k.name, k]));
  const rows = c.rows.map((r) => {
    const k = labels.get(r.kpi)!;
    const row = [k.label[lang], k.unit[lang], String(r.year), readable(r.values[0])];
    for (let i = 1; i < r.values.length; i++) row.push(readable(r.values[i]), readable(r.diff[i], true, r.values[0]), readablePct(r.pct[i]));
    return row;
  });
  const align = header.map((_, i) => (i < 2 ? 'left' : 'right') as 'left' | 'right');
  const titles = c.scenarios.map((s, i) => `${ids[i]}: ${s.title[lang]}${i === 0 ? (lang === 'zh' ? '（参照）' : ' (reference)') : ''}`);
  return `${titles.join('\n')}\n\n${render(header, rows, align)}`;
}

/** Render header and rows as a Markdown table. */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, align: ReadonlyArray<'left' | 'right'>): string {
  const esc = (x: string) => x.replace(/\|/g, '\\|');
  const line = (r: readonly string[]) => `| ${r.map(esc).join(' | ')} |`;
  const rule = `|${align.map((a) => (a === 'right' ? '---:' : ':---')).join('|')}|`;
  return `${[line(header), rule, ...rows.map(line)].join('\n')}\n`;
}

/** The comparison as Markdown: the scenarios as a list, then the table (for reports and the README). */
export function comparisonMarkdown(c: Comparison, lang: Lang): string {
  const text = comparisonTable(c, lang, markdownTable);
  const cut = text.indexOf('\n\n');
  const titles = text.slice(0, cut).split('\n').map((l) => `- ${l}`);
  return `${titles.join('\n')}\n\n${text.slice(cut + 2)}`;
}

/** The comparison as CSV: `kpi,unit,year,<ref>,<b>,<b>_diff,<b>_pct,…`, full precision, missing values empty. */
export function comparisonCsv(c: Comparison): string {
  const ids = csvColumnIds(c.scenarios.map((s) => s.id));
  const header = ['kpi', 'unit', 'year', ids[0]];
  for (const id of ids.slice(1)) header.push(id, `${id}_diff`, `${id}_pct`);
  const units = new Map(c.kpis.map((k) => [k.name, k.unit.en]));
  const lines = [header.map(csvField).join(',')];
  for (const r of c.rows) {
    const row = [r.kpi, units.get(r.kpi) ?? '', String(r.year), csvNumber(r.values[0])];
    for (let i = 1; i < r.values.length; i++) row.push(csvNumber(r.values[i]), csvNumber(r.diff[i]), csvNumber(r.pct[i]));
    lines.push(row.map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The comparison as JSON (NaN/±Infinity as strings, undefined percentages as null) and a note on the non-finite values, if any. */
export function comparisonJsonWithNote(c: Comparison, extra: Record<string, unknown> = {}): { text: string; note?: string } {
  const tally = newTally();
  const num = (v: number) => jsonNumber(v, tally);
  const rows = c.rows.map((r) => ({ kpi: r.kpi, year: r.year, values: r.values.map(num), diff: r.diff.map(num), pct: r.pct.map((p) => (p === null ? null : num(p))) }));
  const text = `${JSON.stringify({ ...extra, scenarios: c.scenarios, years: c.years, kpis: c.kpis, rows }, null, 2)}\n`;
  const note = nonFiniteNote(tally);
  return note ? { text, note } : { text };
}

/** The comparison as JSON (see comparisonJsonWithNote). */
export function comparisonJson(c: Comparison, extra: Record<string, unknown> = {}): string {
  return comparisonJsonWithNote(c, extra).text;
}
