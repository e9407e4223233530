// The lever settings in words, for exported files' captions and comment lines: only the
// levers that differ from their defaults, each with its fields, values and units.
import { LEVERS, type LeverSpec } from '../../model/scenario/levers.ts';
import type { LeverSettings } from '../../model/scenario/lever-types.ts';
import { formatNumber, t, type Lang } from '../i18n/i18n.ts';

/** One lever's fields in words ("走廊一体化程度 0.6，起始年份 2022"), or undefined when it is at its defaults. */
export function leverFieldsText(l: LeverSpec, levers: LeverSettings, lang: Lang): string | undefined {
  const s = levers[l.id] as unknown as Record<string, number>;
  const changed = l.fields.some((f) => f.field !== 'start_year' && s[f.field] !== f.default);
  if (!changed) return undefined;
  const fields = l.fields.map((f) => {
    const v = s[f.field];
    const shown = f.field === 'start_year' ? String(v) : formatNumber(lang, v, 4);
    // Shares (0–1) and years need no unit word; amounts do ("50 亿元/年").
    const unit = f.field === 'start_year' || /0\s*[–-]\s*1/.test(f.unit[lang]) ? '' : ` ${f.unit[lang]}`;
    return `${f.label[lang]} ${shown}${unit}`;
  });
  return fields.join(lang === 'zh' ? '，' : ', ');
}

/** One text per lever that differs from its defaults ("成渝科技创新大走廊：走廊一体化程度 0.6，起始年份 2022"). */
export function settingsParts(levers: LeverSettings, lang: Lang): string[] {
  return LEVERS.flatMap((l) => {
    const fields = leverFieldsText(l, levers, lang);
    return fields === undefined ? [] : [`${l.label[lang]}${lang === 'zh' ? '：' : ': '}${fields}`];
  });
}

/** "成渝科技创新大走廊：走廊一体化程度 0.6，起始年份 2022；…", or the words for "all at defaults". */
export function settingsText(levers: LeverSettings, lang: Lang): string {
  const parts = settingsParts(levers, lang);
  return parts.length ? parts.join(lang === 'zh' ? '；' : '; ') : t(lang, 'export.defaults');
}
