// <cy-zone-map>: the 12 zones drawn from their coordinates (SVG), rail corridors as
// lines between them, each zone coloured by the selected indicator's 2035 value.
// A zone is a button: click, Enter or Space selects it (event `area-select`).
import { LitElement, css, html, svg } from 'lit';
import type { AreaInfo, RailLine } from '../model-bridge/types.ts';
import { colorScale, fitProjection, orderAlongLine, outlierIndices } from '../lib/projection.ts';
import { formatFixed, t, type Lang } from '../i18n/i18n.ts';

const W = 520;
const H = 400;
const INSET = { x: W - 162, y: 22 };
const RAIL_COLORS = ['#7c3aed', '#b45309', '#0f766e', '#be185d'];

/** Zone map. */
export class CyZoneMap extends LitElement {
  static override properties = {
    zones: { attribute: false },
    rail: { attribute: false },
    values: { attribute: false },
    selected: { type: String },
    kpiLabel: { type: String },
    unit: { type: String },
    digits: { type: Number },
    year: { type: Number },
    lang: { type: String },
  };

  declare zones: AreaInfo[];
  declare rail: RailLine[];
  declare values: Record<string, number | undefined>;
  declare selected: string;
  declare kpiLabel: string;
  declare unit: string;
  declare digits: number;
  /** Year the values are read in (the headline year). */
  declare year: number;
  declare lang: Lang;

  static override styles = css`
    :host { display: block; contain: content; }
    h2 { font-size: 1rem; margin: 0 0 0.3rem; }
    p { font-size: 0.8rem; color: #4a525c; margin: 0.2rem 0; }
    svg { width: 100%; height: auto; background: #fbfcfd; border: 1px solid #e3e6ea; border-radius: 6px; }
    .zone { cursor: pointer; }
    .zone:focus { outline: none; }
    /* Keyboard focus: a dark ring round the dot (≥ 3:1 on the map's background); hover a lighter one. */
    .zone:focus-visible circle { stroke: #0b2e59; stroke-width: 4; }
    .zone:hover circle { stroke: #4a525c; stroke-width: 3; }
    .zone.selected circle { stroke: #111; stroke-width: 3; }
    text { font-size: 12px; pointer-events: none; }
    text.inset { font-size: 10px; fill: #6b7280; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.8rem; font-size: 0.75rem; }
    .swatch { display: inline-block; width: 1.2rem; height: 0.25rem; vertical-align: middle; margin-right: 0.25rem; }
  `;

  constructor() {
    super();
    this.zones = [];
    this.rail = [];
    this.values = {};
    this.selected = '';
    this.kpiLabel = '';
    this.unit = '';
    this.digits = 0;
    this.year = 2035;
    this.lang = 'zh';
  }

  override render() {
    const lang = this.lang;
    const placed = this.zones.filter((z) => z.lon !== undefined && z.lat !== undefined);
    const geo = placed.map((z) => ({ lon: z.lon as number, lat: z.lat as number }));
    const far = new Set(outlierIndices(geo));
    const project = fitProjection(geo.filter((_, i) => !far.has(i)), W, H, 44);
    const pos = new Map<string, [number, number]>();
    let k = 0;
    placed.forEach((z, i) => {
      // Far zones sit in an inset box in the bottom-left corner, stacked.
      pos.set(z.id, far.has(i) ? [INSET.x + 22, INSET.y + 24 + 40 * k++] : project(geo[i]));
    });
    const insetH = 40 * k + 16;
    const color = colorScale(placed.map((z) => this.values[z.id]).filter((v): v is number => v !== undefined));
    return html`<h2 id="map-h">${t(lang, 'map.heading')}</h2>
      <p>${t(lang, 'map.caption', { kpi: this.kpiLabel, year: this.year })}</p>
      <svg viewBox="0 0 ${W} ${H}" role="group" aria-labelledby="map-h">
        ${k > 0 ? svg`<rect x=${INSET.x} y=${INSET.y} width="150" height=${insetH} fill="none" stroke="#9ca3af" stroke-dasharray="4 3"></rect>
          <text x=${INSET.x + 4} y=${INSET.y - 4} class="inset">${t(lang, 'map.inset')}</text>` : ''}
        ${this.rail.map((line, i) => {
          const stops = line.stops.map((s) => pos.get(s)).filter((p): p is [number, number] => !!p);
          const pts = orderAlongLine(stops).map((i) => stops[i]);
          return svg`<polyline points=${pts.map((p) => p.join(',')).join(' ')} fill="none" stroke=${RAIL_COLORS[i % RAIL_COLORS.length]}
            stroke-width="3" stroke-dasharray=${i === 1 ? '8 4' : ''} stroke-linejoin="round" opacity="0.75"><title>${line.label[lang]}</title></polyline>`;
        })}
        ${placed.map((z) => {
          const [x, y] = pos.get(z.id) as [number, number];
          const v = this.values[z.id];
          const fill = color(v);
          const valueText = v === undefined ? '–' : `${formatFixed(lang, v, this.digits)} ${this.unit}`;
          const label = `${z.label[lang]}: ${valueText}`;
          const name = shortLabel(z.label[lang]);
          return svg`<g class="zone ${z.id === this.selected ? 'selected' : ''}" role="button" tabindex="0" aria-label=${label}
              aria-pressed=${z.id === this.selected ? 'true' : 'false'} data-zone=${z.id}
              @click=${() => this.select(z.id)} @keydown=${(e: KeyboardEvent) => this.onKey(e, z.id)}>
            <title>${label}</title>
            <rect x=${x - 13} y=${y - 13} width=${30 + 13 * name.length} height="26" fill="transparent"></rect>
            <circle cx=${x} cy=${y} r="11" fill=${fill} stroke="#374151" stroke-width="1"></circle>
            <text x=${x + 14} y=${y + 4} fill="#1b1f24">${name}</text>
          </g>`;
        })}
      </svg>
      <div class="legend" aria-label=${t(lang, 'map.rail')}>
        ${this.rail.map((l, i) => html`<span><span class="swatch" style="background:${RAIL_COLORS[i % RAIL_COLORS.length]}"></span>${l.label[lang]}</span>`)}
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
