// <cy-lever-control>: one policy lever — a slider plus exact numeric entry per field,
// unit and range shown, and its explanation (with the paper section) on demand.
// Emits `lever-change` {id, field, value} and `lever-reset` {id}; its only state is the
// note saying that a typed value was brought into range (so nothing changes silently).
import { LitElement, css, html } from 'lit';
import type { LeverFieldSpec, LeverSpec } from '../../model/scenario/levers.ts';
import { formatNumber, inParens, t, type Lang } from '../i18n/i18n.ts';
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

/** What became of a typed value that could not be used as typed. */
interface EntryNote {
  field: string;
  /** The text typed ('' when it was not a number). */
  typed: string;
  /** The value used instead. */
  used: number;
}

/** Controls of one lever. */
export class CyLeverControl extends LitElement {
  static override properties = {
    lever: { attribute: false },
    values: { attribute: false },
    lang: { type: String },
    note: { state: true },
  };

  declare lever: LeverSpec;
  declare values: Record<string, number>;
  declare lang: Lang;
  declare note: EntryNote | undefined;

  static override styles = [
    focusRing,
    css`
    :host { display: block; }
    fieldset { border: 1px solid #d9dde3; border-radius: 6px; margin: 0 0 0.6rem; padding: 0.4rem 0.7rem 0.5rem; }
    fieldset.active { border-color: #0b5394; box-shadow: inset 3px 0 0 #0b5394; }
    legend { font-weight: 600; padding: 0 0.3rem; }
    .head { display: flex; justify-content: flex-end; margin: -0.2rem 0 0; }
    button.reset { font: inherit; font-size: 0.78rem; }
    .note { grid-column: 1 / -1; font-size: 0.78rem; color: #7a4a00; background: #fff8e6; border-radius: 3px; padding: 0.1rem 0.3rem; }
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
    this.note = undefined;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    // A move of the slider, a reset or a preset makes the note about an old entry stale.
    if (changed.has('values') && this.note && this.values[this.note.field] !== this.note.used) this.note = undefined;
  }

  override render() {
    const l = this.lever;
    if (!l) return html``;
    const lang = this.lang;
    const active = l.fields.some((f) => f.field !== 'start_year' && this.values[f.field] !== f.default);
    return html`<fieldset class=${active ? 'active' : ''}>
      <legend>${l.label[lang]}</legend>
      ${active
        ? html`<div class="head"><button type="button" class="reset" data-reset=${l.id} aria-label=${t(lang, 'levers.resetOne', { lever: l.label[lang] })}
            @click=${this.onReset}>${t(lang, 'levers.resetShort')}</button></div>`
        : ''}
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
    // Chinese text takes full-width punctuation.
    const range = `${t(lang, 'levers.range')}${lang === 'zh' ? '：' : ': '}${num(f.min)}–${num(f.max)} ${unit}`;
    const label = f.label[lang] + inParens(lang, unit);
    return html`<div class="field">
      <label for="${id}-slider">${label}</label>
      <input id="${id}-slider" type="range" min=${f.min} max=${f.max} step=${f.step} .value=${String(v)}
        data-lever=${this.lever.id} data-field=${f.field}
        aria-valuetext=${`${num(v)} ${unit}`}
        @input=${(e: Event) => this.emit(f, (e.target as HTMLInputElement).valueAsNumber)} />
      <input type="number" min=${f.min} max=${f.max} step=${f.step} .value=${String(v)}
        aria-label=${label} data-lever=${this.lever.id} data-field=${f.field}
        @change=${(e: Event) => this.onNumber(f, e.target as HTMLInputElement)} />
      <span class="range">${range}</span>
      ${this.note?.field === f.field ? html`<span class="note" role="status" data-note=${f.field}>${this.noteText(f, this.note)}</span>` : ''}
    </div>`;
  }

  /** "输入的 9 超出范围 0–1.5，已取 1.5。" and the like. */
  private noteText(f: LeverFieldSpec, n: EntryNote): string {
    const lang = this.lang;
    const num = (x: number) => (f.field === 'start_year' ? String(x) : formatNumber(lang, x, 4));
    if (n.typed === '') return t(lang, 'levers.notNumber', { used: num(n.used) });
    const v = Number(n.typed);
    if (v < f.min || v > f.max) return t(lang, 'levers.clamped', { typed: n.typed, min: num(f.min), max: num(f.max), used: num(n.used) });
    return t(lang, 'levers.rounded', { typed: n.typed, used: num(n.used) });
  }

  private onReset(): void {
    this.dispatchEvent(new CustomEvent('lever-reset', { detail: { id: this.lever.id }, bubbles: true, composed: true }));
    // The button goes with the changes it undid: keep keyboard focus in the lever.
    void this.updateComplete.then(() => (this.renderRoot.querySelector('input[type=range]') as HTMLInputElement | null)?.focus());
  }

  private onNumber(f: LeverFieldSpec, input: HTMLInputElement): void {
    const typed = input.value.trim();
    const v = clampField(f, input.valueAsNumber);
    if (Number.isNaN(v)) {
      const kept = this.values[f.field] ?? f.default;
      input.value = String(kept);
      this.note = { field: f.field, typed: '', used: kept };
      return;
    }
    // Say so when the value used is not the value typed (out of range, or not a whole number).
    this.note = v !== input.valueAsNumber ? { field: f.field, typed, used: v } : undefined;
    input.value = String(v);
    this.emit(f, v);
  }

  private emit(f: LeverFieldSpec, value: number): void {
    const detail: LeverChangeDetail = { id: this.lever.id, field: f.field, value };
    this.dispatchEvent(new CustomEvent('lever-change', { detail, bubbles: true, composed: true }));
  }
}

customElements.define('cy-lever-control', CyLeverControl);
