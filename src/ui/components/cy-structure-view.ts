// <cy-structure-view>: "what drives this?" for teaching — the selected variable's
// equation, its direct inputs, what it feeds, and the feedback loops through it, all
// generated from the model's dependency graph. Every name is a button that moves there.
import { LitElement, css, html } from 'lit';
import type { ParameterNote, StructureVariable } from '../model-bridge/types.ts';
import { loopsThrough, usedBy, type DependencyGraph } from '../lib/graph-loops.ts';
import { formatNumber, inParens, t, type Lang, type MessageKey } from '../i18n/i18n.ts';
import { unitLabel } from '../lib/unit-label.ts';
import { codeText } from './code-text.ts';
import { focusRing } from './focus-ring.ts';

/** Variable kinds with words in the interface. */
const KINDS = ['stock', 'flow', 'aux'];

/** Structure explorer. Emits `structure-select` with a variable name. */
export class CyStructureView extends LitElement {
  static override properties = {
    variables: { attribute: false },
    selected: { type: String },
    lang: { type: String },
  };

  declare variables: StructureVariable[];
  declare selected: string;
  declare lang: Lang;
  private graphFor: StructureVariable[] | undefined;
  private graph: DependencyGraph = { inputs: new Map() };

  static override styles = [focusRing, css`
    :host { display: block; }
    h2 { font-size: 1rem; margin: 0 0 0.4rem; }
    h3 { font-size: 0.85rem; margin: 0.6rem 0 0.2rem; }
    code, pre { font-family: ui-monospace, "Noto Sans Mono CJK SC", monospace; font-size: 0.8rem; }
    pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f3f4f6; padding: 0.4rem; border-radius: 4px; margin: 0.2rem 0; }
    .names { display: flex; flex-wrap: wrap; gap: 0.3rem; }
    button.v { font: inherit; font-size: 0.8rem; background: #eef4fb; border: 1px solid #b9cde6; border-radius: 4px; padding: 0.05rem 0.35rem; cursor: pointer; }
    ol { padding-left: 1.3rem; margin: 0.2rem 0; }
    li { margin: 0.2rem 0; font-size: 0.8rem; }
    .arrow { color: #6b7280; margin: 0 0.15rem; }
    .doc { font-size: 0.85rem; color: #303841; margin: 0.2rem 0; }
    label { font-size: 0.8rem; color: #4a525c; }
    dl.param { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.6rem; font-size: 0.8rem; background: #fff8e6; border: 1px solid #f0d48a; border-radius: 4px; padding: 0.4rem; margin: 0.3rem 0; }
    dl.param dt { font-weight: 600; }
    dl.param dd { margin: 0; overflow-wrap: anywhere; }
    select { font: inherit; font-size: 0.85rem; max-width: 100%; }
    details.original { font-size: 0.8rem; color: #4a525c; }
    details.original summary { cursor: pointer; color: #0b5394; }
  `];

  constructor() {
    super();
    this.variables = [];
    this.selected = '';
    this.lang = 'zh';
  }

  override render() {
    const lang = this.lang;
    if (this.graphFor !== this.variables) {
      this.graphFor = this.variables;
      this.graph = { inputs: new Map(this.variables.map((v) => [v.name, v.inputs])) };
    }
    const v = this.variables.find((x) => x.name === this.selected);
    if (!v) return html``;
    const loops = loopsThrough(this.graph, v.name);
    const users = usedBy(this.graph, v.name);
    return html`<section aria-labelledby="structure-h">
      <h2 id="structure-h">${codeText(t(lang, 'structure.heading', { variable: `\`${v.name}\`` }))}</h2>
      <label>${t(lang, 'structure.pick')}
        <select id="structure-pick" translate="no" @change=${(e: Event) => this.pick((e.target as HTMLSelectElement).value)}>
          ${this.variables.map((x) => html`<option value=${x.name} ?selected=${x.name === v.name}>${x.name}</option>`)}
        </select>
      </label>
      ${v.doc ? html`<div class="doc">${this.modelProse(v.doc)}</div>` : ''}
      <h3>${t(lang, 'structure.equation')}${lang === 'zh' ? '（' : ' ('}${this.kindText(v.kind)}${v.units ? html`${lang === 'zh' ? '，' : ', '}${this.unitText(v.units)}` : ''}${lang === 'zh' ? '）' : ')'}</h3>
      <pre>${v.name} = ${v.equation}</pre>
      ${v.parameter ? this.renderParameter(v.parameter) : ''}
      <h3>${t(lang, 'structure.inputs')}</h3>
      <div class="names" id="structure-inputs">${v.inputs.map((n) => this.nameButton(n))}</div>
      <h3>${t(lang, 'structure.usedBy')}</h3>
      <div class="names">${users.map((n) => this.nameButton(n))}</div>
      <h3>${t(lang, 'structure.loops')}</h3>
      ${loops.length === 0
        ? html`<p class="doc">${t(lang, 'structure.noLoops')}</p>`
        : html`<ol id="structure-loops">
            ${loops.map(
              (loop) => html`<li>${loop.map((n, i) => html`${i > 0 ? html`<span class="arrow">→</span>` : ''}${this.nameButton(n)}`)}<span class="arrow">→</span><code>${loop[0]}</code>
                ${inParens(lang, t(lang, 'structure.loopLength', { n: loop.length }))}</li>`,
            )}
          </ol>`}
    </section>`;
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

  private nameButton(n: string) {
    return html`<button type="button" class="v" @click=${() => this.pick(n)}><code>${n}</code></button>`;
  }

  /** A kind in words ("存量"), or as code when the interface has no word for it. */
  private kindText(kind: string) {
    return KINDS.includes(kind) ? t(this.lang, `structure.kind.${kind}` as MessageKey) : html`<code>${kind}</code>`;
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
    this.dispatchEvent(new CustomEvent('structure-select', { detail: name, bubbles: true, composed: true }));
  }
}

customElements.define('cy-structure-view', CyStructureView);
