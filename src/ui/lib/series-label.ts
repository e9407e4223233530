// Names a model output (`hte_sichuan`, `hte[chengdu]`, `gdp_chongqing`) in words: its
// indicator and its area, for the fit and hindcast tables of the data-and-method panel.
import { inParens, t, type Lang, type MessageKey } from '../i18n/i18n.ts';
import type { AreaInfo } from '../model-bridge/types.ts';

/** Indicator stems the panel can name (longest first, so `rd_intensity` wins over `rd`). */
const STEMS = ['sme_registry', 'rd_expenditure', 'rd_intensity', 'tech_contracts', 'hte', 'gdp'] as const;

/** The indicator stem and area id of an output, or undefined when it is not one of the named stems. */
export function seriesParts(output: string): { stem: (typeof STEMS)[number]; area: string } | undefined {
  const el = /^(\w+)\[(\w+)\]$/.exec(output);
  for (const stem of STEMS) {
    if (el && el[1] === stem) return { stem, area: el[2] };
    if (output.startsWith(`${stem}_`)) return { stem, area: output.slice(stem.length + 1) };
  }
  return undefined;
}

/** "高新技术企业（四川省）" / "High-tech enterprises (Sichuan)"; undefined when a part has no words. */
export function seriesLabel(output: string, areas: readonly AreaInfo[], lang: Lang): string | undefined {
  const p = seriesParts(output);
  const area = p && areas.find((a) => a.id === p.area);
  if (!p || !area) return undefined;
  // A zone's English label is its city's name ("Chengdu"): say "zone", or it reads as the city.
  const where = area.kind === 'zone' && lang === 'en' ? `${area.label.en} zone` : area.label[lang];
  return t(lang, `series.${p.stem}` as MessageKey) + inParens(lang, where);
}
