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

/** Format a signed difference ("+12", "−3.4"). */
export function formatDelta(lang: Lang, value: number, digits?: number): string {
  if (!Number.isFinite(value)) return '–';
  const body = formatNumber(lang, Math.abs(value), digits);
  if (value === 0 || body === formatNumber(lang, 0, digits)) return body;
  return (value > 0 ? '+' : '−') + body;
}

/** A value with its unit ("1,234 家", "1,234 enterprises", "2.3%"). */
export function withUnit(formatted: string, unit: string): string {
  if (!unit) return formatted;
  if (unit === '%') return `${formatted}%`;
  return `${formatted} ${unit}`;
}
