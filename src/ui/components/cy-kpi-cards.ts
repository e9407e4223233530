// <cy-kpi-cards>: the headline indicators for the chosen year (2025 / 2030 / 2035, event
// `year-change`) in the viewed area: the posterior median rounded as a briefing would, its
// 90 % and 50 % ranges, and the median difference from the baseline over paired draws (the
// central run's numbers until the band has been computed). Clicking a card shows that
// indicator (event `kpi-select`). The heading says which number the cards show (the
// posterior median, drawn as the chart's thick line, or the central run before that).
import { LitElement, css, html } from 'lit';
import type { KpiInfo } from '../model-bridge/types.ts';
import type { KpiId } from '../state/app-state.ts';
import { formatDelta, formatFixed, t, withUnit, type Lang } from '../i18n/i18n.ts';
import { focusRing } from './focus-ring.ts';
import { briefingBand, type Band } from '../lib/briefing-number.ts';
import { HEADLINE_RUNS, HEADLINE_YEARS } from '../model-bridge/headline-types.ts';

/** One card's numbers. */
export interface KpiCardValue {
  kpi: KpiInfo;
  /** The central (calibrated) run's value, shown until the band is there. */
  value: number | undefined;
  baseline: number | undefined;
  /** Posterior percentiles of the value. */
  band?: Band;
  /** Posterior percentiles of the difference from the baseline (paired draws). */
  effect?: Band;
}

/** Headline indicator cards. */
export class CyKpiCards extends LitElement {
  static override properties = {
    cards: { attribute: false },
    selected: { type: String },
    year: { type: Number },
    updating: { type: Boolean, reflect: true },
    compact: { type: Boolean, reflect: true },
    lang: { type: String },
  };

  declare cards: KpiCardValue[];
  declare selected: KpiId;
  declare year: number;
  /** The bands shown are being recomputed for new settings. */
  declare updating: boolean;
  /** Presentation mode: number and difference only (the ranges stay in the normal view). */
  declare compact: boolean;
  declare lang: Lang;

  static override styles = [
    focusRing,
    css`
    /* Sized by its own width (a container), so the cards fit whatever column the shell gives them. */
    :host { display: block; contain: content; container-type: inline-size; }
    h2 { font-size: 0.95rem; margin: 0 0 0.3rem; display: flex; flex-wrap: wrap; gap: 0.2rem 0.6rem; align-items: baseline; }
    h2 label { font-size: 0.8rem; font-weight: 400; }
    h2 select { font: inherit; }
    .upd { font-size: 0.75rem; font-weight: 400; color: #4a525c; }
    .band { font-size: 0.72rem; line-height: 1.25; color: #4a525c; font-variant-numeric: tabular-nums; }
    .approx { font-size: 0.7em; font-weight: 500; }
    .band .b50 { color: #5b6470; }
    /* Presentation mode: number and difference only, so the chart stays on a projector's first screen. */
    :host([compact]) .band { display: none; }
    /* The previous band stays while the new one is computed, dimmed. */
    :host([updating]) .band, :host([updating]) .value, :host([updating]) .delta { opacity: 0.6; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.4rem; }
    /* Four in one row as soon as they fit, never 3 + 1. */
    @container (min-width: 30rem) { ul { grid-template-columns: repeat(4, minmax(0, 1fr)); } }
    /* Two columns (phones): tighter cards, so the chart below them keeps its room. */
    @container (max-width: 29.99rem) {
      h2 { font-size: 0.85rem; margin-bottom: 0.2rem; }
      /* What the number is: on a phone the chart's legend names it, and the line is kept for the chart. */
      .what { display: none; }
      button { padding: 0.2rem 0.45rem; }
      .label, .delta { font-size: 0.72rem; }
    }
    /* A screen under 600 pixels high (1280×720 at 150 %): the line is kept for the chart too; its legend names the line. */
    @media (max-height: 600px) {
      .what { display: none; }
      /* The 90 % range stays; the 50 % range (the chart's dark band shows it) would push the chart off the first screen. */
      .b50 { display: none; }
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
    this.updating = false;
    this.compact = false;
    this.lang = 'zh';
  }

  override render() {
    const lang = this.lang;
    return html`<h2>
        <span>${t(lang, 'kpi.headingFor')}</span>
        <label>${t(lang, 'kpi.year')}
          <select id="headline-year" @change=${(e: Event) => this.dispatchEvent(new CustomEvent('year-change', { detail: Number((e.target as HTMLSelectElement).value), bubbles: true, composed: true }))}>
            ${HEADLINE_YEARS.map((y) => html`<option value=${y} ?selected=${y === this.year}>${y}</option>`)}
          </select></label>
        <span class="upd ${this.updating ? '' : 'what'}" id="band-status">${this.updating ? t(lang, 'kpi.updating') : this.cards.some((c) => c.band) ? t(lang, 'kpi.isMedian', { n: HEADLINE_RUNS }) : this.cards.length ? t(lang, 'kpi.isCentral') : ''}</span>
      </h2>
      <ul>
        ${this.cards.map((c) => html`<li>
            <button type="button" aria-pressed=${c.kpi.id === this.selected ? 'true' : 'false'} data-kpi=${c.kpi.id} data-central=${this.centralText(c)}
              @click=${() => this.dispatchEvent(new CustomEvent('kpi-select', { detail: c.kpi.id, bubbles: true, composed: true }))}>
              <div class="label" title=${c.kpi.label[lang]}>${(c.kpi.short ?? c.kpi.label)[lang]}</div>
              ${c.band ? this.banded(c, c.band) : this.central(c)}
            </button>
          </li>`)}
      </ul>`;
  }

  /** The posterior median, its ranges and the paired effect's median. */
  private banded(c: KpiCardValue, band: Band) {
    const lang = this.lang;
    const w = briefingBand(lang, c.kpi.id, band);
    const e = c.effect ? briefingBand(lang, c.kpi.id, c.effect, true) : undefined;
    const moved = c.effect && Math.abs(c.effect.p50) > 1e-12 ? (c.effect.p50 > 0 ? 'up' : 'down') : '';
    // The difference's unit only where it is not the value's, shown just above (percentage points, 亿元 beside 万亿元).
    const eUnit = e && e.unit !== w.unit ? `${e.unit === '%' ? '' : ' '}${e.unit}` : '';
    return html`<div class="value" data-kpi-value=${c.kpi.id} data-median=${band.p50}><span class="approx">${w.approx}</span> ${w.value}${w.unit === '%' ? '' : ' '}<span class="unit">${w.unit}</span></div>
      <div class="band" data-kpi-band=${c.kpi.id} title=${t(lang, 'kpi.bandTitle')}>${t(lang, 'kpi.range90', { range: w.range90 })}<br /><span class="b50">${t(lang, 'kpi.range50', { range: w.range50 })}</span></div>
      <div class="delta ${c.kpi.neutral ? '' : moved}">${t(lang, 'kpi.vsBaseline')} ${e ? `${e.value}${eUnit}` : '–'}</div>`;
  }

  /** The central run's value as text ("39,805 家"): what the card shows before the band, kept as data for tests and tools. */
  private centralText(c: KpiCardValue): string {
    return c.value === undefined ? '' : withUnit(formatFixed(this.lang, c.value, c.kpi.digits), c.kpi.unit[this.lang]);
  }

  /** The central run's value and difference (before the band has been computed). */
  private central(c: KpiCardValue) {
    const lang = this.lang;
    const unit = c.kpi.unit[lang];
    const v = c.value;
    const d = v !== undefined && c.baseline !== undefined ? v - c.baseline : undefined;
    // Green/red say more/less of a good thing; spending is neither, so it stays neutral.
    // The unit in smaller type after the number, so long units ("CNY 100 m/yr") do not push the number onto two lines.
    const shown = v === undefined ? '–' : html`${formatFixed(lang, v, c.kpi.digits)}${unit === '%' ? '' : ' '}<span class="unit">${unit}</span>`;
    return html`<div class="value" data-kpi-value=${c.kpi.id}>${shown}</div>
      <div class="band">${t(lang, 'kpi.bandPending')}</div>
      <div class="delta ${d === undefined || Math.abs(d) < 1e-12 || c.kpi.neutral ? '' : d > 0 ? 'up' : 'down'}">
        ${t(lang, 'kpi.vsBaseline')} ${d === undefined ? '–' : withUnit(formatDelta(lang, d, c.kpi.digits, true), c.kpi.deltaUnit?.[lang] ?? '')}
      </div>`;
  }
}

customElements.define('cy-kpi-cards', CyKpiCards);
