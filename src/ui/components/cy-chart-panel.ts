// <cy-chart-panel>: the main chart with its text alternative (a data table toggle) and
// the export buttons (PNG, SVG of the chart; CSV of the data shown).
import { LitElement, css, html } from 'lit';
import { tableColumns, type ChartSeries } from './chart-types.ts';
import type { CyLineChart } from './cy-line-chart.ts';
import { seriesTable, toCsv } from '../lib/csv.ts';
import { downloadBlob, fileNameFrom } from '../lib/download.ts';
import { t, type Lang } from '../i18n/i18n.ts';
import './cy-line-chart.ts';
import './cy-data-table.ts';

/** Chart, table alternative and exports. */
export class CyChartPanel extends LitElement {
  static override properties = {
    series: { attribute: false },
    heading: { type: String },
    unit: { type: String },
    lang: { type: String },
    showTable: { state: true },
  };

  declare series: ChartSeries[];
  declare heading: string;
  declare unit: string;
  declare lang: Lang;
  declare showTable: boolean;

  static override styles = css`
    :host { display: block; background: #fff; border: 1px solid #d9dde3; border-radius: 6px; padding: 0.4rem; }
    .tools { display: flex; flex-wrap: wrap; gap: 0.4rem; justify-content: flex-end; }
    button { font: inherit; font-size: 0.82rem; }
    button:focus-visible { outline: 2px solid #e69f00; outline-offset: 2px; }
  `;

  constructor() {
    super();
    this.series = [];
    this.heading = '';
    this.unit = '';
    this.lang = 'zh';
    this.showTable = false;
  }

  override render() {
    const lang = this.lang;
    return html`<div class="tools">
        <button type="button" id="toggle-table" aria-pressed=${this.showTable ? 'true' : 'false'} @click=${() => (this.showTable = !this.showTable)}>
          ${this.showTable ? t(lang, 'chart.showChart') : t(lang, 'chart.showTable')}
        </button>
        <button type="button" id="export-png" ?disabled=${this.showTable} @click=${this.exportPng}>${t(lang, 'export.png')}</button>
        <button type="button" id="export-svg" ?disabled=${this.showTable} @click=${this.exportSvg}>${t(lang, 'export.svg')}</button>
        <button type="button" id="export-csv" @click=${this.exportCsv}>${t(lang, 'export.csv')}</button>
      </div>
      <cy-line-chart ?hidden=${this.showTable} .series=${this.series} heading=${this.heading} unit=${this.unit} lang=${lang}></cy-line-chart>
      ${this.showTable ? html`<cy-data-table .series=${this.series} caption=${`${this.heading} (${this.unit})`} lang=${lang}></cy-data-table>` : ''}`;
  }

  private get chart(): CyLineChart {
    return this.renderRoot.querySelector('cy-line-chart') as CyLineChart;
  }

  private async exportPng(): Promise<void> {
    downloadBlob(await this.chart.toPng(), fileNameFrom(this.heading, 'png'));
  }

  private exportSvg(): void {
    downloadBlob(new Blob([this.chart.toSvg()], { type: 'image/svg+xml' }), fileNameFrom(this.heading, 'svg'));
  }

  private exportCsv(): void {
    const { header, rows } = seriesTable(tableColumns(this.series));
    // A BOM so Excel opens the Chinese headers as UTF-8.
    const text = '\ufeff' + toCsv(header, rows);
    downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileNameFrom(this.heading, 'csv'));
  }
}

customElements.define('cy-chart-panel', CyChartPanel);
