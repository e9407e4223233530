// Units of model variables ("1e8 CNY/year", "enterprise/person/year", "1") in the words
// of the interface language, the way the rest of the page writes them (亿元/年, CNY 100 m/yr).
import type { Lang } from '../i18n/i18n.ts';

/** Words for the unit parts the model uses; parts not listed are shown as code by the caller. */
const PARTS: Record<string, { zh: string; en: string }> = {
  '1e8 CNY': { zh: '亿元', en: 'CNY 100 m' },
  year: { zh: '年', en: 'yr' },
  enterprise: { zh: '家', en: 'enterprises' },
  person: { zh: '人', en: 'persons' },
  km: { zh: '公里', en: 'km' },
  percent: { zh: '%', en: '%' },
  '%': { zh: '%', en: '%' },
  CNY: { zh: '元', en: 'CNY' },
};

/** A unit in words: "1e8 CNY/year" → "亿元/年"; "1" → "无量纲"; undefined when a part is unknown. */
export function unitLabel(units: string, lang: Lang): string | undefined {
  const u = units.trim();
  if (u === '' ) return '';
  if (u === '1' || u === 'dmnl' || u === 'dimensionless') return lang === 'zh' ? '无量纲' : 'dimensionless';
  const parts = u.split('/').map((p) => p.trim());
  // "1/year" is a rate: 每年 / per year.
  if (parts[0] === '1' && parts.length === 2 && PARTS[parts[1]]) return lang === 'zh' ? `1/${PARTS[parts[1]].zh}` : `1/${PARTS[parts[1]].en}`;
  const words = parts.map((p) => PARTS[p]?.[lang]);
  return words.every((w) => w !== undefined) ? words.join('/') : undefined;
}
