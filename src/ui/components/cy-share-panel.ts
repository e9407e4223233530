// <cy-share-panel>: the share link just made — in a field to copy (the clipboard where the
// browser allows it, else the text selected to copy by hand), and as a QR code, large
// enough to scan from the back of a room, with a full-screen view for a projector.
import { LitElement, css, html, nothing, svg } from 'lit';
import { t, type Lang } from '../i18n/i18n.ts';
import { copyText, type CopyOutcome } from '../lib/copy-text.ts';
import { qrMatrix, qrPath } from '../lib/qr-code.ts';
import { memoByIdentity } from '../lib/memo.ts';
import { focusRing } from './focus-ring.ts';
import { codeText } from './code-text.ts';

/** The share link, its copy status and its QR code. Emits `share-close`. */
export class CySharePanel extends LitElement {
  static override properties = {
    url: { type: String },
    lang: { type: String },
    outcome: { state: true },
    big: { state: true },
  };

  declare url: string;
  declare lang: Lang;
  declare outcome: CopyOutcome | undefined;
  declare big: boolean;

  private readonly qr = memoByIdentity((url: string) => {
    const m = qrMatrix(url);
    return { size: m.length, path: qrPath(m) };
  });

  static override styles = [
    focusRing,
    css`
    :host { display: block; }
    .panel { display: flex; flex-wrap: wrap; gap: 0.6rem 1rem; align-items: flex-start; background: #fff; border: 1px solid #d9dde3; border-radius: 6px; padding: 0.5rem 0.7rem; margin-top: 0.4rem; }
    .text { flex: 1 1 18rem; min-width: 0; display: flex; flex-direction: column; gap: 0.35rem; font-size: 0.85rem; }
    label { display: flex; flex-direction: column; gap: 0.15rem; }
    input { font: inherit; font-size: 0.8rem; width: 100%; box-sizing: border-box; }
    .buttons { display: flex; gap: 0.5rem; flex-wrap: wrap; }
    button { font: inherit; font-size: 0.85rem; }
    .hint { margin: 0; color: #3b4450; }
    /* At least 220 px (3+ px a module) for a phone held near; "enlarge" fills the screen for a projector. */
    svg.qr { width: clamp(220px, 24vw, 300px); height: auto; background: #fff; flex: none; }
    dialog { border: none; padding: 1rem; max-width: 100vw; max-height: 100vh; }
    dialog::backdrop { background: rgba(0, 0, 0, 0.6); }
    dialog svg.qr { width: min(86vh, 92vw); }
    dialog .bar { display: flex; justify-content: space-between; align-items: center; gap: 1rem; margin-bottom: 0.5rem; font-size: 1.1rem; }
  `,
  ];

  constructor() {
    super();
    this.url = '';
    this.lang = 'zh';
    this.outcome = undefined;
    this.big = false;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('url')) this.outcome = undefined;
  }

  /** Copy the link (call from the click that asked for it: browsers require a user action). */
  async copy(): Promise<CopyOutcome> {
    await this.updateComplete;
    const field = this.renderRoot.querySelector('#share-url') as HTMLInputElement | null;
    this.outcome = await copyText(this.url, field);
    if (this.outcome === 'none') field?.select();
    return this.outcome;
  }

  private code(id: string) {
    const { size, path } = this.qr(this.url);
    return html`<svg class="qr" id=${id} viewBox="0 0 ${size} ${size}" role="img" aria-label=${t(this.lang, 'share.qrLabel')} shape-rendering="crispEdges"
      >${svg`<rect width=${size} height=${size} fill="#fff"></rect><path d=${path} fill="#000"></path>`}</svg>`;
  }

  override render() {
    if (!this.url) return nothing;
    const lang = this.lang;
    const hint = this.outcome === 'clipboard' || this.outcome === 'command' ? t(lang, 'share.copied') : this.outcome === 'none' ? t(lang, 'share.selectToCopy') : '';
    return html`<div class="panel">
        <div class="text">
          <label>${t(lang, 'share.ready')}
            <input id="share-url" type="text" readonly translate="no" .value=${this.url} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
          </label>
          <p class="hint" id="share-status" role="status" data-outcome=${this.outcome ?? ""}>${codeText(hint)}</p>
          <div class="buttons">
            <button type="button" id="share-copy-again" @click=${() => void this.copy()}>${t(lang, 'share.copyAgain')}</button>
            <button type="button" id="share-qr-big" aria-haspopup="dialog" @click=${this.openBig}>${t(lang, 'share.qrBig')}</button>
            <button type="button" id="share-close" @click=${() => this.dispatchEvent(new CustomEvent('share-close', { bubbles: true, composed: true }))}>${t(lang, 'share.close')}</button>
          </div>
          <p class="hint">${t(lang, 'share.qrHint')}</p>
        </div>
        ${this.code('share-qr')}
      </div>
      <dialog id="share-qr-dialog" aria-label=${t(lang, 'share.qrLabel')} @close=${() => (this.big = false)}>
        <div class="bar"><span>${t(lang, 'share.qrHint')}</span><button type="button" id="share-qr-close" @click=${this.closeBig}>${t(lang, 'share.close')}</button></div>
        ${this.big ? this.code('share-qr-large') : nothing}
      </dialog>`;
  }

  private async openBig(): Promise<void> {
    this.big = true;
    await this.updateComplete;
    (this.renderRoot.querySelector('dialog') as HTMLDialogElement).showModal();
  }

  private closeBig(): void {
    (this.renderRoot.querySelector('dialog') as HTMLDialogElement).close();
  }
}

customElements.define('cy-share-panel', CySharePanel);
