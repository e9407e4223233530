// <cy-chart-panel>: the main chart with its heading, its text alternative (a data table
// toggle) and the exports (PNG and SVG of the chart on a white page with a caption; CSV
// of the data shown with comment lines). Exports work whichever of chart and table shows.
import { LitElement, css, html } from 'lit';
import { tableColumns, type ChartSeries } from './chart-types.ts';
import type { CyLineChart } from './cy-line-chart.ts';
import { exportCsvText } from '../lib/export-csv.ts';
import { framedSvg } from '../lib/svg-frame.ts';
import { downloadBlob, fileNameFrom, svgToPng } from '../lib/download.ts';
import { inParens, t, type Lang } from '../i18n/i18n.ts';
import { focusRing } from './focus-ring.ts';
import './cy-line-chart.ts';
import './cy-data-table.ts';

/** What exported files say about themselves (already in the interface language). */
export interface ExportContext {
  /** Lines for the CSV comments and the image caption: unit, scenario, settings, model version. */
  lines: string[];
  /** Decimals of the values in the CSV. */
  digits: number;
  /** Decimals of the values in the on-screen table (as the cards show them). */
  shownDigits: number;
}

/** Chart, table alternative and exports. */
export class CyChartPanel extends LitElement {
  static override properties = {
    series: { attribute: false },
    heading: { type: String },
    unit: { type: String },
    lang: { type: String },
    context: { attribute: false },
    observedCount: { type: Number },
    textSize: { type: Number },
    showTable: { state: true },
  };

  declare series: ChartSeries[];
  declare heading: string;
  declare unit: string;
  declare lang: Lang;
  declare context: ExportContext;
  /** Observed points on the chart: when there are any, a button opens their sources (event `method-open`). */
  declare observedCount: number;
  /** Chart text size in CSS pixels (larger in presentation mode). */
  declare textSize: number;
  declare showTable: boolean;

  static override styles = [
    focusRing,
    css`
      /* Sized by its own width: beside another chart (or on a small screen) the toolbar stays one row. */
      :host { display: block; background: #fff; border: 1px solid #d9dde3; border-radius: 6px; padding: 0.3rem 0.4rem; container-type: inline-size; }
      .short { display: none; }
      @container (max-width: 40rem) {
        .tools { flex-wrap: nowrap; align-items: flex-start; }
        h2 { flex: 1 1 0; }
        .tools > button, .export { flex: none; }
        .long, .export-word { display: none; }
        .short { display: inline; }
      }
      .tools { display: flex; flex-wrap: wrap; gap: 0.3rem 0.4rem; justify-content: flex-end; align-items: center; }
      h2 { font-size: 0.9rem; margin: 0 auto 0 0.2rem; min-width: 0; }
      :host([presenting]) h2 { font-size: 1.1rem; }
      :host([presenting]) .tools button, :host([presenting]) .export { display: none; }
      button { font: inherit; font-size: 0.8rem; }
      .export { font-size: 0.8rem; color: #4a525c; white-space: nowrap; }
      /* On a phone the toolbar would wrap and squeeze the chart; the header's "data and method" lists the same points. */
      @media (max-width: 759px) { #observed-sources { display: none; } }
    `,
  ];

  constructor() {
    super();
    this.series = [];
    this.heading = '';
    this.unit = '';
    this.lang = 'zh';
    this.context = { lines: [], digits: 2, shownDigits: 2 };
    this.showTable = false;
    this.observedCount = 0;
    this.textSize = 14;
  }

  override render() {
    const lang = this.lang;
    return html`<div class="tools">
        <!-- The shell may put the graphs menu here: the heading is then its button. -->
        <h2 id="chart-h"><slot name="heading">${this.heading}</slot></h2>
        ${this.observedCount > 0
          ? html`<button type="button" id="observed-sources" aria-label=${t(lang, 'chart.sourcesLong')} title=${t(lang, 'chart.sourcesLong')} @click=${() => this.dispatchEvent(new CustomEvent('method-open', { detail: { section: 'observed' }, bubbles: true, composed: true }))}>${t(lang, 'chart.sources')}</button>`
          : ''}
        <button type="button" id="toggle-table" aria-pressed=${this.showTable ? 'true' : 'false'}
          aria-label=${this.showTable ? t(lang, 'chart.showChart') : t(lang, 'chart.showTable')} @click=${() => (this.showTable = !this.showTable)}>
          <span class="long">${this.showTable ? t(lang, 'chart.showChart') : t(lang, 'chart.showTable')}</span><span class="short" aria-hidden="true">${this.showTable ? t(lang, 'chart.showChartShort') : t(lang, 'chart.showTableShort')}</span>
        </button>
        <span class="export" role="group" aria-label=${t(lang, 'export.group')}><span class="export-word">${t(lang, 'export.group')}</span>
          <button type="button" id="export-png" aria-label=${t(lang, 'export.png')} @click=${this.exportPng}>PNG</button>
          <button type="button" id="export-svg" aria-label=${t(lang, 'export.svg')} @click=${this.exportSvg}>SVG</button>
          <button type="button" id="export-csv" aria-label=${t(lang, 'export.csv')} @click=${this.exportCsv}>CSV</button>
        </span>
      </div>
      <cy-line-chart ?hidden=${this.showTable} .series=${this.series} heading=${this.heading} unit=${this.unit} digits=${this.context.shownDigits} textSize=${this.textSize} lang=${lang}></cy-line-chart>
      ${this.showTable
        ? html`<cy-data-table .series=${this.series} caption=${this.heading + inParens(lang, this.unit)} digits=${this.context.shownDigits} lang=${lang}></cy-data-table>`
        : ''}`;
  }

  private get chart(): CyLineChart {
    return this.renderRoot.querySelector('cy-line-chart') as CyLineChart;
  }

  /** Caption lines with today's date, as the exports carry them. */
  private exportLines(): string[] {
    return [...this.context.lines, t(this.lang, 'export.date', { date: new Date().toISOString().slice(0, 10) })];
  }

  private framed() {
    const { width, height } = this.chart.size();
    return framedSvg(this.chart.toSvg(), width, height, { title: this.heading, caption: this.exportLines() });
  }

  private async exportPng(): Promise<void> {
    const f = this.framed();
    downloadBlob(await svgToPng(f.svg, f.width, f.height, 2), fileNameFrom(this.heading, 'png'));
  }

  private exportSvg(): void {
    downloadBlob(new Blob([this.framed().svg], { type: 'image/svg+xml' }), fileNameFrom(this.heading, 'svg'));
  }

  private exportCsv(): void {
    const text = exportCsvText(tableColumns(this.series), {
      comments: [this.heading, ...this.exportLines()],
      timeHeader: t(this.lang, 'chart.year'),
      digits: this.context.digits,
    });
    downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileNameFrom(this.heading, 'csv'));
  }
}

customElements.define('cy-chart-panel', CyChartPanel);
