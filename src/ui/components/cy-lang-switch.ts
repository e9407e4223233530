// <cy-lang-switch>: 简体中文 / English toggle. Emits `lang-change` with the new language.
import { LitElement, css, html, unsafeCSS } from 'lit';
import { HEADER_FOCUS_COLOR } from './focus-ring.ts';
import { t, type Lang } from '../i18n/i18n.ts';

/** Language buttons (a pressed-state toggle group). */
export class CyLangSwitch extends LitElement {
  static override properties = { lang: { type: String } };
  declare lang: Lang;

  static override styles = css`
    :host { display: inline-block; }
    button { font: inherit; font-size: 0.85rem; background: transparent; color: inherit; border: 1px solid currentColor; padding: 0.15rem 0.5rem; cursor: pointer; }
    button:first-of-type { border-radius: 4px 0 0 4px; }
    button:last-of-type { border-radius: 0 4px 4px 0; }
    button[aria-pressed='true'] { background: #fff; color: #1f4e79; }
    button:focus-visible { outline: 3px solid ${unsafeCSS(HEADER_FOCUS_COLOR)}; outline-offset: 2px; }
  `;

  constructor() {
    super();
    this.lang = 'zh';
  }

  override render() {
    return html`<span role="group" aria-label=${t(this.lang, 'lang.switch')}>
      ${(['zh', 'en'] as const).map(
        (l) => html`<button type="button" lang=${l === 'zh' ? 'zh-CN' : 'en'} data-lang=${l} aria-pressed=${this.lang === l ? 'true' : 'false'}
          @click=${() => this.dispatchEvent(new CustomEvent('lang-change', { detail: l, bubbles: true, composed: true }))}>
          ${t(l, `lang.${l}`)}
        </button>`,
      )}
    </span>`;
  }
}

customElements.define('cy-lang-switch', CyLangSwitch);
