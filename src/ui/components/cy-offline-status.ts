// <cy-offline-status>: whether this page is ready to work without a network (its service
// worker installed and every file cached), or why not here — shown in the header, with
// the explanation one click away: offline needs localhost or https.
import { LitElement, css, html, unsafeCSS } from 'lit';
import { t, type Lang, type MessageKey } from '../i18n/i18n.ts';
import { watchOffline, type OfflineState } from '../sw/register.ts';
import { HEADER_FOCUS_COLOR } from './focus-ring.ts';
import { codeText } from './code-text.ts';

/** The offline-ready indicator. */
export class CyOfflineStatus extends LitElement {
  static override properties = {
    lang: { type: String },
    state: { state: true },
  };

  declare lang: Lang;
  declare state: OfflineState;

  static override styles = css`
    :host { display: inline-block; position: relative; font-size: 0.85rem; }
    summary { cursor: pointer; list-style: none; border: 1px solid currentColor; border-radius: 4px; padding: 0.15rem 0.5rem; }
    summary::-webkit-details-marker { display: none; }
    summary:focus-visible { outline: 3px solid ${unsafeCSS(HEADER_FOCUS_COLOR)}; outline-offset: 2px; }
    .dot { display: inline-block; width: 0.6em; height: 0.6em; border-radius: 50%; margin-right: 0.35em; vertical-align: 0.05em; }
    .ok { background: #7ee2a8; }
    .wait { background: #ffd166; }
    .no { background: #ff9b8f; }
    .panel { position: absolute; right: 0; top: calc(100% + 0.3rem); z-index: 20; width: min(24rem, 90vw); background: #fff; color: #1d2630;
      border: 1px solid #9aa5b1; border-radius: 6px; padding: 0.5rem 0.7rem; box-shadow: 0 4px 12px rgba(0, 0, 0, 0.25); }
    /* Narrow screens: the chip may sit at the left, so the panel spans the screen below it instead. */
    @media (max-width: 759px) { .panel { position: fixed; top: auto; left: 0.5rem; right: 0.5rem; width: auto; } }
    p { margin: 0.25rem 0; }
    code { font-size: 0.9em; }
  `;

  constructor() {
    super();
    this.lang = 'zh';
    this.state = { kind: 'checking' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void watchOffline((s) => {
      this.state = s;
      this.dataset.offline = s.kind === 'unavailable' ? `unavailable:${s.reason}` : s.kind;
    });
  }

  private detail(): MessageKey {
    const s = this.state;
    return s.kind === 'unavailable' ? `offline.why.${s.reason}` : `offline.why.${s.kind}`;
  }

  override render() {
    const lang = this.lang;
    const s = this.state;
    const dot = s.kind === 'ready' ? 'ok' : s.kind === 'unavailable' ? 'no' : 'wait';
    const params = {
      n: s.kind === 'ready' ? s.files : 0,
      cached: s.kind === 'partial' ? s.cached : 0,
      total: s.kind === 'partial' ? s.total : 0,
      origin: location.origin,
    };
    return html`<details id="offline">
      <summary id="offline-summary"><span class="dot ${dot}" aria-hidden="true"></span>${t(lang, `offline.short.${s.kind}`)}</summary>
      <div class="panel" role="note">
        <p id="offline-detail">${codeText(t(lang, this.detail(), params))}</p>
        <p>${codeText(t(lang, 'offline.needs'))}</p>
      </div>
    </details>`;
  }
}

customElements.define('cy-offline-status', CyOfflineStatus);
