// <cy-link-problem>: why a share link did not open, in plain words, what the page shows
// instead, and the link itself in a field to copy and send back (the address bar keeps it
// too until the person changes something). The technical detail is tucked away.
import { LitElement, css, html, nothing } from 'lit';
import { t, type Lang } from '../i18n/i18n.ts';
import { errorText } from '../lib/error-text.ts';
import { linkProblemText } from '../lib/link-problem-text.ts';
import { copyText } from '../lib/copy-text.ts';
import { focusRing } from './focus-ring.ts';
import { codeText } from './code-text.ts';

/** What the page shows after a link failed: the baseline (on opening) or the settings it had. */
export type LinkFallback = 'baseline' | 'kept';

/** The bad-link message. Emits `link-problem-dismiss`. */
export class CyLinkProblem extends LitElement {
  static override properties = {
    problem: { attribute: false },
    href: { type: String },
    fallback: { type: String },
    lang: { type: String },
    copied: { state: true },
  };

  declare problem: unknown;
  declare href: string;
  declare fallback: LinkFallback;
  declare lang: Lang;
  declare copied: 'yes' | 'no' | '';

  static override styles = [
    focusRing,
    css`
    :host { display: block; }
    .box { background: #fdecea; border: 1px solid #b42318; color: #5c140d; border-radius: 6px; padding: 0.5rem 0.8rem; margin: 0.5rem 0; }
    h2 { font-size: 1rem; margin: 0 0 0.2rem; }
    p { margin: 0.2rem 0; overflow-wrap: anywhere; }
    .row { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
    input { flex: 1 1 16rem; min-width: 0; font: inherit; font-size: 0.8rem; }
    button { font: inherit; font-size: 0.85rem; }
    details { font-size: 0.8rem; margin-top: 0.2rem; }
    code { font-size: 0.9em; }
  `,
  ];

  constructor() {
    super();
    this.problem = undefined;
    this.href = '';
    this.fallback = 'baseline';
    this.lang = 'zh';
    this.copied = '';
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('href')) this.copied = '';
  }

  override render() {
    if (this.problem === undefined) return nothing;
    const lang = this.lang;
    return html`<div class="box" role="alert" id="link-problem">
      <h2>${t(lang, 'link.problem.heading')}</h2>
      <p id="link-problem-why">${linkProblemText(this.problem, lang)}</p>
      <p id="link-problem-fallback">${t(lang, this.fallback === 'baseline' ? 'link.problem.baseline' : 'link.problem.kept')}</p>
      <p>${t(lang, 'link.problem.keep')}</p>
      <div class="row">
        <input id="link-problem-url" type="text" readonly translate="no" .value=${this.href} aria-label=${t(lang, 'link.problem.field')}
          @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
        <button type="button" id="link-problem-copy" @click=${this.copy}>${t(lang, 'link.problem.copy')}</button>
        <button type="button" id="link-problem-dismiss" @click=${() => this.dispatchEvent(new CustomEvent('link-problem-dismiss', { bubbles: true, composed: true }))}>${t(lang, 'error.dismiss')}</button>
      </div>
      ${this.copied ? html`<p role="status">${codeText(t(lang, this.copied === 'yes' ? 'share.copied' : 'share.selectToCopy'))}</p>` : nothing}
      <details><summary>${t(lang, 'link.problem.detail')}</summary><p>${codeText(errorText(this.problem, lang))}</p></details>
    </div>`;
  }

  private async copy(): Promise<void> {
    const field = this.renderRoot.querySelector('#link-problem-url') as HTMLInputElement | null;
    this.copied = (await copyText(this.href, field)) === 'none' ? 'no' : 'yes';
  }
}

customElements.define('cy-link-problem', CyLinkProblem);
