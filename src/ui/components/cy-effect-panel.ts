// <cy-effect-panel>: how sure the policy effect is. For the viewed indicator, area and
// headline year: the effect (settings − baseline over paired posterior draws) of the
// current settings and of each pin, as a median, a 90 % range and the probability that it
// exceeds a threshold the person sets (event `threshold-change`, a number in the
// difference's unit). Rows being recomputed keep their last numbers, marked as updating.
import { LitElement, css, html } from 'lit';
import type { EffectSummary } from '../../model/analysis/paired-effects.ts';
import type { KpiInfo } from '../model-bridge/types.ts';
import { t, type Lang, type MessageKey } from '../i18n/i18n.ts';
import { briefingBand, briefingProbability, thresholdText } from '../lib/briefing-number.ts';
import { focusRing } from './focus-ring.ts';

/** One row: a run's name, colour and its effect (undefined until computed). */
export interface EffectRow {
  name: string;
  color?: string;
  effect: EffectSummary | undefined;
  /** The numbers shown are for earlier settings; new ones are being computed. */
  updating: boolean;
}

/** Effect uncertainty table with a threshold. */
export class CyEffectPanel extends LitElement {
  static override properties = {
    rows: { attribute: false },
    kpi: { attribute: false },
    scope: { type: String },
    threshold: { type: Number },
    runs: { type: Number },
    lang: { type: String },
  };

  declare rows: EffectRow[];
  declare kpi: KpiInfo | undefined;
  /** "成渝地区双城经济圈，2035 年，高新技术企业…" */
  declare scope: string;
  declare threshold: number;
  declare runs: number;
  declare lang: Lang;

  static override styles = [
    focusRing,
    css`
    :host { display: block; }
    h2 { font-size: 1rem; margin: 0 0 0.3rem; }
    p { font-size: 0.82rem; margin: 0.2rem 0; }
    .lead { font-size: 1rem; font-weight: 600; margin: 0.4rem 0; }
    .note { color: #4a525c; font-size: 0.78rem; }
    label { font-size: 0.85rem; display: inline-flex; gap: 0.4rem; align-items: center; }
    input { font: inherit; width: 7rem; }
    table { border-collapse: collapse; width: 100%; font-size: 0.82rem; margin-top: 0.4rem; font-variant-numeric: tabular-nums; }
    th, td { padding: 0.2rem 0.4rem; border-bottom: 1px solid #eef0f3; text-align: left; vertical-align: top; }
    td.num { text-align: right; white-space: nowrap; }
    .swatch { display: inline-block; width: 0.7rem; height: 0.7rem; border-radius: 2px; margin-right: 0.3rem; vertical-align: -0.05rem; }
    tr.updating td { color: #6b7280; }
    .upd { font-size: 0.75rem; color: #4a525c; }
  `,
  ];

  constructor() {
    super();
    this.rows = [];
    this.kpi = undefined;
    this.scope = '';
    this.threshold = 0;
    this.runs = 0;
    this.lang = 'zh';
  }

  override render() {
    const lang = this.lang;
    const kpi = this.kpi;
    if (!kpi) return html``;
    const unit = kpi.deltaUnit?.[lang] ?? kpi.unit[lang];
    const first = this.rows[0];
    const sentence = (e: EffectSummary) =>
      t(lang, `effect.prob.${kpi.id}` as MessageKey, { x: thresholdText(lang, this.threshold), p: briefingProbability(e.probabilityAbove) });
    return html`<section aria-labelledby="effect-h">
      <h2 id="effect-h">${t(lang, 'effect.heading')}</h2>
      <p class="note">${this.scope}</p>
      <label>${t(lang, 'effect.threshold', { unit })}
        <input id="effect-threshold" type="number" inputmode="decimal" .value=${String(this.threshold)} step="any"
          @change=${(e: Event) => this.onThreshold(e.target as HTMLInputElement)} /></label>
      <p class="lead" id="effect-lead" aria-live="polite">${first?.effect ? sentence(first.effect) : t(lang, 'effect.pending')}
        ${first?.updating && first.effect ? html`<span class="upd">${t(lang, 'effect.updating')}</span>` : ''}</p>
      <table id="effect-table">
        <thead><tr><th scope="col">${t(lang, 'effect.colRun')}</th><th scope="col">${t(lang, 'effect.colMedian')}</th>
          <th scope="col">${t(lang, 'effect.colRange')}</th><th scope="col">${t(lang, 'effect.colProb')}</th></tr></thead>
        <tbody>
          ${this.rows.map((r) => {
            const w = r.effect ? briefingBand(lang, kpi.id, r.effect, true) : undefined;
            return html`<tr class=${r.updating ? 'updating' : ''}>
              <th scope="row">${r.color ? html`<span class="swatch" style="background:${r.color}"></span>` : ''}${r.name}</th>
              <td class="num">${w ? `${w.value}${w.unit === '%' ? '' : ' '}${w.unit}` : t(lang, 'effect.pending')}</td>
              <td class="num">${w ? w.range90 : ''}</td>
              <td class="num">${r.effect ? briefingProbability(r.effect.probabilityAbove) : ''}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      <p class="note">${t(lang, 'effect.note', { n: this.runs })}</p>
    </section>`;
  }

  private onThreshold(input: HTMLInputElement): void {
    const v = Number(input.value);
    // An empty or unreadable field keeps the last threshold (shown back in the field).
    if (input.value.trim() === '' || !Number.isFinite(v)) {
      input.value = String(this.threshold);
      return;
    }
    this.dispatchEvent(new CustomEvent('threshold-change', { detail: v, bubbles: true, composed: true }));
  }
}

customElements.define('cy-effect-panel', CyEffectPanel);
