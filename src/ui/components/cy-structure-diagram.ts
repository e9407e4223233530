// <cy-structure-diagram>: the teaching diagram of one variable's neighbourhood, drawn as SVG
// by hand (a layered layout of a few dozen boxes needs no layout library, and none would know
// stock-and-flow notation): causes to the left (above on a phone), effects to the right
// (below), stocks as boxes, flows as valves joined to their stocks by pipes, information
// links as arrows marked + / − / ?, and the feedback loops through the centre marked R or B.
// Every variable is a button that moves the view there. Emits `structure-select`.
import { LitElement, css, html, svg, nothing } from 'lit';
import { boxExit, layoutDiagram, type DiagramLayout, type NodeBox } from '../lib/structure-layout.ts';
import type { Neighbourhood } from '../lib/graph-loops.ts';
import type { Lang } from '../i18n/i18n.ts';
import { focusRing } from './focus-ring.ts';

/** How a variable is drawn. */
export type DiagramKind = 'stock' | 'flow' | 'aux' | 'parameter' | 'lever';

/** A loop to mark: its variables in causal order and its label ("B1"). */
export interface DiagramLoop {
  names: string[];
  label: string;
  kind: 'R' | 'B' | '?';
}

/** Everything the diagram draws. */
export interface DiagramData {
  centre: string;
  hood: Neighbourhood;
  loops: DiagramLoop[];
  /** Name shown for a variable in the page's language. */
  label(name: string): string;
  /** Tooltip of a variable (both names and the id). */
  tip(name: string): string;
  kind(name: string): DiagramKind;
  /** Whether the link from → to is a pipe (a flow into or out of a stock). */
  pipe(from: string, to: string): 'in' | 'out' | undefined;
}

const SIGN_TEXT = { '+': '+', '-': '−', '?': '?' } as const;
const SIGN_COLOR = { '+': '#0b5394', '-': '#b3261e', '?': '#5b6470' } as const;

/** The neighbourhood diagram. */
export class CyStructureDiagram extends LitElement {
  static override properties = {
    data: { attribute: false },
    highlight: { type: Number },
    lang: { type: String },
    width: { state: true },
  };

  declare data: DiagramData | undefined;
  /** Index of the loop drawn strongly (−1: none). */
  declare highlight: number;
  declare lang: Lang;
  declare width: number;
  private observer: ResizeObserver | undefined;

  static override styles = [focusRing, css`
    :host { display: block; }
    svg { display: block; overflow: visible; font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
    g.node { cursor: pointer; }
    g.node:focus { outline: none; }
    g.node:focus-visible rect.frame { stroke: #b45309; stroke-width: 3; }
    g.node:hover rect.frame { stroke-width: 2.5; }
    text { fill: #1d2630; }
    .faded { opacity: 0.25; }
  `];

  constructor() {
    super();
    this.data = undefined;
    this.highlight = -1;
    this.lang = 'zh';
    this.width = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0].contentRect.width);
      if (Math.abs(w - this.width) >= 4) this.width = w;
    });
    this.observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
  }

  override render() {
    const d = this.data;
    if (!d || this.width < 40) return html`<div style="min-height:4rem"></div>`;
    const narrow = this.width < 640;
    const fontPx = narrow ? 13 : this.width >= 900 ? 15 : 14;
    const layout = layoutDiagram(
      d.hood.nodes.map((n) => ({ name: n.name, rank: n.rank, label: d.label(n.name) })),
      { width: this.width, fontPx, orientation: narrow ? 'v' : 'h' },
    );
    const strong = this.highlight >= 0 ? d.loops[this.highlight] : undefined;
    const inLoop = (from: string, to: string) => {
      if (!strong) return true;
      const i = strong.names.indexOf(from);
      return i >= 0 && strong.names[(i + 1) % strong.names.length] === to;
    };
    return html`<svg width=${layout.width} height=${layout.height} viewBox="0 0 ${layout.width} ${layout.height}" role="group"
      aria-label=${d.label(d.centre)}>
      <defs>
        ${(['+', '-', '?'] as const).map((s) => svg`<marker id="arrow-${s === '+' ? 'p' : s === '-' ? 'n' : 'u'}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill=${SIGN_COLOR[s]}></path></marker>`)}
        <marker id="arrow-pipe" viewBox="0 0 10 10" refX="6" refY="5" markerWidth="3.2" markerHeight="3.2" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#6f97c6"></path></marker>
      </defs>
      ${d.hood.edges.map((e) => this.edge(layout, e, d, !inLoop(e.from, e.to), fontPx))}
      ${d.hood.nodes.map((n) => this.node(layout.boxes.get(n.name)!, d, n.name === d.centre, fontPx, strong ? !strong.names.includes(n.name) : false))}
      ${d.loops.map((l, i) => this.loopMark(layout, l, fontPx, this.highlight >= 0 && i !== this.highlight))}
    </svg>`;
  }

  private edge(layout: DiagramLayout, e: Neighbourhood['edges'][number], d: DiagramData, faded: boolean, fontPx: number) {
    const a = layout.boxes.get(e.from)!;
    const b = layout.boxes.get(e.to)!;
    const pipe = d.pipe(e.from, e.to);
    // A pipe runs in the direction the material moves: into the stock, or out of it into its outflow.
    const [p, q] = pipe === 'out' ? [b, a] : [a, b];
    const ax = p.x + p.w / 2;
    const ay = p.y + p.h / 2;
    const bx = q.x + q.w / 2;
    const by = q.y + q.h / 2;
    const reverse = d.hood.edges.some((x) => x.from === e.to && x.to === e.from);
    const sameRow = Math.abs(ay - by) < 2 || Math.abs(ax - bx) < 2;
    const len = Math.hypot(bx - ax, by - ay) || 1;
    // Bend to the left of the direction of travel when the reverse link exists (the two arcs part), or between neighbours in one line.
    const bend = pipe ? 0 : reverse ? 28 : sameRow && len > 1.5 * Math.max(a.w, a.h) ? 46 : 0;
    const mx = (ax + bx) / 2 + (bend * (by - ay)) / len;
    const my = (ay + by) / 2 - (bend * (bx - ax)) / len;
    const [sx, sy] = boxExit(p, mx, my, pipe ? 1 : 3);
    const [tx, ty] = boxExit(q, mx, my, pipe ? 6 : 4);
    const path = `M${sx.toFixed(1)},${sy.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${tx.toFixed(1)},${ty.toFixed(1)}`;
    // The sign sits near the head of a link, and half-way along a pipe.
    const t = pipe ? 0.5 : 0.72;
    const lx = (1 - t) ** 2 * sx + 2 * (1 - t) * t * mx + t * t * tx;
    const ly = (1 - t) ** 2 * sy + 2 * (1 - t) * t * my + t * t * ty;
    const r = Math.round(fontPx * 0.62);
    const marker = pipe ? 'arrow-pipe' : e.sign === '+' ? 'arrow-p' : e.sign === '-' ? 'arrow-n' : 'arrow-u';
    return svg`<g class=${faded ? 'faded' : ''} data-link="${e.from}>${e.to}" data-sign=${e.sign}>
      ${pipe
        ? svg`<path d=${path} fill="none" stroke="#6f97c6" stroke-width="7" marker-end="url(#${marker})"></path>
              <path d=${path} fill="none" stroke="#fff" stroke-width="2.5"></path>`
        : svg`<path d=${path} fill="none" stroke=${SIGN_COLOR[e.sign]} stroke-width="1.6" stroke-dasharray=${e.sign === '?' ? '5 4' : nothing} marker-end="url(#${marker})"></path>`}
      <circle cx=${lx} cy=${ly} r=${r} fill="#fff" stroke=${SIGN_COLOR[e.sign]} stroke-width="1.3"></circle>
      <text x=${lx} y=${ly} dy="0.36em" text-anchor="middle" font-size=${fontPx} font-weight="700" style="fill:${SIGN_COLOR[e.sign]}">${SIGN_TEXT[e.sign]}</text>
    </g>`;
  }

  private node(b: NodeBox, d: DiagramData, centre: boolean, fontPx: number, faded: boolean) {
    const kind = d.kind(b.name);
    const lineH = Math.round(fontPx * 1.3);
    const style = {
      stock: { fill: '#e6eef8', stroke: '#1f4e79', width: 2, rx: 1, dash: '' },
      flow: { fill: '#ffffff', stroke: '#5b8fc7', width: 1.5, rx: b.h / 2, dash: '' },
      aux: { fill: '#ffffff', stroke: '#98a2ad', width: 1, rx: 6, dash: '' },
      parameter: { fill: '#f7f8fa', stroke: '#98a2ad', width: 1, rx: 6, dash: '4 3' },
      lever: { fill: '#fff4e0', stroke: '#b7791f', width: 1.5, rx: 6, dash: '4 3' },
    }[kind];
    const vx = b.x + b.w / 2;
    return svg`<g class="node ${faded ? 'faded' : ''}" role="button" tabindex="0" data-var=${b.name} data-kind=${kind} aria-label=${d.tip(b.name)}
        @click=${() => this.pick(b.name)} @keydown=${(e: KeyboardEvent) => this.key(e, b.name)}>
      <title>${d.tip(b.name)}</title>
      <rect class="frame" x=${b.x} y=${b.y} width=${b.w} height=${b.h} rx=${style.rx} fill=${style.fill} stroke=${style.stroke}
        stroke-width=${centre ? style.width + 1.5 : style.width} stroke-dasharray=${style.dash || nothing}></rect>
      ${kind === 'flow'
        ? svg`<path d="M${vx - 8},${b.y - 7} L${vx + 8},${b.y + 1} L${vx + 8},${b.y - 7} L${vx - 8},${b.y + 1} Z" fill="#5b8fc7"></path>`
        : nothing}
      ${b.lines.map((l, i) => svg`<text x=${vx} y=${b.y + 7 + lineH * (i + 0.5)} dy="0.35em" text-anchor="middle" font-size=${fontPx} font-weight=${centre ? 700 : 400}>${l}</text>`)}
    </g>`;
  }

  private loopMark(layout: DiagramLayout, l: DiagramLoop, fontPx: number, faded: boolean) {
    const centres = l.names.map((n) => layout.boxes.get(n)!).map((b) => [b.x + b.w / 2, b.y + b.h / 2]);
    let x = centres.reduce((s, c) => s + c[0], 0) / centres.length;
    let y = centres.reduce((s, c) => s + c[1], 0) / centres.length;
    const r = Math.round(fontPx * 1.05);
    // Off any box it would cover: nudge down, then up.
    const hits = (px: number, py: number) => [...layout.boxes.values()].some((b) => px + r > b.x && px - r < b.x + b.w && py + r > b.y && py - r < b.y + b.h);
    for (let k = 1; k < 12 && hits(x, y); k++) y += (k % 2 ? 1 : -1) * k * (r * 0.9);
    x = Math.max(r + 2, Math.min(layout.width - r - 2, x));
    const color = l.kind === 'R' ? '#2f6f3e' : l.kind === 'B' ? '#8a4b08' : '#5b6470';
    // A circular arrow (three quarters of a circle) around the loop's label.
    const a0 = -Math.PI * 0.35;
    const a1 = a0 + Math.PI * 1.6;
    const arc = `M${x + r * Math.cos(a0)},${y + r * Math.sin(a0)} A${r},${r} 0 1 1 ${x + r * Math.cos(a1)},${y + r * Math.sin(a1)}`;
    return svg`<g class="loop ${faded ? 'faded' : ''}" data-loop=${l.label}>
      <circle cx=${x} cy=${y} r=${r} fill="#fff" opacity="0.9"></circle>
      <path d=${arc} fill="none" stroke=${color} stroke-width="2" marker-end="url(#arrow-u)"></path>
      <text x=${x} y=${y} dy="0.35em" text-anchor="middle" font-size=${Math.round(fontPx * 0.85)} font-weight="700" style="fill:${color}">${l.label}</text>
    </g>`;
  }

  private key(e: KeyboardEvent, name: string): void {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    this.pick(name);
  }

  private pick(name: string): void {
    this.dispatchEvent(new CustomEvent('structure-select', { detail: name, bubbles: true, composed: true }));
  }
}

customElements.define('cy-structure-diagram', CyStructureDiagram);
