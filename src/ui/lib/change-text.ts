// One step of lever changes in words, for the undo and redo buttons and what a screen
// reader hears after them: "走廊一体化程度 0 → 0.2", or the preset loaded, or "3 项设置".
import { LEVERS } from '../../model/scenario/levers.ts';
import { formatNumber, t, type Lang } from '../i18n/i18n.ts';
import type { LeverSnapshot } from '../state/lever-history.ts';

/** The change from `before` to `after` in `lang`. */
export function changeText(before: LeverSnapshot, after: LeverSnapshot, lang: Lang): string {
  const changes: string[] = [];
  for (const l of LEVERS) {
    const a = before.levers[l.id] as unknown as Record<string, number>;
    const b = after.levers[l.id] as unknown as Record<string, number>;
    for (const f of l.fields) {
      if (a[f.field] === b[f.field]) continue;
      const show = (v: number) => (f.field === 'start_year' ? String(v) : formatNumber(lang, v, 4));
      changes.push(`${f.label[lang]} ${show(a[f.field])} → ${show(b[f.field])}`);
    }
  }
  if (after.scenarioId !== before.scenarioId && after.scenarioId !== 'custom') return t(lang, 'undo.loaded', { title: after.scenarioTitle[lang] });
  if (changes.length === 0) return t(lang, 'undo.renamed', { title: after.scenarioTitle[lang] });
  if (changes.length <= 2) return changes.join(lang === 'zh' ? '；' : '; ');
  return t(lang, 'undo.many', { n: changes.length });
}
