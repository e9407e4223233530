// What the chart's tooltip says about an observed point, in the interface language: its
// source (or the sources of a derived sum) and, in English, the decision behind the value;
// in 中文 where to read that decision, since it exists in English only.
import { t, type Lang } from '../i18n/i18n.ts';
import type { AreaInfo, Observation } from '../model-bridge/types.ts';
import { sourceLabel } from './source-label.ts';
import { seriesLabel } from './series-label.ts';

/** Tooltip lines (plain text) for `o`. */
export function observationTip(o: Observation, lang: Lang, areas: readonly AreaInfo[]): string[] {
  const basis = o.basis ?? [];
  if (basis.length === 0) return [];
  const colon = lang === 'zh' ? '：' : ': ';
  const source = (s: string) => sourceLabel(s, lang) ?? s;
  const lines: string[] = [];
  if (o.bound === 'lower') lines.push(t(lang, 'method.lower'));
  if (basis.length === 1) {
    lines.push(t(lang, 'method.source') + colon + source(basis[0].source));
    lines.push(lang === 'en' ? t(lang, 'method.decision') + colon + basis[0].decision.replace(/亿元/g, 'CNY 100 m') : t(lang, 'method.tipDecision'));
    return lines;
  }
  lines.push(t(lang, o.derivation === 'ratio' ? 'method.derivedRatio' : 'method.derived'));
  for (const b of basis) lines.push(`${seriesLabel(b.column, areas, lang) ?? b.column}${colon}${source(b.source)}`);
  lines.push(t(lang, 'method.tipDecision'));
  return lines;
}

/** For exports: a line saying how the derived observed points were computed, or undefined when none is derived. */
export function derivedNote(obs: readonly Observation[], lang: Lang, areas: readonly AreaInfo[]): string | undefined {
  const derived = obs.filter((o) => o.derivation && o.basis);
  if (derived.length === 0) return undefined;
  const cols = [...new Set(derived.flatMap((o) => o.basis!.map((b) => b.column)))];
  const parts = cols.map((c) => seriesLabel(c, areas, lang) ?? c).join(lang === 'zh' ? '、' : ', ');
  return t(lang, derived[0].derivation === 'ratio' ? 'export.derivedRatio' : 'export.derived', { parts });
}
