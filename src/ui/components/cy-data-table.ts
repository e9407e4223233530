// <cy-data-table>: the text alternative of a chart — the same series as a table, one row
// per year, numbers in the interface language's format.
import { LitElement, css, html } from 'lit';
import { tableColumns, type ChartSeries } from './chart-types.ts';
import { seriesTable } from '../lib/csv.ts';
import { formatFixed, t, type Lang } from '../i18n/i18n.ts';
import { focusRing } from './focus-ring.ts';

/** Table of series values by year (whole years only, to stay readable). */
export class CyDataTable extends LitElement {
  static override properties = {
    series: { attribute: false },
    caption: { type: String },
    digits: { type: Number },
    lang: { type: String },
  };

  declare series: ChartSeries[];
  declare caption: string;
  /** Decimals of every value (one indicator: the same precision in every column). */
  declare digits: number | undefined;
  declare lang: Lang;

  static override styles = [
    focusRing,
    css`
    :host { display: block; max-height: var(--chart-height, 340px); overflow: auto; }
    table { border-collapse: collapse; font-size: 0.85rem; width: 100%; font-variant-numeric: tabular-nums; }
    caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
    th, td { border-bottom: 1px solid #e3e6ea; padding: 0.2rem 0.5rem; text-align: right; }
    th:first-child, td:first-child { text-align: left; }
    thead th { position: sticky; top: 0; background: #fff; }
  `,
  ];

  constructor() {
    super();
    this.series = [];
    this.caption = '';
    this.lang = 'zh';
  }

  override render() {
    const { header, rows } = seriesTable(tableColumns(this.series));
    const yearly = rows.filter((r) => Number.isInteger(r[0]));
    return html`<table>
      <caption>${this.caption}</caption>
      <thead><tr>${header.map((h, i) => html`<th scope="col">${i === 0 ? t(this.lang, 'chart.year') : h}</th>`)}</tr></thead>
      <tbody>
        ${yearly.map(
          (r) => html`<tr>
            <th scope="row">${r[0]}</th>
            ${r.slice(1).map((v) => html`<td>${typeof v === 'number' ? formatFixed(this.lang, v, this.digits) : ''}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

customElements.define('cy-data-table', CyDataTable);
