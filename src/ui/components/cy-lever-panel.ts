// <cy-lever-panel>: the six levers in two groups — inputs (money spent) and mechanisms
// (levels of reform and cooperation) — each lever with one main slider, and a reset
// button. Passes each lever its values; `lever-change` events bubble through to the shell.
import { LitElement, css, html } from 'lit';
import type { LeverSettings } from '../../model/scenario/lever-types.ts';
import { t, type Lang } from '../i18n/i18n.ts';
import { leverGroups } from '../lib/lever-groups.ts';
import { focusRing } from './focus-ring.ts';
import './cy-lever-control.ts';

const GROUPS = leverGroups();

/** All lever controls. Emits `levers-reset` when the reset button is pressed. */
export class CyLeverPanel extends LitElement {
  static override properties = {
    levers: { attribute: false },
    lang: { type: String },
    presenting: { type: Boolean },
  };

  declare levers: LeverSettings;
  declare lang: Lang;
  /** Presentation mode: main sliders only. */
  declare presenting: boolean;

  static override styles = [
    focusRing,
    css`
    :host { display: block; }
    header { display: flex; justify-content: space-between; align-items: baseline; }
    h2 { font-size: 1.05rem; margin: 0 0 0.25rem; }
    h3 { font-size: 0.9rem; margin: 0.3rem 0 0.2rem; color: #1f4e79; }
    h3 .hint { font-weight: normal; font-size: 0.78rem; color: #5b6470; }
    section.group { margin: 0; }
    button { font: inherit; font-size: 0.85rem; }
  `,
  ];

  constructor() {
    super();
    this.lang = 'zh';
    this.presenting = false;
  }

  override render() {
    const lang = this.lang;
    return html`<section aria-labelledby="levers-h">
      <header>
        <h2 id="levers-h">${t(lang, 'levers.heading')}</h2>
        <button type="button" id="levers-reset" @click=${() => this.dispatchEvent(new CustomEvent('levers-reset', { bubbles: true, composed: true }))}>
          ${t(lang, 'levers.reset')}
        </button>
      </header>
      ${GROUPS.map(
        (g) => html`<section class="group" data-group=${g.id} aria-labelledby="group-${g.id}">
          <h3 id="group-${g.id}">${t(lang, `levers.group.${g.id}`)} <span class="hint">· ${t(lang, `levers.group.${g.id}Hint`)}</span></h3>
          ${g.levers.map(
            (l) => html`<cy-lever-control .lever=${l} .values=${(this.levers?.[l.id] ?? {}) as Record<string, number>} lang=${lang}
              ?presenting=${this.presenting}></cy-lever-control>`,
          )}
        </section>`,
      )}
    </section>`;
  }
}

customElements.define('cy-lever-panel', CyLeverPanel);
