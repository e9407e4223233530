// The detail of an error in the interface language: scenario problems and share-link
// problems come in both languages; anything else (an internal failure) has no
// translation, so its text is marked as code (backticks) rather than shown as prose.
import { ScenarioError } from '../../model/scenario/scenario.ts';
import { ShareLinkError } from '../state/share-link.ts';
import type { Lang } from '../i18n/i18n.ts';

/** The error's message in `lang`. */
export function errorText(err: unknown, lang: Lang): string {
  if (err instanceof ScenarioError) return err.messageIn(lang);
  if (err instanceof ShareLinkError) return lang === 'zh' ? err.zh : err.message;
  const text = err instanceof Error ? err.message : String(err);
  return lang === 'en' ? text : `\`${text.replace(/`/g, "'")}\``;
}
