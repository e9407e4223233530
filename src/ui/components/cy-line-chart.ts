// <cy-line-chart>: draws time series with ECharts (SVG renderer, tree-shaken imports) and
// exports what it shows as SVG or PNG. It only draws; the shell decides what to show.
import { LitElement, css, html, type PropertyValues } from 'lit';
import { init, use, type ECharts } from 'echarts/core';
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { BASELINE_COLOR, CURRENT_COLOR, HISTORY_COLOR, type ChartSeries } from './chart-types.ts';
import { formatNumber, type Lang } from '../i18n/i18n.ts';
import { svgToPng } from '../lib/download.ts';

use([LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent, SVGRenderer]);

/** Line chart of model runs and observations over time. */
export class CyLineChart extends LitElement {
  static override properties = {
    series: { attribute: false },
    heading: { type: String },
    unit: { type: String },
    lang: { type: String },
  };

  declare series: ChartSeries[];
  declare heading: string;
  declare unit: string;
  declare lang: Lang;
  private chart: ECharts | undefined;
  private resizeObserver: ResizeObserver | undefined;
  /** Count of completed draws; end-to-end tests and the benchmark watch `data-draws`. */
  draws = 0;

  static override styles = css`
    :host { display: block; }
    .plot { width: 100%; height: var(--chart-height, 340px); contain: strict; }
  `;

  constructor() {
    super();
    this.series = [];
    this.heading = '';
    this.unit = '';
    this.lang = 'zh';
  }

  override render() {
    return html`<div class="plot" role="img" aria-label=${this.heading}></div>`;
  }

  override firstUpdated(): void {
    const el = this.renderRoot.querySelector('.plot') as HTMLDivElement;
    this.chart = init(el, undefined, { renderer: 'svg' });
    this.resizeObserver = new ResizeObserver(() => this.chart?.resize());
    this.resizeObserver.observe(el);
    this.draw();
  }

  override updated(changed: PropertyValues<this>): void {
    if (this.chart && (changed.has('series') || changed.has('lang') || changed.has('unit') || changed.has('heading'))) this.draw();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
  }

  /** The chart as SVG text (vector, for briefings). */
  toSvg(): string {
    return this.chart ? this.chart.renderToSVGString() : '';
  }

  /** The chart as a PNG image at twice its screen size. */
  async toPng(): Promise<Blob> {
    const el = this.renderRoot.querySelector('.plot') as HTMLDivElement;
    return svgToPng(this.toSvg(), el.clientWidth || 800, el.clientHeight || 340, 2);
  }

  private draw(): void {
    if (!this.chart) return;
    const lang = this.lang;
    const fmt = (v: number) => formatNumber(lang, v);
    const series = this.series.map((s) => {
      const data: Array<[number, number]> = [];
      for (let i = 0; i < s.times.length; i++) data.push([s.times[i], s.values[i]]);
      if (s.role === 'history') {
        return {
          id: s.id, name: s.name, type: 'scatter' as const, data, symbolSize: 8, z: 5,
          itemStyle: { color: s.color ?? HISTORY_COLOR },
        };
      }
      const color = s.color ?? (s.role === 'baseline' ? BASELINE_COLOR : CURRENT_COLOR);
      return {
        id: s.id, name: s.name, type: 'line' as const, data, showSymbol: false,
        lineStyle: { color, width: s.role === 'current' ? 3 : 2, type: s.role === 'baseline' ? ('dashed' as const) : ('solid' as const) },
        itemStyle: { color },
        z: s.role === 'current' ? 4 : 3,
      };
    });
    this.chart.setOption(
      {
        animation: false,
        // Single quotes: the family list ends up in SVG attributes, where double quotes would break the XML.
        textStyle: { fontFamily: "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif" },
        title: { text: this.heading, left: 8, top: 4, textStyle: { fontSize: 14 } },
        legend: { top: 4, right: 8 },
        grid: { left: 64, right: 24, top: 64, bottom: 36 },
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? fmt(v) : String(v)) },
        xAxis: { type: 'value', min: 2015, max: 2035, interval: 5, axisLabel: { formatter: (v: number) => String(v) } },
        yAxis: { type: 'value', name: this.unit, scale: false, axisLabel: { formatter: fmt } },
        series,
      },
      { replaceMerge: ['series'] },
    );
    this.draws++;
    this.dataset.draws = String(this.draws);
  }
}

customElements.define('cy-line-chart', CyLineChart);
