// English-only notes of the data (sources' decisions) in the interface language's manner: in
// English as they are, with Chinese names inside marked lang="zh"; in 中文 behind a
// disclosure that shows the English original on request (marked lang="en"), as the
// structure view does for the model's notes.
import { html, type TemplateResult } from 'lit';
import { scriptSpans } from '../lib/script-spans.ts';
import { t, type Lang, type MessageKey } from '../i18n/i18n.ts';

/** English text with its Chinese runs marked lang="zh" (亿元 in the page's English words). */
export function englishWithNames(text: string): TemplateResult {
  return html`${scriptSpans(text.replace(/亿元/g, 'CNY 100 m')).map((s) => (s.zh ? html`<span lang="zh-CN">${s.text}</span>` : s.text))}`;
}

/** An English-only note: the text in English; in 中文 a closed disclosure labelled `summaryKey`. */
export function originalText(text: string, lang: Lang, summaryKey: MessageKey): TemplateResult {
  if (lang === 'en') return englishWithNames(text);
  return html`<details class="original" data-original><summary>${t(lang, summaryKey)}</summary><span lang="en">${englishWithNames(text)}</span></details>`;
}
