// <cy-cost-panel>: what the settings cost to the headline year — the circle's cumulative
// spending, the cost of one extra high-tech enterprise (with its range over the paired
// draws), and who pays: Sichuan or Chongqing, the core zones, the other zones or neither,
// and the co-built profit-sharing parks' own split between origins and hosts.
import { LitElement, css, html } from 'lit';
import type { RunOutput } from '../model-bridge/types.ts';
import { formatFixed, formatNumber, t, type Lang, type MessageKey } from '../i18n/i18n.ts';
import { briefingBand, type Band } from '../lib/briefing-number.ts';
import { COST_COLUMNS, costParts, cumulativeTo, type CostPart } from '../lib/cost-split.ts';

/** Labels of the split's parts. */
const PART_LABELS: Record<string, MessageKey> = {
  policy_cost_sichuan: 'cost.sichuan',
  policy_cost_chongqing: 'cost.chongqing',
  policy_cost_core: 'cost.core',
  policy_cost_noncore_zones: 'cost.noncore',
  policy_cost_outside_zones: 'cost.outside',
  park_cost_sichuan: 'cost.sichuan',
  park_cost_chongqing: 'cost.chongqing',
  park_cost_core: 'cost.parksCore',
  park_cost_noncore_zones: 'cost.parksNoncore',
};

/** Cost and who pays it. */
export class CyCostPanel extends LitElement {
  static override properties = {
    run: { attribute: false },
    perEnterprise: { attribute: false },
    year: { type: Number },
    lang: { type: String },
  };

  declare run: RunOutput | undefined;
  /** Cost of one extra enterprise (万元), posterior percentiles over paired draws; undefined without a gain in every draw. */
  declare perEnterprise: Band | undefined;
  declare year: number;
  declare lang: Lang;

  static override styles = css`
    :host { display: block; }
    h2 { font-size: 1rem; margin: 0 0 0.3rem; }
    h3 { font-size: 0.88rem; margin: 0.6rem 0 0.2rem; }
    p { font-size: 0.82rem; margin: 0.2rem 0; }
    .big { font-size: 1.05rem; font-weight: 650; font-variant-numeric: tabular-nums; }
    .note { color: #4a525c; font-size: 0.76rem; }
    table { border-collapse: collapse; width: 100%; font-size: 0.82rem; font-variant-numeric: tabular-nums; }
    th, td { padding: 0.15rem 0.4rem; border-bottom: 1px solid #eef0f3; text-align: left; }
    td.num { text-align: right; white-space: nowrap; }
    td.bar { width: 30%; }
    .bar div { height: 0.6rem; background: #0b5394; border-radius: 2px; min-width: 1px; }
    .cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 0 1rem; }
  `;

  constructor() {
    super();
    this.run = undefined;
    this.perEnterprise = undefined;
    this.year = 2035;
    this.lang = 'zh';
  }

  override render() {
    const lang = this.lang;
    const total = cumulativeTo(this.run, COST_COLUMNS.total, this.year);
    const parks = cumulativeTo(this.run, COST_COLUMNS.parksTotal, this.year) ?? 0;
    const per = this.perEnterprise ? briefingBand(lang, 'cost_per_enterprise', this.perEnterprise) : undefined;
    return html`<section aria-labelledby="cost-h">
      <h2 id="cost-h">${t(lang, 'cost.heading', { year: this.year })}</h2>
      <p>${t(lang, 'cost.total')}: <span class="big" id="cost-total">${total === undefined ? '–' : this.money(total)}</span></p>
      ${total !== undefined && total > 0
        ? html`<p>${t(lang, 'cost.perEnterprise')}:
              <span class="big" id="cost-per">${per ? `${per.approx} ${per.value} ${per.unit}` : t(lang, 'cost.perEnterpriseNone')}</span>
              ${per ? html`<span id="cost-per-range">${lang === 'zh' ? `（90% 区间 ${per.range90}）` : ` (90 % range ${per.range90})`}</span>` : ''}</p>
            <p class="note">${t(lang, 'cost.perEnterpriseNote', { year: this.year })}</p>
            <div class="cols">
              <div>${this.split('cost.byProvince', costParts(this.run, COST_COLUMNS.province, this.year), 'cost-province')}</div>
              <div>${this.split('cost.byArea', costParts(this.run, COST_COLUMNS.area, this.year), 'cost-area')}</div>
            </div>
            <h3>${t(lang, 'cost.parks')}</h3>
            ${parks > 0
              ? html`<p>${t(lang, 'cost.parksTotal')}: <span class="big" id="cost-parks">${this.money(parks)}</span></p>
                  <div class="cols">
                    <div>${this.split('cost.byProvince', costParts(this.run, COST_COLUMNS.parksProvince, this.year), 'cost-parks-province')}</div>
                    <div>${this.split('cost.byArea', costParts(this.run, COST_COLUMNS.parksArea, this.year), 'cost-parks-area')}</div>
                  </div>`
              : html`<p id="cost-parks-none">${t(lang, 'cost.parksNone')}</p>`}
            <p class="note">${t(lang, 'cost.assumption')}</p>`
        : html`<p id="cost-none">${t(lang, 'cost.none')}</p>`}
    </section>`;
  }

  /** An amount in 亿元 / CNY 100 m with one decimal. */
  private money(x: number): string {
    return this.lang === 'zh' ? `${formatFixed('zh', x, 1)} 亿元` : `${formatFixed('en', x, 1)} CNY 100 m`;
  }

  private split(heading: MessageKey, parts: CostPart[], id: string) {
    const lang = this.lang;
    return html`<table id=${id}>
      <caption class="note" style="text-align:left">${t(lang, heading)}</caption>
      <thead><tr><th scope="col">${t(lang, 'cost.colPart')}</th><th scope="col">${t(lang, 'cost.colAmount')}</th><th scope="col">${t(lang, 'cost.colShare')}</th><th scope="col"></th></tr></thead>
      <tbody>
        ${parts.map(
          (p) => html`<tr data-part=${p.column}><th scope="row">${t(lang, PART_LABELS[p.column])}</th><td class="num">${this.money(p.amount)}</td>
            <td class="num">${Number.isFinite(p.share) ? `${formatNumber(lang, 100 * p.share, 0)}%` : '–'}</td>
            <td class="bar"><div style="width:${Number.isFinite(p.share) ? 100 * p.share : 0}%"></div></td></tr>`,
        )}
      </tbody>
    </table>`;
  }
}

customElements.define('cy-cost-panel', CyCostPanel);
