// <cy-line-chart>: draws time series with ECharts (SVG renderer, tree-shaken imports) and
// exports what it shows as SVG or PNG. It only draws; the shell decides what to show.
import { LitElement, css, html, type PropertyValues } from 'lit';
import { init, use, type ECharts } from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { BAND_COLOR, BASELINE_COLOR, CURRENT_COLOR, HISTORY_COLOR, type ChartSeries } from './chart-types.ts';
import { formatFixed, formatNumber, type Lang } from '../i18n/i18n.ts';

use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Line chart of model runs and observations over time. */
export class CyLineChart extends LitElement {
  static override properties = {
    series: { attribute: false },
    heading: { type: String },
    unit: { type: String },
    digits: { type: Number },
    textSize: { type: Number },
    lang: { type: String },
  };

  declare series: ChartSeries[];
  declare heading: string;
  declare unit: string;
  /** Decimals of values in the tooltip (the indicator's, as on the cards); axis ticks choose their own. */
  declare digits: number | undefined;
  /** Axis, legend and tooltip text in CSS pixels (the shell gives 14 on a projector, more when presenting). */
  declare textSize: number;
  declare lang: Lang;
  private chart: ECharts | undefined;
  private resizeObserver: ResizeObserver | undefined;
  /** The plot was short at the last draw (fewer ticks). */
  private wasShort = false;
  /** Count of completed draws; end-to-end tests and the benchmark watch `data-draws`. */
  draws = 0;

  static override styles = css`
    :host { display: block; }
    /* The table alternative replaces the chart: [hidden] must win over display: block. */
    :host([hidden]) { display: none; }
    .plot { position: relative; width: 100%; height: var(--chart-height, 340px); contain: strict; }
  `;

  constructor() {
    super();
    this.series = [];
    this.heading = '';
    this.unit = '';
    this.textSize = 14;
    this.lang = 'zh';
  }

  override render() {
    return html`<div class="plot" role="img" aria-label=${this.heading}></div>`;
  }

  override firstUpdated(): void {
    const el = this.renderRoot.querySelector('.plot') as HTMLDivElement;
    // Drawn at the plot's first observation, after the page has fitted its height to the screen
    // (`plot-mount`, handled at once), the chart is drawn once, at its final size, instead of
    // at the CSS default and again on the resize.
    const start = (): void => {
      this.dispatchEvent(new Event('plot-mount', { bubbles: true, composed: true }));
      this.chart = init(el, undefined, { renderer: 'svg' });
      this.draw();
    };
    this.resizeObserver = new ResizeObserver(() => {
      if (!this.chart) return start();
      // While hidden (table shown) the plot is 0×0: keep the last size, so exports still draw the chart.
      if (el.clientWidth > 0 && el.clientHeight > 0) {
        this.chart.resize();
        // Crossing the short-plot height changes the ticks.
        if ((el.clientHeight < 200) !== this.wasShort) this.draw();
      }
    });
    this.resizeObserver.observe(el);
    // A hidden plot (the table shown) is never observed: draw it a frame later all the same, for the exports.
    requestAnimationFrame(() => requestAnimationFrame(() => {
      if (!this.chart && this.isConnected) start();
    }));
  }

  override updated(changed: PropertyValues<this>): void {
    if (this.chart && (changed.has('series') || changed.has('lang') || changed.has('digits') || changed.has('unit') || changed.has('heading') || changed.has('textSize'))) this.draw();
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

  /** Size of the drawn chart in CSS pixels (its last size while hidden). */
  size(): { width: number; height: number } {
    return { width: this.chart?.getWidth() || 800, height: this.chart?.getHeight() || 340 };
  }

  private draw(): void {
    if (!this.chart) return;
    const lang = this.lang;
    const size = this.textSize || 14;
    // A short plot (a phone's) gets fewer value ticks, so its labels do not run into each other.
    const short = (this.chart.getHeight() || 340) < 200;
    this.wasShort = short;
    // Model variables can be small rates (0.003/yr): two significant digits rather than "0".
    const fmt = (v: number) => (v !== 0 && Math.abs(v) < 0.01 ? v.toPrecision(2) : formatNumber(lang, v));
    const fmtValue = (v: number) => (this.digits === undefined ? fmt(v) : formatFixed(lang, v, this.digits));
    const series = this.series.flatMap((s): Array<Record<string, unknown>> => {
      const data: Array<[number, number]> = [];
      for (let i = 0; i < s.times.length; i++) data.push([s.times[i], s.values[i]]);
      if (s.role === 'band' && s.lower) {
        // A band is two stacked lines: the lower edge (invisible) and the width above it, filled.
        const lower: Array<[number, number]> = [];
        const width: Array<[number, number]> = [];
        for (let i = 0; i < s.times.length; i++) {
          lower.push([s.times[i], s.lower[i]]);
          width.push([s.times[i], s.values[i] - s.lower[i]]);
        }
        const color = s.color ?? BAND_COLOR;
        // A lighter band lies beneath the darker ones.
        const common = { type: 'line' as const, stack: s.id, showSymbol: false, silent: true, lineStyle: { opacity: 0 }, z: (s.opacity ?? 0.18) < 0.18 ? 0 : 1 };
        return [
          { ...common, id: `${s.id}-low`, name: s.name, data: lower, itemStyle: { color } },
          { ...common, id: `${s.id}-width`, name: s.name, data: width, itemStyle: { color }, areaStyle: { color, opacity: s.opacity ?? 0.18 } },
        ];
      }
      if (s.role === 'history') {
        // Points only: a line series without its line (one chart type fewer in the bundle than a scatter series).
        return [{
          id: s.id, name: s.name, type: 'line' as const, data, symbol: 'circle', symbolSize: 8, showSymbol: true, showAllSymbol: true, z: 5,
          lineStyle: { width: 0, opacity: 0 }, itemStyle: { color: s.color ?? HISTORY_COLOR }, legendIcon: 'circle',
        }];
      }
      const color = s.color ?? (s.role === 'baseline' ? BASELINE_COLOR : CURRENT_COLOR);
      // The emphasised line is thick; the central run beside a posterior median thin and dotted.
      const width = s.role === 'current' ? 3 : s.role === 'central' ? 1.5 : 2;
      const type = s.role === 'baseline' ? ('dashed' as const) : s.role === 'central' ? ('dotted' as const) : ('solid' as const);
      return [{
        id: s.id, name: s.name, type: 'line' as const, data, showSymbol: false,
        lineStyle: { color, width, type },
        itemStyle: { color },
        z: s.role === 'current' ? 4 : 3,
      }];
    });
    // The tooltip lists lines and points; band edges are read in the data table.
    const bandIds = new Set(this.series.filter((s) => s.role === 'band').flatMap((s) => [`${s.id}-low`, `${s.id}-width`]));
    const notes = new Map(this.series.filter((s) => s.notes).map((s) => [s.id, s.notes as ReadonlyArray<readonly string[]>]));
    this.chart.setOption(
      {
        animation: false,
        // Single quotes: the family list ends up in SVG attributes, where double quotes would break the XML.
        textStyle: { fontFamily: "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif" },
        // No title inside the plot: the panel shows the heading above it, and exports add it to their frame.
        // The legend below the plot: on a narrow chart it would run into the title.
        // (A long legend pages: its page count "1/2" in the same size as the rest.)
        legend: { bottom: 0, left: 'center', type: 'scroll', textStyle: { fontSize: size }, pageTextStyle: { fontSize: size }, itemHeight: size * 0.9 },
        // The axis labels fit inside the grid whatever their size and length.
        grid: { left: 8, right: 22, top: size + 16, bottom: size + 14, containLabel: true },
        tooltip: {
          trigger: 'axis',
          // Named, the tooltip's container is not looked up with getComputedStyle on every draw
          // (a forced style recalculation, ~4 ms a lever move); it is the plot, positioned in CSS.
          appendTo: (dom: HTMLElement) => dom,
          // Inside the chart: a source note must not run off a phone's screen.
          confine: true,
          textStyle: { fontSize: size },
          formatter: (params: unknown) => {
            const list = (Array.isArray(params) ? params : [params]) as Array<{ seriesId?: string; seriesName: string; marker: string; value: [number, number]; dataIndex: number }>;
            const shown = list.filter((p) => !bandIds.has(p.seriesId ?? ''));
            if (shown.length === 0) return '';
            const head = String(shown[0].value[0]);
            // An observation's source (and decision) under its value, wrapped to the tooltip's width.
            const noteOf = (p: (typeof shown)[number]) => {
              const lines = notes.get(p.seriesId ?? '')?.[p.dataIndex];
              return lines?.length ? `<div class="obs-note" style="white-space:normal;max-width:22rem;font-size:${Math.round(size * 0.85)}px;color:#4a525c">${lines.map(escapeHtml).join('<br/>')}</div>` : '';
            };
            return [head, ...shown.map((p) => `${p.marker}${escapeHtml(p.seriesName)}: ${fmtValue(p.value[1])}${noteOf(p)}`)].join('<br/>');
          },
        },
        xAxis: { type: 'value', min: 2015, max: 2035, interval: 5, axisLabel: { fontSize: size, formatter: (v: number) => String(v) } },
        yAxis: { type: 'value', name: this.unit, splitNumber: short ? 3 : 5, nameTextStyle: { fontSize: size, align: 'left' }, scale: false, axisLabel: { fontSize: size, formatter: fmt } },
        series,
      },
      { replaceMerge: ['series'] },
    );
    this.draws++;
    this.dataset.draws = String(this.draws);
  }
}

/** Text for the tooltip's HTML (series names come from user-entered pin names). */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

customElements.define('cy-line-chart', CyLineChart);
