// A share link's problem in plain words for the person who got it: cut off, not from
// this app, from a newer version, changed, or a lever value out of range (named by the
// lever's and field's own labels). The technical message stays available as detail.
import { findLever, findLeverField } from '../../model/scenario/levers.ts';
import { showValue } from '../../model/scenario/scenario.ts';
import { ShareLinkError } from '../state/share-link-error.ts';
import { formatNumber, t, type Lang } from '../i18n/i18n.ts';

/** The plain explanation of why `err` stopped a link from opening. */
export function linkProblemText(err: unknown, lang: Lang): string {
  if (!(err instanceof ShareLinkError)) return t(lang, 'link.problem.invalid');
  const { kind, info } = err;
  if (kind === 'newer') return t(lang, 'link.problem.newer', { v: info.version ?? '?' });
  if (kind === 'value' && info.lever && info.field) {
    const f = findLeverField(info.lever, info.field);
    const l = findLever(info.lever);
    if (f && l) {
      // Shares (0–1), years and counts ("whole number") need no unit word; amounts do ("0–200 亿元/年").
      const unit = f.integer || /0\s*[–-]\s*1/.test(f.unit[lang]) ? '' : ` ${f.unit[lang]}`;
      const show = (v: number) => (f.field === 'start_year' ? String(v) : formatNumber(lang, v, 4));
      const range = `${show(f.min)}–${show(f.max)}${unit}`;
      return t(lang, f.integer ? 'link.problem.valueInteger' : 'link.problem.value', { lever: l.label[lang], field: f.label[lang], value: showValue(info.value), range });
    }
  }
  if (kind === 'truncated' || kind === 'foreign' || kind === 'altered') return t(lang, `link.problem.${kind}`);
  return t(lang, 'link.problem.invalid');
}
