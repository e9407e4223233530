// Renders prose with its ids as <code> (see lib/code-spans.ts), for lever explanations,
// error messages and anything else that mixes words and model names.
import { html, type TemplateResult } from 'lit';
import { codeSpans } from '../lib/code-spans.ts';

/** `text` as a template: prose as text, ids inside <code>. */
export function codeText(text: string): TemplateResult {
  return html`${codeSpans(text).map((s) => (s.code ? html`<code>${s.text}</code>` : s.text))}`;
}
