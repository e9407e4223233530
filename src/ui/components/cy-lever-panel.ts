// <cy-lever-panel>: the six levers in the paper's order and a reset button. Passes each
// lever its values; `lever-change` events bubble through to the shell.
import { LitElement, css, html } from 'lit';
import { LEVERS } from '../../model/scenario/levers.ts';
import type { LeverSettings } from '../../model/scenario/lever-types.ts';
import { t, type Lang } from '../i18n/i18n.ts';
import { focusRing } from './focus-ring.ts';
import './cy-lever-control.ts';

/** All lever controls. Emits `levers-reset` when the reset button is pressed. */
export class CyLeverPanel extends LitElement {
  static override properties = {
    levers: { attribute: false },
    lang: { type: String },
  };

  declare levers: LeverSettings;
  declare lang: Lang;

  static override styles = [
    focusRing,
    css`
    :host { display: block; }
    header { display: flex; justify-content: space-between; align-items: baseline; }
    h2 { font-size: 1.05rem; margin: 0.2rem 0 0.5rem; }
    button { font: inherit; font-size: 0.85rem; }
  `,
  ];

  constructor() {
    super();
    this.lang = 'zh';
  }

  override render() {
    const lang = this.lang;
    return html`<section aria-labelledby="levers-h">
      <header>
        <h2 id="levers-h">${t(lang, 'levers.heading')}</h2>
        <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('levers-reset', { bubbles: true, composed: true }))}>
          ${t(lang, 'levers.reset')}
        </button>
      </header>
      ${LEVERS.map(
        (l) => html`<cy-lever-control .lever=${l} .values=${(this.levers?.[l.id] ?? {}) as Record<string, number>} lang=${lang}></cy-lever-control>`,
      )}
    </section>`;
  }
}

customElements.define('cy-lever-panel', CyLeverPanel);
