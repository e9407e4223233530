// <cy-scenario-bar>: load a preset scenario, save the current settings as a scenario
// file, open a scenario file, and ask for a share link (<cy-share-panel> shows it). Reads the chosen file's text and
// passes it up; validation is the shell's (events `preset-load` {id}, `scenario-save`,
// `scenario-file` {name, text}, `share`).
import { LitElement, css, html } from 'lit';
import type { Bilingual } from '../../model/scenario/levers.ts';
import { t, type Lang } from '../i18n/i18n.ts';
import { focusRing } from './focus-ring.ts';

/** A preset in the menu. */
export interface PresetItem {
  id: string;
  title: Bilingual;
}

/** Scenario toolbar. */
export class CyScenarioBar extends LitElement {
  static override properties = {
    presets: { attribute: false },
    current: { type: String },
    lang: { type: String },
  };

  declare presets: PresetItem[];
  declare current: string;
  declare lang: Lang;

  static override styles = [
    focusRing,
    css`
    :host { display: block; }
    .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
    label { display: flex; flex-direction: column; font-size: 0.8rem; color: #4a525c; gap: 0.15rem; }
    select, button { font: inherit; font-size: 0.9rem; }
    /* The file input is invisible over its button: the ring goes round the pair. */
    .file:focus-within { outline: 3px solid #0b2e59; outline-offset: 2px; }
    .file input:focus-visible { outline: none; }
    .file { position: relative; display: inline-block; }
    .file input { position: absolute; inset: 0; opacity: 0; width: 100%; cursor: pointer; }
  `,
  ];

  constructor() {
    super();
    this.presets = [];
    this.current = '';
    this.lang = 'zh';
  }

  override render() {
    const lang = this.lang;
    return html`<div class="row">
        <label>${t(lang, 'scenarios.load')}
          <select id="preset" @change=${this.onPreset}>
            <option value="" ?selected=${!this.presets.some((p) => p.id === this.current)}>${t(lang, 'scenarios.choose')}</option>
            ${this.presets.map((p) => html`<option value=${p.id} ?selected=${p.id === this.current}>${p.title[lang]}</option>`)}
          </select>
        </label>
        <button type="button" id="save" @click=${() => this.fire('scenario-save', undefined)}>${t(lang, 'scenarios.save')}</button>
        <span class="file"><button type="button" tabindex="-1" aria-hidden="true">${t(lang, 'scenarios.open')}</button
          ><input id="open" type="file" accept=".json,application/json" aria-label=${t(lang, 'scenarios.open')} @change=${this.onFile} /></span>
        <button type="button" id="share" @click=${() => this.fire('share', undefined)}>${t(lang, 'share.copy')}</button>
      </div>`;
  }

  private onPreset(e: Event): void {
    const sel = e.target as HTMLSelectElement;
    if (sel.value) this.fire('preset-load', { id: sel.value });
  }

  private async onFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = '';
    this.fire('scenario-file', { name: file.name, text });
  }

  private fire(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

customElements.define('cy-scenario-bar', CyScenarioBar);
