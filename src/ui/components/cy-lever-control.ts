// <cy-lever-control>: one policy lever — a slider plus exact numeric entry per field,
// unit and range shown, and its explanation (with the paper section) on demand.
// Emits `lever-change` {id, field, value}; holds no state of its own beyond the DOM.
import { LitElement, css, html } from 'lit';
import type { LeverFieldSpec, LeverSpec } from '../../model/scenario/levers.ts';
import { formatNumber, t, type Lang } from '../i18n/i18n.ts';
import { focusRing } from './focus-ring.ts';
import { codeText } from './code-text.ts';

/** Detail of the `lever-change` event. */
export interface LeverChangeDetail {
  id: string;
  field: string;
  value: number;
}

/** Clamp `v` into the field's range and snap integers; NaN stays NaN (rejected by the caller). */
export function clampField(f: LeverFieldSpec, v: number): number {
  if (!Number.isFinite(v)) return NaN;
  const c = Math.min(f.max, Math.max(f.min, v));
  return f.integer ? Math.round(c) : c;
}

/** Controls of one lever. */
export class CyLeverControl extends LitElement {
  static override properties = {
    lever: { attribute: false },
    values: { attribute: false },
    lang: { type: String },
  };

  declare lever: LeverSpec;
  declare values: Record<string, number>;
  declare lang: Lang;

  static override styles = [
    focusRing,
    css`
    :host { display: block; }
    fieldset { border: 1px solid #d9dde3; border-radius: 6px; margin: 0 0 0.6rem; padding: 0.4rem 0.7rem 0.5rem; }
    fieldset.active { border-color: #0b5394; box-shadow: inset 3px 0 0 #0b5394; }
    legend { font-weight: 600; padding: 0 0.3rem; }
    .field { display: grid; grid-template-columns: 1fr 5.5rem; gap: 0.1rem 0.5rem; align-items: center; margin: 0.25rem 0; }
    .field label { grid-column: 1 / -1; font-size: 0.85rem; }
    .range { grid-column: 1 / -1; font-size: 0.75rem; color: #5b6470; }
    input[type='range'] { width: 100%; accent-color: #0b5394; }
    /* Set by the shell in the one-column layout, where the results stick above the levers. */
    input, summary { scroll-margin-top: var(--lever-scroll-margin, 0px); }
    input[type='number'] { width: 100%; box-sizing: border-box; font: inherit; padding: 0.1rem 0.25rem; }
    details { font-size: 0.85rem; color: #303841; }
    summary { cursor: pointer; color: #0b5394; }
    details p { margin: 0.3rem 0; line-height: 1.5; overflow-wrap: anywhere; }
    code { font-size: 0.8rem; }
  `,
  ];

  constructor() {
    super();
    this.values = {};
    this.lang = 'zh';
  }

  override render() {
    const l = this.lever;
    if (!l) return html``;
    const lang = this.lang;
    const active = l.fields.some((f) => f.field !== 'start_year' && this.values[f.field] !== f.default);
    return html`<fieldset class=${active ? 'active' : ''}>
      <legend>${l.label[lang]}</legend>
      ${l.fields.map((f) => this.renderField(f))}
      <details>
        <summary>${t(lang, 'levers.explain')}</summary>
        <p>${codeText(l.doc[lang])}</p>
        <p>${t(lang, 'levers.section')}: ${l.sections.join(', ')}</p>
      </details>
    </fieldset>`;
  }

  private renderField(f: LeverFieldSpec) {
    const lang = this.lang;
    const id = `${this.lever.id}-${f.field}`;
    const v = this.values[f.field] ?? f.default;
    const unit = f.unit[lang];
    // Years are written without digit grouping ("2021", not "2,021").
    const num = (x: number) => (f.field === 'start_year' ? String(x) : formatNumber(lang, x, 2));
    const range = `${t(lang, 'levers.range')}: ${num(f.min)}–${num(f.max)} ${unit}`;
    return html`<div class="field">
      <label for="${id}-slider">${f.label[lang]} (${unit})</label>
      <input id="${id}-slider" type="range" min=${f.min} max=${f.max} step=${f.step} .value=${String(v)}
        data-lever=${this.lever.id} data-field=${f.field}
        aria-valuetext=${`${num(v)} ${unit}`}
        @input=${(e: Event) => this.emit(f, (e.target as HTMLInputElement).valueAsNumber)} />
      <input type="number" min=${f.min} max=${f.max} step=${f.step} .value=${String(v)}
        aria-label=${`${f.label[lang]} (${unit})`} data-lever=${this.lever.id} data-field=${f.field}
        @change=${(e: Event) => this.onNumber(f, e.target as HTMLInputElement)} />
      <span class="range">${range}</span>
    </div>`;
  }

  private onNumber(f: LeverFieldSpec, input: HTMLInputElement): void {
    const v = clampField(f, input.valueAsNumber);
    if (Number.isNaN(v)) {
      input.value = String(this.values[f.field] ?? f.default);
      return;
    }
    input.value = String(v);
    this.emit(f, v);
  }

  private emit(f: LeverFieldSpec, value: number): void {
    const detail: LeverChangeDetail = { id: this.lever.id, field: f.field, value };
    this.dispatchEvent(new CustomEvent('lever-change', { detail, bubbles: true, composed: true }));
  }
}

customElements.define('cy-lever-control', CyLeverControl);
