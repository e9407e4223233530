// <cy-kpi-cards>: the headline indicators for 2035 in the viewed area, each with its
// difference from the baseline. Clicking a card shows that indicator (event `kpi-select`).
import { LitElement, css, html } from 'lit';
import type { KpiInfo } from '../model-bridge/types.ts';
import type { KpiId } from '../state/app-state.ts';
import { formatDelta, formatFixed, t, withUnit, type Lang } from '../i18n/i18n.ts';
import { focusRing } from './focus-ring.ts';

/** One card's numbers. */
export interface KpiCardValue {
  kpi: KpiInfo;
  value: number | undefined;
  baseline: number | undefined;
}

/** Headline indicator cards. */
export class CyKpiCards extends LitElement {
  static override properties = {
    cards: { attribute: false },
    selected: { type: String },
    year: { type: Number },
    lang: { type: String },
  };

  declare cards: KpiCardValue[];
  declare selected: KpiId;
  declare year: number;
  declare lang: Lang;

  static override styles = [
    focusRing,
    css`
    /* Sized by its own width (a container), so the cards fit whatever column the shell gives them. */
    :host { display: block; contain: content; container-type: inline-size; }
    h2 { font-size: 0.95rem; margin: 0 0 0.3rem; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.4rem; }
    /* Four in one row as soon as they fit, never 3 + 1. */
    @container (min-width: 30rem) { ul { grid-template-columns: repeat(4, minmax(0, 1fr)); } }
    /* Two columns (phones): tighter cards, so the chart below them keeps its room. */
    @container (max-width: 29.99rem) {
      h2 { font-size: 0.85rem; margin-bottom: 0.2rem; }
      button { padding: 0.2rem 0.45rem; }
      .label, .delta { font-size: 0.72rem; }
    }
    li { display: flex; }
    button { all: unset; box-sizing: border-box; display: block; width: 100%; cursor: pointer; background: #fff; border: 1px solid #d9dde3; border-radius: 6px; padding: 0.35rem 0.6rem; }
    button[aria-pressed='true'] { border-color: #0b5394; box-shadow: 0 0 0 1px #0b5394; }
    .label { font-size: 0.8rem; color: #4a525c; }
    .value { font-size: clamp(1.05rem, 3.2cqi, 1.35rem); font-weight: 650; font-variant-numeric: tabular-nums; }
    .delta { font-size: 0.8rem; color: #4a525c; }
    /* A long unit goes under the number rather than splitting it. */
    .value .unit { font-size: 0.62em; font-weight: 600; display: inline-block; }
    .up { color: #0a7d3b; }
    .down { color: #b42318; }
  `,
  ];

  constructor() {
    super();
    this.cards = [];
    this.selected = 'hte';
    this.year = 2035;
    this.lang = 'zh';
  }

  override render() {
    const lang = this.lang;
    return html`<h2>${t(lang, 'kpi.heading')}</h2>
      <ul>
        ${this.cards.map((c) => {
          const unit = c.kpi.unit[lang];
          const v = c.value;
          const d = v !== undefined && c.baseline !== undefined ? v - c.baseline : undefined;
          // Green/red say more/less of a good thing; spending is neither, so it stays neutral.
          // A difference is in the value's unit, shown just above, unless it has its own (percentage points).
          // The unit in smaller type after the number, so long units ("CNY 100 m/yr") do not push the number onto two lines.
          const shown =
            v === undefined ? '–' : html`${formatFixed(lang, v, c.kpi.digits)}${unit === '%' ? '' : ' '}<span class="unit">${unit}</span>`;
          return html`<li>
            <button type="button" aria-pressed=${c.kpi.id === this.selected ? 'true' : 'false'} data-kpi=${c.kpi.id}
              @click=${() => this.dispatchEvent(new CustomEvent('kpi-select', { detail: c.kpi.id, bubbles: true, composed: true }))}>
              <div class="label" title=${c.kpi.label[lang]}>${(c.kpi.short ?? c.kpi.label)[lang]}</div>
              <div class="value" data-kpi-value=${c.kpi.id}>${shown}</div>
              <div class="delta ${d === undefined || Math.abs(d) < 1e-12 || c.kpi.neutral ? '' : d > 0 ? 'up' : 'down'}">
                ${t(lang, 'kpi.vsBaseline')} ${d === undefined ? '–' : withUnit(formatDelta(lang, d, c.kpi.digits, true), c.kpi.deltaUnit?.[lang] ?? '')}
              </div>
            </button>
          </li>`;
        })}
      </ul>`;
  }
}

customElements.define('cy-kpi-cards', CyKpiCards);
