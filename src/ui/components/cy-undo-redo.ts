// <cy-undo-redo>: undo and redo buttons for lever changes, with the keyboard shortcuts
// Ctrl/⌘-Z, Shift-Ctrl/⌘-Z and Ctrl-Y anywhere on the page except in text fields (where
// they undo typing). Each button names the step it takes, and a polite live region says
// what was undone or redone. Emits `lever-undo` and `lever-redo`.
import { LitElement, css, html } from 'lit';
import { t, type Lang } from '../i18n/i18n.ts';
import { focusRing } from './focus-ring.ts';

/** Whether a key press aims at a field whose own undo should win (typing text or a number). */
function editsText(e: KeyboardEvent): boolean {
  const el = e.composedPath()[0];
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && ['text', 'search', 'number', 'url', 'email', ''].includes(el.type);
}

/** Undo/redo controls. */
export class CyUndoRedo extends LitElement {
  static override properties = {
    undoText: { type: String },
    redoText: { type: String },
    said: { type: String },
    lang: { type: String },
  };

  /** The step undo would take back, in words ("" when there is none). */
  declare undoText: string;
  /** The step redo would do again ("" when there is none). */
  declare redoText: string;
  /** What the live region says (the last undo or redo). */
  declare said: string;
  declare lang: Lang;

  static override styles = [
    focusRing,
    css`
    :host { display: block; }
    .row { display: flex; gap: 0.4rem; align-items: center; flex-wrap: wrap; margin-bottom: 0.3rem; }
    button { font: inherit; font-size: 0.85rem; display: inline-flex; gap: 0.25rem; align-items: center; }
    button[aria-disabled='true'] { opacity: 0.55; cursor: default; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  `,
  ];

  constructor() {
    super();
    this.undoText = '';
    this.redoText = '';
    this.said = '';
    this.lang = 'zh';
  }

  private readonly onKey = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.defaultPrevented || editsText(e)) return;
    const k = e.key.toLowerCase();
    const redo = (k === 'z' && e.shiftKey) || (k === 'y' && !e.shiftKey);
    const undo = k === 'z' && !e.shiftKey;
    if (undo && this.undoText) this.fire('lever-undo', e);
    else if (redo && this.redoText) this.fire('lever-redo', e);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
  }

  private fire(name: string, e?: Event): void {
    e?.preventDefault();
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }

  override render() {
    const lang = this.lang;
    // aria-disabled rather than disabled: the buttons stay in the tab order and say why nothing happens.
    return html`<div class="row" role="group" aria-label=${t(lang, 'undo.group')}>
        <button type="button" id="undo" aria-disabled=${this.undoText ? 'false' : 'true'} aria-keyshortcuts="Control+Z Meta+Z"
          aria-label=${this.undoText ? t(lang, 'undo.undoThis', { change: this.undoText }) : t(lang, 'undo.nothing')}
          title=${this.undoText ? t(lang, 'undo.undoThis', { change: this.undoText }) : t(lang, 'undo.nothing')}
          @click=${() => this.undoText && this.fire('lever-undo')}><span aria-hidden="true">↶</span>${t(lang, 'undo.undo')}</button>
        <button type="button" id="redo" aria-disabled=${this.redoText ? 'false' : 'true'} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
          aria-label=${this.redoText ? t(lang, 'undo.redoThis', { change: this.redoText }) : t(lang, 'undo.nothingRedo')}
          title=${this.redoText ? t(lang, 'undo.redoThis', { change: this.redoText }) : t(lang, 'undo.nothingRedo')}
          @click=${() => this.redoText && this.fire('lever-redo')}><span aria-hidden="true">↷</span>${t(lang, 'undo.redo')}</button>
      </div>
      <span class="visually-hidden" id="undo-said" role="status" aria-live="polite">${this.said}</span>`;
  }
}

customElements.define('cy-undo-redo', CyUndoRedo);
