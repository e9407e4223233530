// <cy-zone-map>: the 12 zones drawn from their coordinates (SVG at the size it is shown,
// so its text is 14 px on any screen), rail corridors as lines between them, each zone
// coloured by the selected indicator's 2035 value or by its difference from the baseline,
// with a colour legend. Names are placed so that none covers another name or a dot.
// A zone is a button: click, Enter or Space selects it (event `area-select`).
import { LitElement, css, html, svg, nothing } from 'lit';
import type { AreaInfo, RailLine } from '../model-bridge/types.ts';
import { fitProjection, mapScale, orderAlongLine, outlierIndices } from '../lib/projection.ts';
import { placeLabels, type Box, type LabelAnchor } from '../lib/label-placement.ts';
import { formatDelta, formatFixed, t, withUnit, type Lang } from '../i18n/i18n.ts';
import { focusRing } from './focus-ring.ts';
import { memoByIdentity } from '../lib/memo.ts';

const RAIL_COLORS = ['#7c3aed', '#b45309', '#0f766e', '#be185d'];
/** Label text size in CSS pixels. */
const FONT = 14;
const DOT = 10;

let measureCtx: CanvasRenderingContext2D | null | undefined;
/** Width of `text` at the map's label size (an estimate where no canvas is available). */
function textWidth(text: string): number {
  measureCtx ??= typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  if (measureCtx) {
    measureCtx.font = `${FONT}px 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif`;
    return measureCtx.measureText(text).width;
  }
  return [...text].reduce((s, c) => s + (c.charCodeAt(0) > 0x2e80 ? FONT : FONT * 0.56), 0);
}

/** Zone map. */
export class CyZoneMap extends LitElement {
  static override properties = {
    zones: { attribute: false },
    rail: { attribute: false },
    values: { attribute: false },
    baseline: { attribute: false },
    selected: { type: String },
    kpiLabel: { type: String },
    unit: { type: String },
    deltaUnit: { type: String },
    digits: { type: Number },
    year: { type: Number },
    lang: { type: String },
    mode: { state: true },
    width: { state: true },
  };

  declare zones: AreaInfo[];
  declare rail: RailLine[];
  declare values: Record<string, number | undefined>;
  /** The baseline's values (for the difference mode). */
  declare baseline: Record<string, number | undefined>;
  declare selected: string;
  declare kpiLabel: string;
  declare unit: string;
  /** Unit of a difference (percentage points for a percentage); the value's unit when empty. */
  declare deltaUnit: string;
  declare digits: number;
  /** Year the values are read in (the headline year). */
  declare year: number;
  declare lang: Lang;
  /** Colour by the values or by their difference from the baseline. */
  declare mode: 'value' | 'diff';
  /** Drawn width in CSS pixels (the SVG is drawn at its shown size). */
  declare width: number;
  private resizeObserver: ResizeObserver | undefined;

  static override styles = [
    focusRing,
    css`
    :host { display: block; contain: content; }
    .head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0.3rem 0.8rem; }
    h2 { font-size: 1rem; margin: 0 0 0.3rem; }
    .modes { display: inline-flex; gap: 0.2rem; font-size: 0.8rem; }
    .modes button { font: inherit; padding: 0.1rem 0.5rem; border: 1px solid #9ca3af; background: #fff; border-radius: 4px; cursor: pointer; }
    .modes button[aria-pressed='true'] { background: #0b5394; border-color: #0b5394; color: #fff; }
    p { font-size: 0.8rem; color: #4a525c; margin: 0.2rem 0; }
    svg { display: block; width: 100%; height: auto; background: #fbfcfd; border: 1px solid #e3e6ea; border-radius: 6px; box-sizing: border-box; }
    .zone { cursor: pointer; }
    .zone:focus { outline: none; }
    /* Keyboard focus: a dark ring round the dot (≥ 3:1 on the map's background); hover a lighter one. */
    .zone:focus-visible circle { stroke: #0b2e59; stroke-width: 4; }
    .zone:hover circle { stroke: #4a525c; stroke-width: 3; }
    .zone.selected circle { stroke: #111; stroke-width: 3; }
    .zone.selected text { font-weight: 700; }
    text { font-size: ${FONT}px; pointer-events: none; }
    text.inset { fill: #4a525c; }
    /* A halo keeps a name readable where it crosses a rail line. */
    text.name { paint-order: stroke; stroke: #fbfcfd; stroke-width: 3px; stroke-linejoin: round; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; align-items: flex-start; font-size: 0.8rem; margin-top: 0.3rem; }
    .scale { min-width: 12rem; flex: 1 1 14rem; max-width: 22rem; }
    .bar { height: 0.7rem; border-radius: 2px; border: 1px solid #9ca3af; }
    .ticks { position: relative; height: 1.2rem; font-variant-numeric: tabular-nums; }
    .ticks span { position: absolute; top: 0.1rem; transform: translateX(-50%); white-space: nowrap; }
    .ticks span:first-child { transform: none; }
    .ticks span:last-child { transform: translateX(-100%); }
    .rails { display: flex; flex-wrap: wrap; gap: 0.2rem 0.8rem; }
    .swatch { display: inline-block; width: 1.2rem; height: 0.25rem; vertical-align: middle; margin-right: 0.25rem; }
  `,
  ];

  constructor() {
    super();
    this.zones = [];
    this.rail = [];
    this.values = {};
    this.baseline = {};
    this.selected = '';
    this.kpiLabel = '';
    this.unit = '';
    this.deltaUnit = '';
    this.digits = 0;
    this.year = 2035;
    this.lang = 'zh';
    this.mode = 'value';
    this.width = 520;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(([e]) => {
      // Not rounded: the SVG is drawn at exactly its shown width (1 user unit = 1 CSS pixel).
      const w = e.contentRect.width;
      if (w > 0 && Math.abs(w - this.width) >= 0.5) this.width = w;
    });
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }

  /** What colours the zones: their values, or their differences from the baseline. */
  private shown(id: string): number | undefined {
    const v = this.values[id];
    if (this.mode === 'value') return v;
    const b = this.baseline?.[id];
    return v === undefined || b === undefined ? undefined : v - b;
  }

  private valueText(v: number | undefined): string {
    const lang = this.lang;
    if (v === undefined) return '–';
    return this.mode === 'value' ? withUnit(formatFixed(lang, v, this.digits), this.unit) : withUnit(formatDelta(lang, v, this.digits, true), this.deltaUnit || this.unit);
  }

  // Where everything goes depends on the zones, the width and the language, not on the values: a lever move does not lay the map out again.
  private readonly layout = memoByIdentity((zones: AreaInfo[], width: number, lang: Lang) => {
    // The SVG's 1-pixel border is inside its width: draw at the width within it, so 14 px stay 14 px.
    const W = Math.max(280, width - 2);

    const placed = zones.filter((z) => z.lon !== undefined && z.lat !== undefined);
    const geo = placed.map((z) => ({ lon: z.lon as number, lat: z.lat as number }));
    const far = new Set(outlierIndices(geo));
    const names = placed.map((z) => shortLabel(z.label[lang]));
    const widths = names.map(textWidth);
    // Far zones sit in an inset box in the top-right corner, stacked; the caption above it.
    const farIdx = placed.map((_, i) => i).filter((i) => far.has(i));
    const insetCaption = t(lang, 'map.inset');
    const insetW = Math.ceil(Math.max(textWidth(insetCaption) + 8, ...farIdx.map((i) => widths[i] + 2 * DOT + 20)));
    const rowH = FONT + 2 * DOT;
    const inset: Box = { x: W - insetW - 8, y: FONT + 10, w: insetW, h: rowH * farIdx.length + 6 };
    const caption: Box = { x: inset.x, y: 4, w: insetW, h: FONT + 6 };
    // The inset takes a band across the top; the rest of the map is fitted below it.
    const band = farIdx.length ? inset.y + inset.h + 4 : 0;
    const H = band + Math.round(Math.min(520, Math.max(240, W * 0.62)));
    const margin = DOT + 8;
    const fit = fitProjection(geo.filter((_, i) => !far.has(i)), W, H - band, margin + FONT);
    const project = (p: { lon: number; lat: number }): [number, number] => {
      const [x, y] = fit(p);
      return [x, y + band];
    };
    const pos = new Map<string, [number, number]>();
    let k = 0;
    placed.forEach((z, i) => {
      pos.set(z.id, far.has(i) ? [inset.x + DOT + 8, inset.y + 3 + rowH * k++ + rowH / 2] : project(geo[i]));
    });
    const anchors: LabelAnchor[] = placed.map((z, i) => {
      const [x, y] = pos.get(z.id) as [number, number];
      return { x, y, r: DOT + 1, w: widths[i], h: FONT + 2 };
    });
    const obstacles = farIdx.length ? [inset, caption] : [];
    // Inset zones are labelled inside their box (to the right of the dot); the others avoid it.
    const mainIdx = placed.map((_, i) => i).filter((i) => !far.has(i));
    const mainPlaced = placeLabels(mainIdx.map((i) => anchors[i]), { x: 2, y: 2, w: W - 4, h: H - 4 }, obstacles);
    const labels = new Map<number, { box: Box; leader: boolean }>();
    mainIdx.forEach((i, j) => labels.set(i, mainPlaced[j]));
    farIdx.forEach((i) => {
      const a = anchors[i];
      labels.set(i, { box: { x: a.x + a.r + 4, y: a.y - a.h / 2, w: a.w, h: a.h }, leader: false });
    });
    return { W, H, placed, names, far, farIdx, inset, caption, insetCaption, pos, labels };
  });

  override render() {
    const lang = this.lang;
    const { W, H, placed, names, far, farIdx, inset, caption, insetCaption, pos, labels } = this.layout(this.zones, this.width, lang);
    const shownValues = placed.map((z) => this.shown(z.id)).filter((v): v is number => v !== undefined);
    const scale = mapScale(shownValues, this.mode);
    const color = scale?.color ?? (() => '#c7ccd3');
    const allZero = this.mode === 'diff' && shownValues.length > 0 && shownValues.every((v) => Math.abs(v) < 1e-9);
    return html`<div class="head">
        <h2 id="map-h">${t(lang, 'map.heading')}</h2>
        <span class="modes" role="group" aria-label=${t(lang, 'map.mode')}>
          ${(['value', 'diff'] as const).map(
            (m) => html`<button type="button" data-map-mode=${m} aria-pressed=${this.mode === m ? 'true' : 'false'} @click=${() => (this.mode = m)}>${t(lang, `map.mode.${m}`)}</button>`,
          )}
        </span>
      </div>
      <p>${t(lang, this.mode === 'value' ? 'map.caption' : 'map.captionDiff', { kpi: this.kpiLabel, year: this.year })}</p>
      <svg viewBox="0 0 ${W} ${H}" width=${W} height=${H} role="group" aria-labelledby="map-h">
        ${farIdx.length
          ? svg`<rect x=${inset.x} y=${inset.y} width=${inset.w} height=${inset.h} fill="none" stroke="#9ca3af" stroke-dasharray="4 3"></rect>
            <text x=${caption.x + 4} y=${caption.y + FONT} class="inset">${insetCaption}</text>`
          : ''}
        ${this.rail.map((line, i) => {
          const stops = line.stops.map((s) => pos.get(s)).filter((p): p is [number, number] => !!p);
          const pts = orderAlongLine(stops).map((i) => stops[i]);
          return svg`<polyline points=${pts.map((p) => p.join(',')).join(' ')} fill="none" stroke=${RAIL_COLORS[i % RAIL_COLORS.length]}
            stroke-width="3" stroke-dasharray=${i === 1 ? '8 4' : ''} stroke-linejoin="round" opacity="0.75"><title>${line.label[lang]}</title></polyline>`;
        })}
        ${placed.map((z, i) => {
          const [x, y] = pos.get(z.id) as [number, number];
          const v = this.shown(z.id);
          const label = `${z.label[lang]}: ${this.valueText(v)}`;
          const { box, leader } = labels.get(i) as { box: Box; leader: boolean };
          // The button's hit area covers the dot and its name.
          const hx = Math.min(x - DOT - 2, box.x);
          const hy = Math.min(y - DOT - 2, box.y);
          const hw = Math.max(x + DOT + 2, box.x + box.w) - hx;
          const hh = Math.max(y + DOT + 2, box.y + box.h) - hy;
          const cx = Math.max(box.x, Math.min(x, box.x + box.w));
          const cy = Math.max(box.y, Math.min(y, box.y + box.h));
          return svg`<g class="zone ${z.id === this.selected ? 'selected' : ''}" role="button" tabindex="0" aria-label=${label}
              aria-pressed=${z.id === this.selected ? 'true' : 'false'} data-zone=${z.id}
              @click=${() => this.select(z.id)} @keydown=${(e: KeyboardEvent) => this.onKey(e, z.id)}>
            <title>${label}</title>
            <rect x=${hx} y=${hy} width=${hw} height=${hh} fill="transparent"></rect>
            ${leader ? svg`<line x1=${x} y1=${y} x2=${cx} y2=${cy} stroke="#6b7280" stroke-width="1"></line>` : ''}
            <circle cx=${x} cy=${y} r=${DOT} fill=${color(v)} stroke="#374151" stroke-width="1"></circle>
            <text class="name" data-label=${z.id} x=${box.x} y=${box.y + box.h - 3} fill="#1b1f24">${names[i]}</text>
          </g>`;
        })}
      </svg>
      <div class="legend">
        ${scale ? this.renderScale(scale, allZero) : html`<span>${t(lang, 'map.noData')}</span>`}
        <div class="rails" aria-label=${t(lang, 'map.rail')}>
          ${this.rail.map((l, i) => html`<span><span class="swatch" style="background:${RAIL_COLORS[i % RAIL_COLORS.length]}"></span>${l.label[lang]}</span>`)}
        </div>
      </div>`;
  }

  /** The colour legend: a bar from the lowest to the highest value, with labelled ends and middle. */
  private renderScale(scale: NonNullable<ReturnType<typeof mapScale>>, allZero: boolean) {
    const lang = this.lang;
    const unit = this.mode === 'value' ? this.unit : this.deltaUnit || this.unit;
    const title = t(lang, this.mode === 'value' ? 'map.legend' : 'map.legendDiff', { kpi: this.kpiLabel, unit });
    if (allZero) return html`<div class="scale" id="map-legend"><span>${t(lang, 'map.noDiff')}</span></div>`;
    const num = (v: number) => (this.mode === 'value' ? formatFixed(lang, v, this.digits) : formatDelta(lang, v, this.digits, true));
    return html`<div class="scale" id="map-legend" role="img" aria-label=${`${title}: ${scale.ticks.map((x) => num(x.value)).join(' – ')}`}>
      <div>${title}${scale.log ? html`${lang === 'zh' ? '，' : ', '}${t(lang, 'map.legendLog')}` : nothing}</div>
      <div class="bar" style="background: linear-gradient(to right, ${scale.stops.join(', ')})"></div>
      <div class="ticks" aria-hidden="true">${scale.ticks.map((x) => html`<span style="left:${x.at * 100}%">${num(x.value)}</span>`)}</div>
    </div>`;
  }

  private onKey(e: KeyboardEvent, id: string): void {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.select(id);
    }
  }

  private select(id: string): void {
    this.dispatchEvent(new CustomEvent('area-select', { detail: id, bubbles: true, composed: true }));
  }
}

/** A zone's name without the words every zone shares ("高新区", "High-tech Zone"). */
function shortLabel(label: string): string {
  return label.replace(/(钒钛)?高新区$/, '').replace(/\s*(Vanadium-Titanium)?\s*(High-tech Zone)?$/i, '');
}

customElements.define('cy-zone-map', CyZoneMap);
