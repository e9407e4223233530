// <cy-lever-control>: one policy lever — its main field as a slider plus exact numeric
// entry, always shown; its other fields (shares, start year), the ranges and the
// explanation (with the paper section) under a disclosure, so six levers fit one screen.
// Details that differ from their defaults are listed under the slider while tucked away.
// Emits `lever-change` {id, field, value} and `lever-reset` {id}; its only state is the
// note saying that a typed value was brought into range (so nothing changes silently).
import { LitElement, css, html } from 'lit';
import type { LeverFieldSpec, LeverSpec } from '../../model/scenario/levers.ts';
import { formatNumber, inParens, t, type Lang } from '../i18n/i18n.ts';
import { focusRing } from './focus-ring.ts';
import { codeText } from './code-text.ts';
import { mainAndDetails } from '../lib/lever-groups.ts';

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
    presenting: { type: Boolean, reflect: true },
    note: { state: true },
  };

  declare lever: LeverSpec;
  declare values: Record<string, number>;
  declare lang: Lang;
  /** Presentation mode: the main slider only (the details and their disclosure are hidden). */
  declare presenting: boolean;
  declare note: EntryNote | undefined;

  static override styles = [
    focusRing,
    css`
    :host { display: block; }
    .lever { border: 1px solid #d9dde3; border-radius: 6px; margin: 0 0 0.35rem; padding: 0.25rem 0.55rem 0.3rem; background: #fff; }
    .lever.active { border-color: #0b5394; box-shadow: inset 3px 0 0 #0b5394; }
    .head { display: flex; justify-content: space-between; align-items: baseline; gap: 0.4rem; }
    .name { font-weight: 600; font-size: 0.9rem; }
    button.reset { font: inherit; font-size: 0.78rem; flex: none; }
    .note { flex-basis: 100%; font-size: 0.78rem; color: #7a4a00; background: #fff8e6; border-radius: 3px; padding: 0.1rem 0.3rem; }
    .field { display: flex; flex-wrap: wrap; gap: 0 0.5rem; align-items: center; margin: 0.1rem 0 0; }
    .field label { flex-basis: 100%; font-size: 0.8rem; color: #303841; }
    input[type='range'] { flex: 1 1 6rem; min-width: 0; margin: 0.15rem 0; accent-color: #0b5394; }
    input[type='number'] { flex: 0 0 4.6rem; box-sizing: border-box; font: inherit; font-size: 0.9rem; padding: 0.05rem 0.25rem; }
    /* Set by the shell in the one-column layout, where the results stick above the levers. */
    input, summary { scroll-margin-top: var(--lever-scroll-margin, 0px); }
    .range { flex-basis: 100%; font-size: 0.75rem; color: #5b6470; }
    /* Tucked-away values that differ from their defaults (nothing changes out of sight). */
    .tucked { font-size: 0.75rem; color: #5b6470; margin: 0; }
    /* The disclosure sits at the end of the slider's row; opened, it takes the full width below. */
    details { font-size: 0.8rem; color: #303841; flex: 0 0 auto; }
    details[open] { flex-basis: 100%; border-top: 1px dashed #d9dde3; margin-top: 0.2rem; padding-top: 0.1rem; }
    summary { cursor: pointer; color: #0b5394; padding: 0.1rem 0; }
    details p { margin: 0.3rem 0; line-height: 1.5; overflow-wrap: anywhere; }
    code { font-size: 0.8rem; }
    :host([presenting]) details, :host([presenting]) .range { display: none; }
    :host([presenting]) .lever { padding-top: 0.15rem; padding-bottom: 0.15rem; }
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
    const { main, details } = mainAndDetails(l);
    const active = l.fields.some((f) => f.field !== 'start_year' && this.values[f.field] !== f.default);
    const changed = details.filter((f) => (this.values[f.field] ?? f.default) !== f.default);
    const sep = lang === 'zh' ? '：' : ': ';
    return html`<div class="lever ${active ? 'active' : ''}" role="group" aria-labelledby="${l.id}-name">
      <div class="head">
        <span class="name" id="${l.id}-name">${l.label[lang]}</span>
        ${active
          ? html`<button type="button" class="reset" data-reset=${l.id} aria-label=${t(lang, 'levers.resetOne', { lever: l.label[lang] })}
              @click=${this.onReset}>${t(lang, 'levers.resetShort')}</button>`
          : ''}
      </div>
      ${this.renderField(main, html`<details data-details=${l.id}>
          <summary aria-label=${t(lang, 'levers.detailsOf', { lever: l.label[lang] })}>${t(lang, 'levers.details')}</summary>
          ${this.renderRange(main, true)}
          ${details.map((f) => this.renderField(f))}
          <p>${codeText(l.doc[lang])}</p>
          <p>${t(lang, 'levers.section')}${sep}${l.sections.join(', ')}</p>
        </details>`)}
      ${changed.length
        ? html`<p class="tucked" data-tucked=${l.id}>${changed.map((f) => `${f.label[lang]} ${this.num(f, this.values[f.field])}`).join(lang === 'zh' ? '；' : '; ')}</p>`
        : ''}
    </div>`;
  }

  /** A value as the field writes it (years without digit grouping: "2021", not "2,021"). */
  private num(f: LeverFieldSpec, x: number, digits = 2): string {
    return f.field === 'start_year' ? String(x) : formatNumber(this.lang, x, digits);
  }

  /** "范围：0–200 亿元/年", after the field's name when it stands away from its slider (`named`). */
  private renderRange(f: LeverFieldSpec, named = false) {
    const lang = this.lang;
    // Chinese text takes full-width punctuation.
    return html`<span class="range">${named ? `${f.label[lang]}${lang === 'zh' ? '，' : ', '}` : ''}${t(lang, 'levers.range')}${lang === 'zh' ? '：' : ': '}${this.num(f, f.min)}–${this.num(f, f.max)} ${f.unit[lang]}</span>`;
  }

  /** One field: label, slider and exact entry; `after` goes at the end of its row (the main field's disclosure). */
  private renderField(f: LeverFieldSpec, after?: unknown) {
    const lang = this.lang;
    const id = `${this.lever.id}-${f.field}`;
    const v = this.values[f.field] ?? f.default;
    const unit = f.unit[lang];
    const label = f.label[lang] + inParens(lang, unit);
    return html`<div class="field">
      <label for="${id}-slider">${label}</label>
      <input id="${id}-slider" type="range" min=${f.min} max=${f.max} step=${f.step} .value=${String(v)}
        data-lever=${this.lever.id} data-field=${f.field}
        aria-valuetext=${`${this.num(f, v)} ${unit}`}
        @input=${(e: Event) => this.emit(f, (e.target as HTMLInputElement).valueAsNumber)} />
      <input type="number" min=${f.min} max=${f.max} step=${f.step} .value=${String(v)}
        aria-label=${label} data-lever=${this.lever.id} data-field=${f.field}
        @change=${(e: Event) => this.onNumber(f, e.target as HTMLInputElement)} />
      ${after ?? this.renderRange(f)}
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
