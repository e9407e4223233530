// Translation and locale-aware formatting. Pure functions of (lang, …) so components
// re-render with the right words and number formats when the language changes.
import { en, zh, type Lang, type MessageKey } from './messages.ts';

export type { Lang, MessageKey } from './messages.ts';

const tables: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** BCP 47 locale of an interface language. */
export function locale(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en-GB';
}

/** The message `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = tables[lang][key] ?? zh[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Parse a language tag (from a link or navigator.language) into a supported language. */
export function parseLang(tag: string | null | undefined): Lang | undefined {
  if (!tag) return undefined;
  const l = tag.toLowerCase();
  if (l === 'zh' || l.startsWith('zh-')) return 'zh';
  if (l === 'en' || l.startsWith('en-')) return 'en';
  return undefined;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Format a number for `lang`, with `digits` significant decimals chosen from its size when omitted. */
export function formatNumber(lang: Lang, value: number, digits?: number): string {
  if (!Number.isFinite(value)) return '–';
  const d = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  const key = `${lang}:${d}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: d, minimumFractionDigits: 0 });
    formatters.set(key, f);
  }
  return f.format(value);
}

/**
 * Format with exactly `digits` decimals ("2.60", not "2.6" beside "2.41"), so numbers of
 * one indicator line up; with `digits` undefined, as formatNumber chooses.
 */
export function formatFixed(lang: Lang, value: number, digits: number | undefined): string {
  if (digits === undefined) return formatNumber(lang, value);
  if (!Number.isFinite(value)) return '–';
  const key = `${lang}:fixed:${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits, minimumFractionDigits: digits });
    formatters.set(key, f);
  }
  return f.format(value);
}

/** Format a signed difference ("+12", "−3.4"); `fixed`: exactly `digits` decimals ("+0.50"). */
export function formatDelta(lang: Lang, value: number, digits?: number, fixed = false): string {
  if (!Number.isFinite(value)) return '–';
  const fmt = (x: number) => (fixed ? formatFixed(lang, x, digits) : formatNumber(lang, x, digits));
  const body = fmt(Math.abs(value));
  if (value === 0 || body === fmt(0)) return body;
  return (value > 0 ? '+' : '−') + body;
}

/** `text` in brackets after what precedes it: full-width "（…）" in Chinese, " (…)" in English. */
export function inParens(lang: Lang, text: string): string {
  return lang === 'zh' ? `（${text}）` : ` (${text})`;
}

/** A value with its unit ("1,234 家", "1,234 enterprises", "2.3%"). */
export function withUnit(formatted: string, unit: string): string {
  if (!unit) return formatted;
  if (unit === '%') return `${formatted}%`;
  return `${formatted} ${unit}`;
}
