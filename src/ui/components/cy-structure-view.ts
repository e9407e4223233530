// <cy-structure-view>: "what drives this?" for teaching — the selected variable's causes
// and effects as a stock-and-flow / causal-loop diagram with link polarity and R/B loops,
// its definition (a stock as d(stock)/dt = inflows − outflows with its initial value, a
// lever input with the value the current scenario uses), its direct causes and effects,
// and the feedback loops through it; every variable is named in the page's language with
// its id as code. A searchable picker grouped by kind moves anywhere in the model.
import { LitElement, css, html, nothing } from 'lit';
import type { ParameterNote, StructureVariable } from '../model-bridge/types.ts';
import { causalGraph, cyclicVariables, loopKind, loopsThrough, neighbourhood, usedBy, type CausalLinks, type LinkSign } from '../lib/graph-loops.ts';
import { formatNumber, inParens, t, type Lang, type MessageKey } from '../i18n/i18n.ts';
import { unitLabel } from '../lib/unit-label.ts';
import { nameIndex, variableName } from '../lib/variable-names.ts';
import { LEVERS, type LeverFieldSpec } from '../../model/scenario/levers.ts';
import { leverConstants } from '../../model/scenario/scenario.ts';
import type { LeverSettings } from '../../model/scenario/lever-types.ts';
import { codeText } from './code-text.ts';
import { focusRing } from './focus-ring.ts';
import { memoByIdentity } from '../lib/memo.ts';
import type { DiagramData, DiagramKind, DiagramLoop } from './cy-structure-diagram.ts';
import './cy-structure-diagram.ts';

/** Picker groups in display order. */
const GROUPS: DiagramKind[] = ['stock', 'flow', 'aux', 'lever', 'parameter'];
/** Most variables the diagram draws per step. */
const MAX_PER_RANK = 8;
const SIGN_TEXT: Record<LinkSign, string> = { '+': '+', '-': '−', '?': '?' };

/** Lever input constants: name → the lever field behind it. */
const LEVER_FIELDS: ReadonlyMap<string, LeverFieldSpec> = new Map(LEVERS.flatMap((l) => l.fields.map((f) => [`lever_${l.id}_${f.field}`, f] as const)));

// One collator per language: localeCompare with a locale argument builds one per comparison,
// ~3 ms for the 269 names on every render (a lever move re-renders this view).
const collators = new Map<Lang, Intl.Collator>();
function collatorFor(lang: Lang): Intl.Collator {
  let c = collators.get(lang);
  if (!c) {
    c = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');
    collators.set(lang, c);
  }
  return c;
}

/** Structure explorer. Emits `structure-select` with a variable name. */
export class CyStructureView extends LitElement {
  static override properties = {
    variables: { attribute: false },
    levers: { attribute: false },
    selected: { type: String },
    lang: { type: String },
    depth: { state: true },
    query: { state: true },
    highlight: { state: true },
  };

  declare variables: StructureVariable[];
  /** The current scenario's lever settings (lever inputs show the values in use). */
  declare levers: LeverSettings | undefined;
  declare selected: string;
  declare lang: Lang;
  declare depth: number;
  declare query: string;
  declare highlight: number;
  private indexFor: StructureVariable[] | undefined;
  private byName = new Map<string, StructureVariable>();
  private links: CausalLinks = new Map();
  private outflows = new Map<string, string[]>();
  /** Variables on some feedback loop of the model. */
  private cyclic = new Set<string>();

  static override styles = [focusRing, css`
    :host { display: block; }
    h2 { font-size: 1rem; margin: 0 0 0.4rem; }
    h2 code { font-size: 0.8rem; color: #4a525c; font-weight: 400; margin-left: 0.4rem; }
    h3 { font-size: 0.9rem; margin: 0.7rem 0 0.25rem; }
    code, pre { font-family: ui-monospace, "Noto Sans Mono CJK SC", monospace; font-size: 0.8rem; }
    pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f3f4f6; padding: 0.4rem; border-radius: 4px; margin: 0.2rem 0; }
    .controls { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; margin-bottom: 0.4rem; }
    .controls label { display: flex; flex-direction: column; gap: 0.15rem; font-size: 0.8rem; color: #4a525c; }
    input[type=search], select { font: inherit; font-size: 0.9rem; max-width: 100%; min-height: 2rem; }
    input[type=search] { width: 14rem; max-width: 100%; }
    select { width: 22rem; }
    .depth { display: inline-flex; gap: 0; border: 0; padding: 0; margin: 0; }
    .depth legend { font-size: 0.8rem; color: #4a525c; padding: 0; margin-bottom: 0.15rem; }
    .depth button { font: inherit; font-size: 0.85rem; border: 1px solid #8a96a3; background: #fff; padding: 0.25rem 0.6rem; cursor: pointer; min-height: 2rem; }
    .depth button:first-of-type { border-radius: 4px 0 0 4px; }
    .depth button:last-of-type { border-radius: 0 4px 4px 0; border-left: 0; }
    .depth button[aria-pressed=true] { background: #1f4e79; color: #fff; border-color: #1f4e79; }
    .names { display: flex; flex-wrap: wrap; gap: 0.3rem; }
    button.v { font: inherit; font-size: 0.85rem; background: #eef4fb; border: 1px solid #b9cde6; border-radius: 4px; padding: 0.15rem 0.4rem; cursor: pointer; text-align: left; }
    button.v code { color: #4a525c; font-size: 0.72rem; margin-left: 0.3rem; }
    .sign { display: inline-block; min-width: 1.1em; font-weight: 700; text-align: center; margin-right: 0.15rem; }
    .sign[data-sign='+'] { color: #0b5394; }
    .sign[data-sign='-'] { color: #b3261e; }
    .sign[data-sign='?'] { color: #5b6470; }
    ol { padding-left: 1.3rem; margin: 0.2rem 0; }
    li { margin: 0.3rem 0; font-size: 0.85rem; line-height: 1.7; }
    .arrow { color: #6b7280; margin: 0 0.15rem; }
    .doc { font-size: 0.85rem; color: #303841; margin: 0.2rem 0; }
    .note { font-size: 0.78rem; color: #4a525c; margin: 0.3rem 0; }
    .def { font-size: 0.95rem; margin: 0.2rem 0; }
    .diagram { border: 1px solid #e1e5ea; border-radius: 6px; padding: 0.4rem; background: #fcfcfd; margin: 0.3rem 0; }
    .diagram-caption { font-size: 0.8rem; color: #4a525c; margin: 0 0 0.2rem; }
    button.loop { font: inherit; font-weight: 700; font-size: 0.8rem; border-radius: 999px; border: 1.5px solid currentColor; background: #fff; padding: 0 0.45rem; cursor: pointer; margin-right: 0.3rem; }
    button.loop[data-kind=R] { color: #2f6f3e; }
    button.loop[data-kind=B] { color: #8a4b08; }
    button.loop[data-kind='?'] { color: #5b6470; }
    button.loop[aria-pressed=true] { background: #fff3c4; }
    dl.param { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.6rem; font-size: 0.8rem; background: #fff8e6; border: 1px solid #f0d48a; border-radius: 4px; padding: 0.4rem; margin: 0.3rem 0; }
    dl.param dt { font-weight: 600; }
    dl.param dd { margin: 0; overflow-wrap: anywhere; }
    details.original { font-size: 0.8rem; color: #4a525c; }
    details.original summary { cursor: pointer; color: #0b5394; }
    @media (max-width: 759px) { select, input[type=search] { width: 100%; } .controls label { flex: 1 1 100%; } }
  `];

  constructor() {
    super();
    this.variables = [];
    this.levers = undefined;
    this.selected = '';
    this.lang = 'zh';
    this.depth = 1;
    this.query = '';
    this.highlight = -1;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('selected')) this.highlight = -1;
  }

  /** Indexes of the variables (rebuilt when the model's structure changes). */
  private index(): void {
    if (this.indexFor === this.variables) return;
    this.indexFor = this.variables;
    this.byName = new Map(this.variables.map((v) => [v.name, v]));
    // Causal inputs with their signs; a structure without them (not computed) counts every input as '?'.
    this.links = new Map(this.variables.map((v) => [v.name, v.links ?? Object.fromEntries(v.inputs.map((i) => [i, '?' as LinkSign]))]));
    this.outflows = new Map(this.variables.filter((v) => v.outflows).map((v) => [v.name, v.outflows!]));
    this.cyclic = cyclicVariables(causalGraph(this.links));
  }

  override render() {
    const lang = this.lang;
    this.index();
    const v = this.byName.get(this.selected);
    if (!v) return html``;
    // Loops and the neighbourhood depend on the variable and the depth only: a lever move (new
    // `levers`) re-renders the view without searching the graph again.
    const { loops, data, hidden, effects } = this.diagramMemo(this.variables, v.name, this.depth, this.lang);
    const causes = Object.keys(this.links.get(v.name) ?? {});
    const kind = this.kindOf(v);
    return html`<section aria-labelledby="structure-h">
      <h2 id="structure-h">${t(lang, 'structure.heading', { variable: this.nameOf(v.name) })}<code>${v.name}</code></h2>
      ${this.renderControls(v)}
      ${v.doc ? html`<div class="doc">${this.modelProse(v.doc)}</div>` : ''}
      ${this.renderDiagram(data, loops, hidden)}
      <h3>${t(lang, 'structure.equation')}${lang === 'zh' ? '（' : ' ('}${this.kindWord(kind)}${v.units ? html`${lang === 'zh' ? '，' : ', '}${this.unitText(v.units)}` : ''}${lang === 'zh' ? '）' : ')'}</h3>
      ${this.renderDefinition(v, kind)}
      ${v.parameter ? this.renderParameter(v.parameter) : ''}
      <h3>${t(lang, 'structure.inputs')}</h3>
      <div class="names" id="structure-inputs">${causes.map((n) => this.nameButton(n, this.links.get(v.name)?.[n]))}</div>
      <h3>${t(lang, 'structure.usedBy')}</h3>
      <div class="names" id="structure-effects">${effects.map((n) => this.nameButton(n, this.links.get(n)?.[v.name]))}</div>
      <h3>${t(lang, 'structure.loops')}</h3>
      ${loops.length === 0
        ? html`<p class="doc">${t(lang, 'structure.noLoops')}</p>`
        : html`<ol id="structure-loops">
            ${loops.map((l, i) => html`<li data-kind=${l.kind}>${this.loopButton(l, i)}${l.names.map((n, j) => html`${j > 0 ? html`<span class="arrow">→</span>` : ''}${this.nameButton(n)}`)}<span class="arrow">→</span>${this.nameOf(l.names[0])}
                ${inParens(lang, [t(lang, `structure.loopKind.${l.kind}` as MessageKey), t(lang, 'structure.loopLength', { n: l.names.length }), ...(l.shown ? [] : [t(lang, 'structure.loopOutside')])].join(lang === 'zh' ? '，' : ', '))}</li>`)}
          </ol>`}
    </section>`;
  }

  private renderControls(v: StructureVariable) {
    const lang = this.lang;
    const q = this.query.trim().toLowerCase();
    const match = (x: StructureVariable) => !q || x.name.toLowerCase().includes(q) || !!x.label?.zh.toLowerCase().includes(q) || !!x.label?.en.toLowerCase().includes(q);
    const shown = this.variables.filter((x) => x === v || match(x));
    const groups = GROUPS.map((g) => ({ g, items: shown.filter((x) => this.kindOf(x) === g).sort((a, b) => collatorFor(lang).compare(this.nameOf(a.name), this.nameOf(b.name))) }));
    const matches = shown.filter((x) => x !== v || match(x)).length;
    return html`<div class="controls">
        <label>${t(lang, 'structure.search')}
          <input type="search" id="structure-search" .value=${this.query} placeholder=${t(lang, 'structure.searchHint')}
            @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} /></label>
        <label>${t(lang, 'structure.pick')}
          <select id="structure-pick" @change=${(e: Event) => this.pick((e.target as HTMLSelectElement).value)}>
            ${groups.filter((x) => x.items.length).map((x) => html`<optgroup label=${t(lang, `structure.group.${x.g}` as MessageKey)}>
              ${x.items.map((o) => html`<option value=${o.name} ?selected=${o.name === v.name}>${this.nameOf(o.name)}</option>`)}
            </optgroup>`)}
          </select></label>
        <fieldset class="depth"><legend>${t(lang, 'structure.depth')}</legend>
          ${[1, 2].map((d) => html`<button type="button" id="structure-depth-${d}" aria-pressed=${this.depth === d ? 'true' : 'false'} @click=${() => (this.depth = d)}>${t(lang, d === 1 ? 'structure.depth1' : 'structure.depth2')}</button>`)}
        </fieldset>
      </div>
      ${q && matches === 0 ? html`<p class="note" role="status">${t(lang, 'structure.noMatch', { q: this.query.trim() })}</p>` : nothing}`;
  }

  /** The diagram's data, the loops through the centre and its effects, for one variable at one depth. */
  private readonly diagramMemo = memoByIdentity((_variables: StructureVariable[], centre: string, depth: number, _lang: Lang) => {
    const graph = causalGraph(this.links);
    const loops = this.loopLabels(loopsThrough(graph, centre));
    const hood = neighbourhood(this.links, centre, {
      depth,
      maxPerRank: MAX_PER_RANK,
      // Constants, and variables on no feedback loop at all (the regional totals), come last when a step is full.
      minor: (n) => ['parameter', 'lever'].includes(this.kindOf(this.byName.get(n))) || !this.cyclic.has(n),
      outflowsOf: (s) => this.outflows.get(s) ?? [],
    });
    const shownLoops = new Set(hood.loops.map((l) => l.join('>')));
    loops.forEach((l) => (l.shown = shownLoops.has(l.names.join('>'))));
    const data: DiagramData = {
      centre,
      hood,
      loops: loops.filter((l) => l.shown),
      label: (n) => this.nameOf(n),
      tip: (n) => {
        const x = this.byName.get(n);
        return `${x?.label ? `${x.label.zh} · ${x.label.en} · ` : ''}${n}`;
      },
      kind: (n) => this.kindOf(this.byName.get(n)),
      pipe: (from, to) => {
        if (this.byName.get(to)?.inflows?.includes(from)) return 'in';
        if (this.byName.get(to)?.outflows?.includes(from)) return 'out';
        return undefined;
      },
    };
    return { loops, data, hidden: hood.hidden.size > 0, effects: usedBy(graph, centre) };
  });

  private renderDiagram(data: DiagramData, loops: (DiagramLoop & { shown: boolean })[], hidden: boolean) {
    const strong = this.highlight >= 0 ? data.loops.indexOf(loops[this.highlight]) : -1;
    return html`<div class="diagram" id="structure-diagram">
      <p class="diagram-caption">${t(this.lang, 'structure.diagram')}</p>
      <cy-structure-diagram .data=${data} highlight=${strong} lang=${this.lang}></cy-structure-diagram>
      ${hidden ? html`<p class="note">${t(this.lang, 'structure.hidden', { n: MAX_PER_RANK })}</p>` : nothing}
      <p class="note">${t(this.lang, 'structure.legend')}</p>
      <p class="note">${t(this.lang, 'structure.polarityNote')}</p>
    </div>`;
  }

  /** The loops through the variable, labelled R1, B1, … by kind in list order. */
  private loopLabels(loops: string[][]): (DiagramLoop & { shown: boolean })[] {
    const count: Record<string, number> = {};
    return loops.map((names) => {
      const kind = loopKind(this.links, names);
      count[kind] = (count[kind] ?? 0) + 1;
      return { names, kind, label: `${kind}${count[kind]}`, shown: false };
    });
  }

  private loopButton(l: DiagramLoop & { shown: boolean }, i: number) {
    if (!l.shown) return html`<span class="loop-label">${l.label}</span> `;
    return html`<button type="button" class="loop" data-kind=${l.kind} aria-pressed=${this.highlight === i ? 'true' : 'false'}
      aria-label=${t(this.lang, 'structure.loopHighlight', { loop: l.label })}
      @click=${() => (this.highlight = this.highlight === i ? -1 : i)}>${l.label}</button>`;
  }

  /** A stock as its rate of change and initial value; a lever input with its value in use; anything else as its equation. */
  private renderDefinition(v: StructureVariable, kind: DiagramKind) {
    const lang = this.lang;
    if (v.inflows || v.outflows) {
      const terms = (ids: (n: string) => unknown) => [
        ...(v.inflows ?? []).map((n, i) => html`${i > 0 ? ' + ' : ''}${ids(n)}`),
        ...(v.outflows ?? []).map((n) => html` − ${ids(n)}`),
      ];
      const initialUses = v.inputs.filter((n) => !(v.inflows ?? []).includes(n) && !(v.outflows ?? []).includes(n));
      return html`<p class="def" id="structure-rate">${t(lang, 'structure.rate')}${lang === 'zh' ? '：' : ': '}<code>d(</code>${this.nameOf(v.name)}<code>)/dt</code> = ${terms((n) => this.nameOf(n))}</p>
        <pre>d(${v.name})/dt = ${terms((n) => n)}</pre>
        <p class="def">${t(lang, 'structure.initial')}${lang === 'zh' ? '：' : ': '}</p>
        <pre id="structure-initial">${v.name}(t₀) = ${v.equation}</pre>
        ${initialUses.length ? html`<p class="note">${t(lang, 'structure.initialUses')} ${initialUses.map((n) => this.nameButton(n))}</p>` : nothing}`;
    }
    if (kind === 'lever') {
      const f = LEVER_FIELDS.get(v.name)!;
      const inUse = this.levers ? leverConstants(this.levers)[v.name] : f.default;
      const f4 = (x: number) => formatNumber(lang, x, 4);
      return html`<dl class="param" id="structure-lever">
          <dt>${t(lang, 'structure.inUse')}</dt><dd id="structure-in-use">${f4(inUse)} ${f.unit[lang]}</dd>
          <dt>${t(lang, 'structure.default')}</dt><dd>${f4(f.default)}</dd>
          <dt>${t(lang, 'levers.range')}</dt><dd>${f4(f.min)} – ${f4(f.max)}</dd>
        </dl>
        <pre>${v.name} = ${inUse}</pre>`;
    }
    return html`<pre>${v.name} = ${v.equation}</pre>`;
  }

  private renderParameter(p: ParameterNote) {
    const lang = this.lang;
    const f = (x: number) => formatNumber(lang, x, 4);
    const value = Array.isArray(p.value) ? `${f(p.value[0])} – ${f(p.value[1])}${inParens(lang, t(lang, 'structure.perNode'))}` : f(p.value);
    return html`<dl class="param" id="structure-parameter">
      <dt>${t(lang, 'structure.value')}</dt><dd>${value} ${this.unitText(p.unit)}</dd>
      <dt>${t(lang, 'structure.plausible')}</dt><dd>${f(p.range[0])} – ${f(p.range[1])}</dd>
      <dt>${t(lang, `provenance.${p.provenance.kind}`)}</dt><dd>${this.modelProse(p.provenance.text)}</dd>
    </dl>`;
  }

  /** A variable as a button: its sign on the link (when given), its name, its id as code. */
  private nameButton(n: string, sign?: LinkSign) {
    return html`<button type="button" class="v" data-var=${n} @click=${() => this.pick(n)}
      title=${sign ? t(this.lang, `structure.sign.${sign}` as MessageKey) : nothing}>${sign ? html`<span class="sign" data-sign=${sign}>${SIGN_TEXT[sign]}</span>` : nothing}${this.nameOf(n)}<code>${n}</code></button>`;
  }

  /** A variable's name in the page's language (its id when the model gives none). */
  private nameOf(n: string): string {
    return variableName(nameIndex(this.variables), n, this.lang) ?? n;
  }

  private kindOf(v: StructureVariable | undefined): DiagramKind {
    if (!v) return 'aux';
    if (v.parameter) return 'parameter';
    if (LEVER_FIELDS.has(v.name)) return 'lever';
    return v.kind === 'stock' || v.kind === 'flow' ? v.kind : 'aux';
  }

  private kindWord(kind: DiagramKind): string {
    return t(this.lang, `structure.kind.${kind}` as MessageKey);
  }

  /** A unit in the interface's words ("亿元/年"), or as code when a part has no word. */
  private unitText(units: string) {
    const words = unitLabel(units, this.lang);
    return words === undefined ? html`<code>${units}</code>` : words;
  }

  /**
   * Text the model has in English only (variable notes, sources): in English as it is; in
   * 中文 a note saying so, with the original one click away (marked lang="en").
   */
  private modelProse(text: string) {
    // The sources quote amounts in 亿元; English readers get the page's own words for it.
    if (this.lang === 'en') return codeText(text.replace(/亿元/g, 'CNY 100 m'));
    return html`${t(this.lang, 'structure.noZh')}
      <details class="original" data-original><summary>${t(this.lang, 'structure.original')}</summary><span lang="en">${codeText(text)}</span></details>`;
  }

  private pick(name: string): void {
    this.query = '';
    this.dispatchEvent(new CustomEvent('structure-select', { detail: name, bubbles: true, composed: true }));
  }
}

customElements.define('cy-structure-view', CyStructureView);
