// Names and colours of pinned runs. A pin is named by what it is — the preset it came
// from, a name a person typed, or "方案 n"/"Run n" — in whichever language is shown, never
// twice the same; its colour is chosen when it is pinned and stays with it when others go.
import type { Bilingual } from '../../model/scenario/levers.ts';
import { t, type Lang } from '../i18n/i18n.ts';

/** How a pin is named: typed by a person, or a bilingual title (preset, or "方案 n"). */
export type PinLabel = { kind: 'custom'; text: string } | { kind: 'title'; title: Bilingual };

/** The pin's name in `lang`. */
export function pinName(label: PinLabel, lang: Lang): string {
  return label.kind === 'custom' ? label.text : label.title[lang];
}

/** "方案 n"/"Run n" with the smallest n whose name no other pin has, in either language. */
export function numberedTitle(taken: PinLabel[]): Bilingual {
  for (let n = 1; ; n++) {
    const title = { zh: t('zh', 'pins.defaultName', { n }), en: t('en', 'pins.defaultName', { n }) };
    if (!taken.some((l) => nameClash(l, title))) return title;
  }
}

/** `title`, with " (2)", " (3)"… added when another pin already has that name in either language. */
export function uniqueTitle(title: Bilingual, taken: PinLabel[]): Bilingual {
  for (let k = 1; ; k++) {
    const cand = k === 1 ? title : { zh: `${title.zh} (${k})`, en: `${title.en} (${k})` };
    if (!taken.some((l) => nameClash(l, cand))) return cand;
  }
}

/** `text` made distinct from the other pins' names (a typed name that repeats one gets " (2)"). */
export function uniqueText(text: string, taken: PinLabel[]): string {
  const t2 = uniqueTitle({ zh: text, en: text }, taken);
  return t2.zh;
}

function nameClash(l: PinLabel, title: Bilingual): boolean {
  return (['zh', 'en'] as const).some((lang) => pinName(l, lang) === title[lang]) || (l.kind === 'custom' && (l.text === title.zh || l.text === title.en));
}

/** The first colour index not used by `used` (0 … count − 1). */
export function freeColor(used: number[], count: number): number {
  for (let i = 0; i < count; i++) if (!used.includes(i)) return i;
  return used.length % count;
}
