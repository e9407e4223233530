// <cy-scenario-note>: the title and description of the preset the levers are set to (the
// baseline when every lever is at its default), so people read what a scenario assumes
// where they move its levers.
import { LitElement, css, html, nothing } from 'lit';
import type { Bilingual } from '../../model/scenario/levers.ts';
import { t, type Lang } from '../i18n/i18n.ts';

/** A preset's description. */
export class CyScenarioNote extends LitElement {
  static override properties = {
    preset: { attribute: false },
    startYears: { attribute: false },
    lang: { type: String },
  };

  declare preset: { title: Bilingual; description: Bilingual } | undefined;
  /** Start years of the levers the preset moves (the prose may name other years: the settings rule). */
  declare startYears: number[];
  declare lang: Lang;

  static override styles = css`
    :host { display: block; }
    :host([hidden]) { display: none; }
    section { font-size: 0.8rem; line-height: 1.45; color: #333a42; background: #fff; border: 1px solid #d9dde3; border-left: 3px solid #1f4e79; border-radius: 4px; padding: 0.35rem 0.55rem; margin-bottom: 0.5rem; }
    h2 { font-size: 0.85rem; margin: 0 0 0.15rem; color: #1f4e79; }
    p { margin: 0; }
    #scenario-starts { margin-top: 0.2rem; font-weight: 600; }
  `;

  constructor() {
    super();
    this.preset = undefined;
    this.startYears = [];
    this.lang = 'zh';
  }

  override render() {
    const p = this.preset;
    if (!p) return nothing;
    return html`<section id="scenario-note" aria-labelledby="scenario-note-h">
      <h2 id="scenario-note-h">${t(this.lang, 'scenario.about', { title: p.title[this.lang] })}</h2>
      <p id="scenario-description">${p.description[this.lang]}</p>
      ${this.startYears.length
        ? html`<p id="scenario-starts">${t(this.lang, 'scenario.starts', { years: this.startYears.join(this.lang === 'zh' ? '、' : ', ') })}</p>`
        : nothing}
    </section>`;
  }
}

customElements.define('cy-scenario-note', CyScenarioNote);
