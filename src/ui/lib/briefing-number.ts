// Numbers as a briefing quotes them: two significant digits (more only when the band is
// narrow enough to make them meaningful), large counts in 万 for Chinese readers, money in
// 亿元 / 万亿元 or billion CNY, R&D intensity in % with one decimal and its differences in
// percentage points. Pure: the same band gives the same words.
import type { Lang } from '../i18n/i18n.ts';
import type { KpiId } from '../state/app-state.ts';

/** Five percentiles of a distribution (of a level or of an effect). */
export interface Band {
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/** A band in words: the rounded median, its unit, and the 90 % and 50 % ranges (numbers with the range's unit). */
export interface BriefingBand {
  /** "约" / "about". */
  approx: string;
  /** The rounded median ("4.0", "40 000", "+6 000"). */
  value: string;
  /** Unit after the median ("万家", "enterprises", "%", "个百分点"). */
  unit: string;
  /** "3.1–5.2 万", "31 000–52 000". */
  range90: string;
  range50: string;
}

interface Scale {
  factor: number;
  unit: string;
  /** Unit repeated after a range ("万", "%"). */
  rangeUnit: string;
  /** Fixed decimals (R&D intensity); otherwise significant digits decide. */
  decimals?: number;
}

/** What a briefing number measures: an indicator, or the cost of one extra enterprise (in 万元). */
export type BriefingKind = KpiId | 'cost_per_enterprise';

/** How a value of `kind` of about `magnitude` is scaled and named; `delta`: a difference from the baseline. */
function scaleOf(lang: Lang, kind: BriefingKind, magnitude: number, delta: boolean): Scale {
  const zh = lang === 'zh';
  switch (kind) {
    case 'cost_per_enterprise':
      // 1 万元 = CNY 0.01 million.
      return zh ? { factor: 1, unit: '万元/家', rangeUnit: '' } : { factor: 0.01, unit: 'm CNY per enterprise', rangeUnit: '' };
    case 'hte':
      if (zh) return magnitude >= 1e4 ? { factor: 1e-4, unit: '万家', rangeUnit: '万' } : { factor: 1, unit: '家', rangeUnit: '' };
      return { factor: 1, unit: 'enterprises', rangeUnit: '' };
    case 'rd_intensity':
      if (delta) return { factor: 1, unit: zh ? '个百分点' : 'pp', rangeUnit: '', decimals: 1 };
      return { factor: 1, unit: '%', rangeUnit: '%', decimals: 1 };
    case 'tech_contracts':
    case 'policy_cost': {
      const perYear = kind === 'policy_cost';
      if (zh) {
        const big = magnitude >= 1e4;
        return { factor: big ? 1e-4 : 1, unit: `${big ? '万亿元' : '亿元'}${perYear ? '/年' : ''}`, rangeUnit: big ? '万亿' : '亿' };
      }
      // 1 亿元 = CNY 0.1 billion.
      return { factor: 0.1, unit: perYear ? 'bn CNY/yr' : 'bn CNY', rangeUnit: 'bn' };
    }
  }
}

/** Decimals that keep `sig` significant digits of `x` (negative: round to tens, hundreds…). */
function decimalsFor(x: number, sig: number): number {
  if (x === 0 || !Number.isFinite(x)) return 0;
  return sig - 1 - Math.floor(Math.log10(Math.abs(x)));
}

/**
 * Significant digits a band deserves: 2, or 3–4 when the 90 % range is narrow against the median;
 * a value with no spread at all (a cost the levers fix) is quoted like any briefing figure, with 2.
 */
function significantDigits(b: Band): number {
  if (b.p95 === b.p5) return 2;
  const rel = (b.p95 - b.p5) / Math.max(Math.abs(b.p50), 1e-300);
  return rel >= 0.1 ? 2 : rel >= 0.01 ? 3 : 4;
}

/** Round to `d` decimals (d may be negative). */
function roundTo(x: number, d: number): number {
  const f = 10 ** Math.abs(d);
  const r = d >= 0 ? Math.round(x * f) / f : Math.round(x / f) * f;
  return r === 0 ? 0 : r;
}

// One formatter per language and decimals: making one costs ~0.2 ms, and a card render formats dozens of numbers.
const grouped = new Map<string, Intl.NumberFormat>();

/** A number with digit grouping: "40,000" in Chinese, "40 000" (no-break spaces) in English as briefings write it. */
export function groupedNumber(lang: Lang, x: number, decimals: number, signed = false): string {
  const d = Math.max(0, decimals);
  const key = `${lang}:${d}`;
  let f = grouped.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
    grouped.set(key, f);
  }
  const abs = f.format(Math.abs(x));
  const body = lang === 'zh' ? abs : abs.replace(/,/g, '\u00a0');
  const sign = x < 0 ? '−' : signed && x > 0 ? '+' : '';
  return sign + body;
}

/** The band of a level (`delta` false) or of a difference from the baseline (`delta` true) in briefing words. */
export function briefingBand(lang: Lang, kpi: BriefingKind, b: Band, delta = false): BriefingBand {
  const magnitude = Math.max(Math.abs(b.p50), Math.abs(b.p5), Math.abs(b.p95));
  const s = scaleOf(lang, kpi, Math.abs(b.p50) || magnitude, delta);
  const scaled = (x: number) => x * s.factor;
  let d = s.decimals ?? decimalsFor(scaled(Math.abs(b.p50) || magnitude), significantDigits(b));
  // A small difference in percentage points keeps a second decimal rather than reading 0.0.
  if (s.decimals !== undefined && delta && b.p50 !== 0 && roundTo(b.p50, d) === 0) d = 2;
  const num = (x: number, signed = delta) => groupedNumber(lang, roundTo(scaled(x), d), d, signed);
  // A range of differences carries signs only where it reaches below zero ("1.0–3.5", "−0.2–+1.5").
  const range = (lo: number, hi: number) => {
    const a = num(lo, false);
    const b = num(hi, delta && lo < 0);
    // No spread at this rounding (a cost fixed by the levers): one number, not "12–12".
    const text = a === num(hi, false) ? a : `${a}–${b}`;
    return s.rangeUnit ? `${text}${s.rangeUnit === '%' ? '' : ' '}${s.rangeUnit}` : text;
  };
  return {
    approx: lang === 'zh' ? '约' : 'about',
    value: num(b.p50),
    unit: s.unit,
    range90: range(b.p5, b.p95),
    range50: range(b.p25, b.p75),
  };
}

/** One line: "约 4.0 万家（90% 区间 3.1–5.2 万）" / "about 40 000 enterprises (90 % range 31 000–52 000)". */
export function briefingLine(lang: Lang, kpi: BriefingKind, b: Band, delta = false): string {
  const w = briefingBand(lang, kpi, b, delta);
  const unit = w.unit === '%' ? '%' : ` ${w.unit}`;
  return lang === 'zh' ? `${w.approx} ${w.value}${unit}（90% 区间 ${w.range90}）` : `${w.approx} ${w.value}${unit} (90 % range ${w.range90})`;
}

/** A probability as a briefing says it: whole percent, "<1%" and ">99%" at the ends. */
export function briefingProbability(p: number): string {
  if (!Number.isFinite(p)) return '–';
  if (p < 0.005) return '<1%';
  if (p > 0.995) return '>99%';
  return `${Math.round(p * 100)}%`;
}

/** A threshold as typed, shown back in a sentence ("2,000" / "2 000", "0.1"). */
export function thresholdText(lang: Lang, x: number): string {
  const decimals = Number.isInteger(x) ? 0 : Math.min(4, String(x).split('.')[1]?.length ?? 0);
  return groupedNumber(lang, x, decimals);
}
