// <cy-structure-view>: "what drives this?" for teaching — the selected variable's
// equation, its direct inputs, what it feeds, and the feedback loops through it, all
// generated from the model's dependency graph. Every name is a button that moves there.
import { LitElement, css, html } from 'lit';
import type { ParameterNote, StructureVariable } from '../model-bridge/types.ts';
import { loopsThrough, usedBy, type DependencyGraph } from '../lib/graph-loops.ts';
import { formatNumber, t, type Lang } from '../i18n/i18n.ts';

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

  static override styles = css`
    :host { display: block; }
    h2 { font-size: 1rem; margin: 0 0 0.4rem; }
    h3 { font-size: 0.85rem; margin: 0.6rem 0 0.2rem; }
    code, pre { font-family: ui-monospace, "Noto Sans Mono CJK SC", monospace; font-size: 0.8rem; }
    pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f3f4f6; padding: 0.4rem; border-radius: 4px; margin: 0.2rem 0; }
    .names { display: flex; flex-wrap: wrap; gap: 0.3rem; }
    button.v { font: inherit; font-size: 0.8rem; background: #eef4fb; border: 1px solid #b9cde6; border-radius: 4px; padding: 0.05rem 0.35rem; cursor: pointer; }
    button.v:focus-visible, select:focus-visible { outline: 2px solid #e69f00; outline-offset: 2px; }
    ol { padding-left: 1.3rem; margin: 0.2rem 0; }
    li { margin: 0.2rem 0; font-size: 0.8rem; }
    .arrow { color: #6b7280; margin: 0 0.15rem; }
    .doc { font-size: 0.85rem; color: #303841; margin: 0.2rem 0; }
    label { font-size: 0.8rem; color: #4a525c; }
    dl.param { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.6rem; font-size: 0.8rem; background: #fff8e6; border: 1px solid #f0d48a; border-radius: 4px; padding: 0.4rem; margin: 0.3rem 0; }
    dl.param dt { font-weight: 600; }
    dl.param dd { margin: 0; overflow-wrap: anywhere; }
    select { font: inherit; font-size: 0.85rem; max-width: 100%; }
  `;

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
      <h2 id="structure-h">${t(lang, 'structure.heading', { variable: v.name })}</h2>
      <label>${t(lang, 'structure.pick')}
        <select id="structure-pick" @change=${(e: Event) => this.pick((e.target as HTMLSelectElement).value)}>
          ${this.variables.map((x) => html`<option value=${x.name} ?selected=${x.name === v.name}>${x.name}</option>`)}
        </select>
      </label>
      ${v.doc ? html`<p class="doc">${v.doc}</p>` : ''}
      <h3>${t(lang, 'structure.equation')} (${v.kind}${v.units ? `, ${v.units}` : ''})</h3>
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
              (loop) => html`<li>${loop.map((n, i) => html`${i > 0 ? html`<span class="arrow">→</span>` : ''}${this.nameButton(n)}`)}<span class="arrow">→</span>${loop[0]}
                (${t(lang, 'structure.loopLength', { n: loop.length })})</li>`,
            )}
          </ol>`}
    </section>`;
  }

  private renderParameter(p: ParameterNote) {
    const lang = this.lang;
    const f = (x: number) => formatNumber(lang, x, 4);
    const value = Array.isArray(p.value) ? `${f(p.value[0])} – ${f(p.value[1])} (${t(lang, 'structure.perNode')})` : f(p.value);
    return html`<dl class="param" id="structure-parameter">
      <dt>${t(lang, 'structure.value')}</dt><dd>${value} ${p.unit}</dd>
      <dt>${t(lang, 'structure.plausible')}</dt><dd>${f(p.range[0])} – ${f(p.range[1])}</dd>
      <dt>${t(lang, `provenance.${p.provenance.kind}`)}</dt><dd>${p.provenance.text}</dd>
    </dl>`;
  }

  private nameButton(n: string) {
    return html`<button type="button" class="v" @click=${() => this.pick(n)}>${n}</button>`;
  }

  private pick(name: string): void {
    this.dispatchEvent(new CustomEvent('structure-select', { detail: name, bubbles: true, composed: true }));
  }
}

customElements.define('cy-structure-view', CyStructureView);
