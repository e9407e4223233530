// <cy-pin-board>: pinned runs — pin the current run (up to four), rename and remove them,
// and a table of each run's 2035 indicators and their difference from the baseline.
// Emits `pin-add`, `pin-rename` {index, name}, `pin-remove` {index}.
import { LitElement, css, html } from 'lit';
import { live } from 'lit/directives/live.js';
import type { KpiInfo } from '../model-bridge/types.ts';
import { MAX_PINS, MAX_PIN_NAME } from '../state/app-state.ts';
import { formatDelta, formatFixed, inParens, t, withUnit, type Lang } from '../i18n/i18n.ts';
import { focusRing } from './focus-ring.ts';
import { PIN_COLORS } from './chart-types.ts';

/** A row of the comparison table: a run's indicator values in 2035. */
export interface CompareRow {
  name: string;
  color?: string;
  values: Array<number | undefined>;
}

/** Pinned runs and the difference table. */
export class CyPinBoard extends LitElement {
  static override properties = {
    pinNames: { attribute: false },
    pinColors: { attribute: false },
    kpis: { attribute: false },
    baseline: { attribute: false },
    rows: { attribute: false },
    areaLabel: { type: String },
    year: { type: Number },
    lang: { type: String },
  };

  declare pinNames: string[];
  /** Each pin's colour (it stays with the pin when another is removed). */
  declare pinColors: string[];
  declare kpis: KpiInfo[];
  declare baseline: Array<number | undefined>;
  /** The current run first, then the pins. */
  declare rows: CompareRow[];
  declare areaLabel: string;
  /** Year the values are read in (the headline year). */
  declare year: number;
  declare lang: Lang;

  static override styles = [
    focusRing,
    css`
    :host { display: block; contain: content; }
    header { display: flex; justify-content: space-between; align-items: baseline; gap: 0.5rem; flex-wrap: wrap; }
    h2 { font-size: 1rem; margin: 0 0 0.4rem; }
    h3 { font-size: 0.9rem; margin: 0.6rem 0 0.3rem; }
    ul { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: 0.3rem; }
    li { display: flex; align-items: center; gap: 0.4rem; }
    .dot { width: 0.8rem; height: 0.8rem; border-radius: 50%; flex: none; }
    input { font: inherit; flex: 1; min-width: 6rem; padding: 0.1rem 0.3rem; }
    button { font: inherit; font-size: 0.85rem; }
    .empty { font-size: 0.85rem; color: #4a525c; }
    table { border-collapse: collapse; font-size: 0.82rem; width: 100%; font-variant-numeric: tabular-nums; }
    th, td { border-bottom: 1px solid #e3e6ea; padding: 0.2rem 0.4rem; text-align: right; vertical-align: top; }
    th:first-child { text-align: left; white-space: nowrap; }
    .d { display: block; color: #4a525c; font-size: 0.75rem; }
  `,
  ];

  constructor() {
    super();
    this.pinNames = [];
    this.pinColors = [];
    this.kpis = [];
    this.baseline = [];
    this.rows = [];
    this.areaLabel = '';
    this.year = 2035;
    this.lang = 'zh';
  }

  override render() {
    const lang = this.lang;
    const full = this.pinNames.length >= MAX_PINS;
    return html`<section aria-labelledby="pins-h">
      <header>
        <h2 id="pins-h">${t(lang, 'pins.heading')}</h2>
        <button type="button" id="pin" ?disabled=${full} title=${full ? t(lang, 'pins.full') : ''}
          @click=${() => this.fire('pin-add', undefined)}>${t(lang, 'pins.pin')}</button>
      </header>
      ${this.pinNames.length === 0
        ? html`<p class="empty">${t(lang, 'pins.empty')}</p>`
        : html`<ul>
            ${this.pinNames.map(
              (name, i) => html`<li data-pin=${i}>
                <span class="dot" style="background:${this.pinColors[i] ?? PIN_COLORS[i]}"></span>
                <input type="text" .value=${live(name)} maxlength=${MAX_PIN_NAME} aria-label=${`${t(lang, 'pins.rename')} ${i + 1}`}
                  @change=${(e: Event) => this.fire('pin-rename', { index: i, name: (e.target as HTMLInputElement).value })} />
                <button type="button" aria-label=${`${t(lang, 'pins.remove')} ${name}`} @click=${() => this.fire('pin-remove', { index: i })}>
                  ${t(lang, 'pins.remove')}
                </button>
              </li>`,
            )}
          </ul>`}
      ${this.renderTable()}
    </section>`;
  }

  private renderTable() {
    const lang = this.lang;
    if (this.kpis.length === 0) return html``;
    return html`<h3>${t(lang, 'pins.diffHeading', { year: this.year })} · ${this.areaLabel}</h3>
      <table id="diff">
        <thead><tr><th scope="col"></th>${this.kpis.map((k) => html`<th scope="col">${k.label[lang]}${inParens(lang, k.unit[lang])}</th>`)}</tr></thead>
        <tbody>
          <tr><th scope="row">${t(lang, 'baseline')}</th>
            ${this.kpis.map((k, j) => html`<td>${this.fmt(this.baseline[j], k)}</td>`)}</tr>
          ${this.rows.map(
            (r) => html`<tr><th scope="row">${r.color ? html`<span class="dot" style="display:inline-block;background:${r.color}"></span> ` : ''}${r.name}</th>
              ${this.kpis.map((k, j) => {
                const v = r.values[j];
                const b = this.baseline[j];
                const d = v !== undefined && b !== undefined ? v - b : undefined;
                return html`<td>${this.fmt(v, k)}<span class="d">${d === undefined ? '' : withUnit(formatDelta(lang, d, k.digits, true), k.deltaUnit?.[lang] ?? k.unit[lang])}</span></td>`;
              })}</tr>`,
          )}
        </tbody>
      </table>`;
  }

  private fmt(v: number | undefined, k: KpiInfo): string {
    return v === undefined ? '–' : formatFixed(this.lang, v, k.digits);
  }

  private fire(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

customElements.define('cy-pin-board', CyPinBoard);
