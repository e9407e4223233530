// <cy-variable-menu>: a chart's heading as a button that opens the graphs menu — the
// headline indicators, then every model variable grouped by kind (stocks, flows,
// auxiliaries, constants), searchable by name in either language or by id. Names show
// as readers' names where the model has them, else as the id in monospace.
// Emits `chart-choice` with {index, choice}; Esc or a click elsewhere closes it.
import { LitElement, css, html, nothing } from 'lit';
import type { KpiInfo, VariableCatalog, CatalogVariable } from '../model-bridge/types.ts';
import { humanName, searchCatalog, searchKpis, type ChartChoice } from '../lib/chart-choice.ts';
import { formatNumber, t, type Lang, type MessageKey } from '../i18n/i18n.ts';
import { focusRing } from './focus-ring.ts';

/** The graphs menu of one chart. */
export class CyVariableMenu extends LitElement {
  static override properties = {
    index: { type: Number },
    kpis: { attribute: false },
    catalog: { attribute: false },
    heading: { type: String },
    name: { type: String },
    suffix: { type: String },
    headingIsId: { type: Boolean },
    lang: { type: String },
    open: { state: true },
    query: { state: true },
  };

  /** Which chart (0-based) the choice is for. */
  declare index: number;
  declare kpis: KpiInfo[];
  declare catalog: VariableCatalog | undefined;
  /** What the chart shows now, as its heading. */
  declare heading: string;
  /** The heading's name part (an indicator's heading, a variable's name or id) and what follows it (the element). */
  declare name: string;
  declare suffix: string;
  /** The name is a model id (shown in monospace). */
  declare headingIsId: boolean;
  declare lang: Lang;
  declare open: boolean;
  declare query: string;

  private readonly onOutside = (e: Event) => {
    if (this.open && !e.composedPath().includes(this)) this.open = false;
  };

  static override styles = [
    focusRing,
    css`
      :host { display: inline-block; position: relative; max-width: 100%; }
      button.trigger { all: unset; box-sizing: border-box; cursor: pointer; font-weight: 700; font-size: inherit; max-width: 100%; border-bottom: 1px dashed #0b5394; }
      button.trigger:focus-visible { outline: 3px solid #0b5394; outline-offset: 2px; }
      .caret { color: #0b5394; font-size: 0.8em; margin-left: 0.25em; }
      code { font-family: ui-monospace, 'Noto Sans Mono CJK SC', monospace; font-size: 0.92em; }
      .panel { position: absolute; z-index: 20; left: 0; top: calc(100% + 4px); width: min(24rem, 86vw); background: #fff; border: 1px solid #9ca3af; border-radius: 6px; box-shadow: 0 6px 18px rgba(0, 0, 0, 0.18); padding: 0.4rem; font-weight: normal; }
      input { box-sizing: border-box; width: 100%; font: inherit; font-size: 0.9rem; padding: 0.25rem 0.4rem; }
      .list { max-height: min(55vh, 26rem); overflow-y: auto; margin-top: 0.3rem; }
      h3 { font-size: 0.8rem; color: #4a525c; margin: 0.4rem 0 0.1rem; position: sticky; top: 0; background: #fff; }
      ul { list-style: none; margin: 0; padding: 0; }
      button.opt { all: unset; box-sizing: border-box; display: flex; gap: 0.5rem; justify-content: space-between; width: 100%; padding: 0.15rem 0.3rem; cursor: pointer; font-size: 0.88rem; border-radius: 3px; }
      button.opt:hover, button.opt:focus-visible { background: #e8f0fa; outline: 2px solid #0b5394; outline-offset: -2px; }
      button.opt .id { color: #4a525c; font-size: 0.8rem; }
      .count { font-size: 0.75rem; color: #5b6470; margin: 0.3rem 0 0; }
    `,
  ];

  constructor() {
    super();
    this.index = 0;
    this.kpis = [];
    this.catalog = undefined;
    this.heading = '';
    this.name = '';
    this.suffix = '';
    this.headingIsId = false;
    this.lang = 'zh';
    this.open = false;
    this.query = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.onOutside);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onOutside);
  }

  override render() {
    const lang = this.lang;
    return html`<button type="button" class="trigger" id="trigger" aria-haspopup="dialog" aria-expanded=${this.open ? 'true' : 'false'}
        aria-label=${t(lang, 'charts.choose', { chart: this.heading })} @click=${this.toggle}>${this.headingIsId ? html`<code translate="no">${this.name}</code>` : this.name}${this.suffix}<span class="caret" aria-hidden="true">▾</span></button>
      ${this.open ? this.renderPanel() : nothing}`;
  }

  private renderPanel() {
    const lang = this.lang;
    const kpis = searchKpis(this.kpis, this.query);
    const groups = searchCatalog(this.catalog?.variables ?? [], this.query);
    const n = kpis.length + groups.reduce((s, g) => s + g.variables.length, 0);
    return html`<div class="panel" role="dialog" aria-label=${t(lang, 'charts.menu')} @keydown=${this.onKey}>
      <input type="search" id="var-search" .value=${this.query} placeholder=${t(lang, 'charts.search')} aria-label=${t(lang, 'charts.search')}
        aria-describedby="var-count" @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
      <div class="list">
        ${kpis.length
          ? html`<h3>${t(lang, 'charts.group.kpi')}</h3>
              <ul>${kpis.map((k) => html`<li><button type="button" class="opt" data-option data-kpi=${k.id} @click=${() => this.choose({ kpi: k.id })}>${k.label[lang]}</button></li>`)}</ul>`
          : nothing}
        ${groups.map(
          (g) => html`<h3>${t(lang, `charts.group.${g.kind}` as MessageKey)}</h3>
            <ul>${g.variables.map((v) => this.renderVariable(v))}</ul>`,
        )}
      </div>
      <p class="count" id="var-count" role="status">${t(lang, 'charts.count', { n: formatNumber(lang, n, 0) })}</p>
    </div>`;
  }

  private renderVariable(v: CatalogVariable) {
    const name = humanName(v, this.lang);
    // The id stays visible beside a human name (it is what the equations and the CLI use).
    return html`<li><button type="button" class="opt" data-option data-var=${v.name} @click=${() => this.choose({ variable: v.name })}>
      ${name ? html`<span>${name}</span><code class="id" translate="no">${v.name}</code>` : html`<code translate="no">${v.name}</code>`}
    </button></li>`;
  }

  private async toggle(): Promise<void> {
    this.open = !this.open;
    if (!this.open) return;
    this.query = '';
    await this.updateComplete;
    (this.renderRoot.querySelector('#var-search') as HTMLInputElement | null)?.focus();
  }

  private close(): void {
    this.open = false;
    (this.renderRoot.querySelector('#trigger') as HTMLButtonElement | null)?.focus();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      // The menu's Esc: it must not also leave presentation mode.
      e.stopPropagation();
      e.preventDefault();
      this.close();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const opts = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[data-option]')];
    if (opts.length === 0) return;
    e.preventDefault();
    const at = opts.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLButtonElement);
    const next = e.key === 'ArrowDown' ? Math.min(opts.length - 1, at + 1) : at <= 0 ? -1 : at - 1;
    if (next < 0) (this.renderRoot.querySelector('#var-search') as HTMLInputElement).focus();
    else opts[next].focus();
  }

  private choose(choice: ChartChoice): void {
    this.dispatchEvent(new CustomEvent('chart-choice', { detail: { index: this.index, choice }, bubbles: true, composed: true }));
    this.close();
  }
}

customElements.define('cy-variable-menu', CyVariableMenu);
