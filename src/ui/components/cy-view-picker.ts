// <cy-view-picker>: choose the area (circle, province, city, the 12 zones together, or
// one zone) and the indicator. Emits `view-change` with the new ViewState.
import { LitElement, css, html } from 'lit';
import type { AreaInfo, KpiInfo } from '../model-bridge/types.ts';
import type { ViewState } from '../state/app-state.ts';
import { t, type Lang } from '../i18n/i18n.ts';
import { focusRing } from './focus-ring.ts';

/** Area and indicator selectors. */
export class CyViewPicker extends LitElement {
  static override properties = {
    areas: { attribute: false },
    kpis: { attribute: false },
    view: { attribute: false },
    lang: { type: String },
  };

  declare areas: AreaInfo[];
  declare kpis: KpiInfo[];
  declare view: ViewState;
  declare lang: Lang;

  static override styles = [
    focusRing,
    css`
    :host { display: block; }
    .row { display: flex; flex-wrap: wrap; gap: 0.8rem; align-items: end; }
    label { display: flex; flex-direction: column; font-size: 0.8rem; color: #4a525c; gap: 0.15rem; }
    select { font: inherit; font-size: 0.95rem; padding: 0.2rem; min-width: 12rem; max-width: 100%; }
    /* Short screens (a projector at 150 %): each name beside its picker, one line less above the chart. */
    @media (max-height: 600px) and (min-width: 760px) {
      label { flex-direction: row; align-items: center; gap: 0.4rem; }
    }
    /* Narrow screens: both pickers on one line. */
    @media (max-width: 759px) {
      .row { flex-wrap: nowrap; gap: 0.5rem; }
      label { flex: 1 1 0; min-width: 0; }
      select { min-width: 0; width: 100%; font-size: 0.9rem; }
    }
  `,
  ];

  constructor() {
    super();
    this.areas = [];
    this.kpis = [];
    this.lang = 'zh';
  }

  override render() {
    const lang = this.lang;
    const regions = this.areas.filter((a) => a.kind === 'region');
    const zones = this.areas.filter((a) => a.kind === 'zone');
    return html`<div class="row" role="group" aria-label=${t(lang, 'view.heading')}>
      <label>${t(lang, 'view.region')}
        <select id="area" .value=${this.view?.area ?? ''} @change=${(e: Event) => this.emit({ area: (e.target as HTMLSelectElement).value })}>
          ${regions.map((a) => html`<option value=${a.id} ?selected=${a.id === this.view?.area}>${a.label[lang]}</option>`)}
          <optgroup label=${t(lang, 'view.zones')}>
            ${zones.map((a) => html`<option value=${a.id} ?selected=${a.id === this.view?.area}>${a.label[lang]}</option>`)}
          </optgroup>
        </select>
      </label>
      <label>${t(lang, 'view.kpi')}
        <select id="kpi" .value=${this.view?.kpi ?? ''} @change=${(e: Event) => this.emit({ kpi: (e.target as HTMLSelectElement).value as ViewState['kpi'] })}>
          ${this.kpis.map((k) => html`<option value=${k.id} ?selected=${k.id === this.view?.kpi}>${k.label[lang]}</option>`)}
        </select>
      </label>
    </div>`;
  }

  private emit(change: Partial<ViewState>): void {
    const detail: ViewState = { ...this.view, ...change };
    this.dispatchEvent(new CustomEvent('view-change', { detail, bubbles: true, composed: true }));
  }
}

customElements.define('cy-view-picker', CyViewPicker);
