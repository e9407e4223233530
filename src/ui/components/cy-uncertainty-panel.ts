// <cy-uncertainty-panel>: the uncertainty controls — show a Monte Carlo band (5–95 % and
// 25–75 %) around the current run with a chosen number of runs, and a tornado of which
// uncertain parameters move the viewed indicator's 2035 value most (Morris μ*), drawn as
// an accessible table with bars. Emits `uncertainty-change` {enabled, runs} and `tornado-request`.
import { LitElement, css, html } from 'lit';
import type { TornadoBar } from '../../model/analysis/sensitivity.ts';
import { formatNumber, inParens, t, type Lang } from '../i18n/i18n.ts';
import { focusRing } from './focus-ring.ts';
import { variableName, type NameIndex } from '../lib/variable-names.ts';

/** Run counts offered for the band. */
export const RUN_CHOICES = [100, 300, 1000] as const;

/** Uncertainty controls and the tornado table. */
export class CyUncertaintyPanel extends LitElement {
  static override properties = {
    enabled: { type: Boolean },
    runs: { type: Number },
    status: { type: String },
    bars: { attribute: false },
    tornadoStatus: { type: String },
    unit: { type: String },
    lang: { type: String },
    names: { attribute: false },
  };

  declare enabled: boolean;
  declare runs: number;
  declare status: string;
  declare bars: TornadoBar[] | undefined;
  declare tornadoStatus: string;
  declare unit: string;
  declare lang: Lang;
  /** Names of the parameters for readers (ids are shown beside them as code). */
  declare names: NameIndex;

  static override styles = [
    focusRing,
    css`
    :host { display: block; }
    h2 { font-size: 1rem; margin: 0 0 0.4rem; }
    .row { display: flex; flex-wrap: wrap; gap: 0.8rem; align-items: center; font-size: 0.85rem; }
    select, button, input { font: inherit; }
    .status { color: #4a525c; font-size: 0.8rem; }
    table { border-collapse: collapse; width: 100%; font-size: 0.8rem; margin-top: 0.4rem; font-variant-numeric: tabular-nums; }
    th, td { padding: 0.15rem 0.4rem; border-bottom: 1px solid #eef0f3; text-align: left; }
    th code { color: #5b6470; font-size: 0.72rem; }
    td.num { text-align: right; white-space: nowrap; }
    .bar { height: 0.7rem; background: #0b5394; border-radius: 2px; min-width: 1px; }
    p.note { font-size: 0.78rem; color: #4a525c; margin: 0.3rem 0; }
  `,
  ];

  constructor() {
    super();
    this.enabled = false;
    this.runs = 300;
    this.status = '';
    this.bars = undefined;
    this.tornadoStatus = '';
    this.unit = '';
    this.lang = 'zh';
    this.names = new Map();
  }

  override render() {
    const lang = this.lang;
    const max = Math.max(...(this.bars ?? []).map((b) => b.value), 1e-300);
    return html`<section aria-labelledby="unc-h">
      <h2 id="unc-h">${t(lang, 'unc.heading')}</h2>
      <div class="row">
        <label><input id="unc-toggle" type="checkbox" .checked=${this.enabled}
          @change=${(e: Event) => this.fire((e.target as HTMLInputElement).checked, this.runs)} /> ${t(lang, 'unc.show')}</label>
        <label>${t(lang, 'unc.runs')}
          <select id="unc-runs" @change=${(e: Event) => this.fire(this.enabled, Number((e.target as HTMLSelectElement).value))}>
            ${RUN_CHOICES.map((n) => html`<option value=${n} ?selected=${n === this.runs}>${formatNumber(lang, n, 0)}</option>`)}
          </select>
        </label>
        <span class="status" id="unc-status" role="status" aria-live="polite">${this.status}</span>
      </div>
      <p class="note">${t(lang, 'unc.note')}</p>
      <div class="row">
        <button type="button" id="tornado" @click=${() => this.dispatchEvent(new CustomEvent('tornado-request', { bubbles: true, composed: true }))}>
          ${t(lang, 'unc.tornado')}
        </button>
        <span class="status" id="tornado-status" role="status" aria-live="polite">${this.tornadoStatus}</span>
      </div>
      ${this.bars
        ? html`<table id="tornado-table">
            <caption class="note">${t(lang, 'unc.tornadoCaption')}</caption>
            <thead><tr><th scope="col">${t(lang, 'unc.param')}</th><th scope="col">μ*${inParens(lang, this.unit)}</th><th scope="col"></th></tr></thead>
            <tbody>
              ${this.bars.slice(0, 10).map(
                (b) => html`<tr><th scope="row">${variableName(this.names, b.param, lang) ?? ''} <code>${b.param}</code></th><td class="num">${formatNumber(lang, b.value)}</td>
                  <td style="width:45%"><div class="bar" style="width:${(100 * b.value) / max}%"></div></td></tr>`,
              )}
            </tbody>
          </table>`
        : ''}
    </section>`;
  }

  private fire(enabled: boolean, runs: number): void {
    this.dispatchEvent(new CustomEvent('uncertainty-change', { detail: { enabled, runs }, bubbles: true, composed: true }));
  }
}

customElements.define('cy-uncertainty-panel', CyUncertaintyPanel);
