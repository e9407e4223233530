// <cy-notice>: one message to the person (an error with a dismiss button, or a passing
// status), announced to screen readers.
import { LitElement, css, html } from 'lit';
import { t, type Lang } from '../i18n/i18n.ts';
import { focusRing } from './focus-ring.ts';
import { codeText } from './code-text.ts';

/** Message banner. Emits `notice-dismiss`. */
export class CyNotice extends LitElement {
  static override properties = {
    message: { type: String },
    kind: { type: String },
    lang: { type: String },
  };

  declare message: string;
  declare kind: 'error' | 'info';
  declare lang: Lang;

  static override styles = [
    focusRing,
    css`
    :host { display: block; }
    .box { display: flex; gap: 0.8rem; align-items: flex-start; justify-content: space-between; padding: 0.5rem 0.8rem; border-radius: 6px; margin: 0.5rem 0; }
    .error { background: #fdecea; border: 1px solid #b42318; color: #7a1a12; }
    .info { background: #e8f1fb; border: 1px solid #0b5394; color: #0b3566; }
    p { margin: 0; overflow-wrap: anywhere; }
    code { font-size: 0.9em; }
    button { font: inherit; font-size: 0.85rem; }
  `,
  ];

  constructor() {
    super();
    this.message = '';
    this.kind = 'info';
    this.lang = 'zh';
  }

  override render() {
    if (!this.message) return html`<div role="status" aria-live="polite"></div>`;
    return html`<div class="box ${this.kind}" role=${this.kind === 'error' ? 'alert' : 'status'}>
      <p id="notice-text">${codeText(this.message)}</p>
      <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('notice-dismiss', { bubbles: true, composed: true }))}>
        ${t(this.lang, 'error.dismiss')}
      </button>
    </div>`;
  }
}

customElements.define('cy-notice', CyNotice);
