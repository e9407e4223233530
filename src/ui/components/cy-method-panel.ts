// <cy-method-panel>: the data-and-method panel, a modal dialog that says briefly and honestly
// what the baseline means, which paper and data the model rests on (nothing after 2022),
// how well the baseline fits, how the 2019 hindcast did, what the posterior behind the
// bands is, and where each observed point of the current chart comes from. It only shows:
// the numbers are computed at build time (model-bridge/method-summary.ts).
import { LitElement, css, html, nothing } from 'lit';
import type { Bilingual } from '../../model/scenario/levers.ts';
import type { MethodSummary, SeriesError } from '../model-bridge/method-types.ts';
import { HEADLINE_RUNS } from '../model-bridge/headline-types.ts';
import type { AreaInfo, Observation } from '../model-bridge/types.ts';
import { formatFixed, formatNumber, inParens, t, withUnit, type Lang, type MessageKey } from '../i18n/i18n.ts';
import { seriesLabel } from '../lib/series-label.ts';
import { hindcastHeadline } from '../lib/hindcast-text.ts';
import { sourceLabel } from '../lib/source-label.ts';
import { originalText, englishWithNames } from './original-text.ts';
import { focusRing } from './focus-ring.ts';
import { dialogStyles } from './dialog-styles.ts';

/** The data-and-method dialog. */
export class CyMethodPanel extends LitElement {
  static override properties = {
    summary: { attribute: false },
    areas: { attribute: false },
    baseline: { attribute: false },
    current: { attribute: false },
    observed: { attribute: false },
    chartHeading: { type: String },
    digits: { type: Number },
    unit: { type: String },
    lang: { type: String },
    isOpen: { state: true },
  };

  declare summary: MethodSummary | undefined;
  declare areas: AreaInfo[];
  /** The baseline preset's description. */
  declare baseline: Bilingual | undefined;
  /** The current settings' preset, when it is not the baseline. */
  declare current: { title: Bilingual; description: Bilingual } | undefined;
  /** Observed points of the chart on screen. */
  declare observed: Observation[];
  declare chartHeading: string;
  /** Decimals of the chart's indicator. */
  declare digits: number;
  declare unit: string;
  declare lang: Lang;
  /** Rendered only while open: the closed dialog costs nothing. */
  declare isOpen: boolean;

  static override styles = [
    focusRing,
    dialogStyles,
    css`
      :host { --dialog-width: 52rem; }
      .body { padding: 0.2rem 1rem 1rem; font-size: 0.88rem; line-height: 1.5; }
      h3 { margin: 1rem 0 0.3rem; }
      .strong { font-weight: 600; }
      .note { color: #4a525c; font-size: 0.8rem; }
      .scroll { overflow-x: auto; }
      table { border-collapse: collapse; font-size: 0.8rem; font-variant-numeric: tabular-nums; min-width: 100%; }
      th, td { padding: 0.15rem 0.45rem; border-bottom: 1px solid #eef0f3; text-align: left; vertical-align: top; }
      th { font-weight: 600; color: #4a525c; }
      th.num, td.num { text-align: right; white-space: nowrap; }
      td code, li code, p code { font-size: 0.75rem; color: #4a525c; }
      /* Long ids may break anywhere rather than widen the table past a phone's screen. */
      .id { display: block; overflow-wrap: anywhere; }
      /* Scrolled to, a section's heading stays clear of the sticky title bar. */
      section { scroll-margin-top: 3rem; }
      /* A section takes the focus only to start reading there: no ring round the whole text. */
      section[tabindex]:focus, section[tabindex]:focus-visible { outline: none; }
      ul.obs { list-style: none; margin: 0; padding: 0; }
      ul.obs > li { border-top: 1px solid #eef0f3; padding: 0.35rem 0; }
      .obs .year { font-weight: 600; margin-right: 0.5rem; }
      .obs .part { margin: 0.15rem 0 0 1rem; }
      details.original { font-size: 0.8rem; color: #4a525c; }
      details.original summary { cursor: pointer; color: #0b5394; }
      .decision { font-size: 0.8rem; color: #4a525c; }
      @media (max-width: 759px) {
        .body { padding: 0.2rem 0.7rem 1rem; }
        /* The point count is the least needed column: without it the table fits a phone. */
        .pts { display: none; }
        th, td { padding: 0.15rem 0.25rem; }
      }
    `,
  ];

  constructor() {
    super();
    this.summary = undefined;
    this.areas = [];
    this.baseline = undefined;
    this.current = undefined;
    this.observed = [];
    this.chartHeading = '';
    this.digits = 0;
    this.unit = '';
    this.lang = 'zh';
    this.isOpen = false;
  }

  /** Open the dialog, at the observed points of the chart when `section` is 'observed'. */
  async open(section?: 'observed'): Promise<void> {
    this.isOpen = true;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog') as HTMLDialogElement;
    if (!dialog.open) dialog.showModal();
    const target = section ? (this.renderRoot.querySelector(`#method-${section}`) as HTMLElement | null) : null;
    if (target) {
      target.scrollIntoView({ block: 'start' });
      target.focus();
    }
  }

  /** Close the dialog. */
  close(): void {
    (this.renderRoot.querySelector('dialog') as HTMLDialogElement | null)?.close();
  }

  override render() {
    const lang = this.lang;
    return html`<dialog aria-labelledby="method-h" @close=${() => (this.isOpen = false)}>
      ${this.isOpen
        ? html`<div class="head"><h2 id="method-h">${t(lang, 'method.heading')}</h2>
              <button type="button" id="method-close" @click=${() => this.close()}>${t(lang, 'method.close')}</button></div>
            <div class="body">${this.renderBaseline()}${this.renderPaper()}${this.renderFit()}${this.renderHindcast()}${this.renderPosterior()}${this.renderObserved()}</div>`
        : nothing}
    </dialog>`;
  }

  private renderBaseline() {
    const lang = this.lang;
    return html`<section id="method-baseline"><h3>${t(lang, 'method.baseline')}</h3>
      ${this.baseline ? html`<p>${this.baseline[lang]}</p>` : nothing}
      <p class="strong">${t(lang, 'method.baselineLevers')}</p>
      ${this.current ? html`<p>${t(lang, 'method.current', { title: this.current.title[lang], description: this.current.description[lang] })}</p>` : nothing}
    </section>`;
  }

  private renderPaper() {
    const lang = this.lang;
    const c = this.summary?.counts;
    return html`<section id="method-paper"><h3>${t(lang, 'method.paper')}</h3>
      <p>${t(lang, 'method.paperTitle')}</p>
      ${c ? html`<p>${t(lang, 'method.data', { paper: c.paper, official: c.official, targets: c.targets })}</p>` : nothing}
      <p class="strong" id="method-vintage">${t(lang, 'method.vintage')}</p>
    </section>`;
  }

  /** A series' name in words, with its id as code beneath. */
  private seriesCell(output: string) {
    const words = seriesLabel(output, this.areas, this.lang);
    return html`<td>${words ? html`${words}<code class="id">${output}</code>` : html`<code>${output}</code>`}</td>`;
  }

  private pct(v: number): string {
    return `${formatFixed(this.lang, v, 1)}%`;
  }

  /** A signed error in words ("低估 24.6%", "12.0% high"). */
  private biasText(b: number | undefined): string {
    if (b === undefined) return '–';
    // Below the shown precision there is no direction to state.
    if (Math.abs(b) < 0.05) return this.pct(0);
    return t(this.lang, b < 0 ? 'method.under' : 'method.over', { pct: this.pct(Math.abs(b)) });
  }

  private yearsText(y: [number, number]): string {
    return y[0] === y[1] ? String(y[0]) : `${y[0]}–${y[1]}`;
  }

  private errorTable(rows: SeriesError[], id: string) {
    const lang = this.lang;
    // The naive column only where some row has one (forecasts), so the in-sample table keeps its shape.
    const naive = rows.some((r) => r.naiveMape !== undefined);
    return html`<div class="scroll"><table id=${id}>
      <thead><tr><th>${t(lang, 'method.series')}</th><th class="num">${t(lang, 'method.years')}</th><th class="num pts">${t(lang, 'method.points')}</th>
        <th class="num">${t(lang, 'method.mape')}</th>${naive ? html`<th class="num">${t(lang, 'method.naiveMape')}</th>` : nothing}<th class="num">${t(lang, 'method.bias')}</th></tr></thead>
      <tbody>${rows.map(
        (r) => html`<tr data-output=${r.output}>${this.seriesCell(r.output)}<td class="num">${this.yearsText(r.years)}</td><td class="num pts">${r.points}</td>
          <td class="num">${this.pct(r.mape)}</td>${naive ? html`<td class="num naive">${r.naiveMape === undefined ? '–' : this.pct(r.naiveMape)}</td>` : nothing}<td class="num">${this.biasText(r.biasPct)}</td></tr>`,
      )}</tbody>
    </table></div>`;
  }

  private renderFit() {
    const s = this.summary;
    if (!s) return nothing;
    const lang = this.lang;
    return html`<section id="method-fit"><h3>${t(lang, 'method.fit', { from: s.fitWindow[0], to: s.fitWindow[1] })}</h3>
      <p class="note">${t(lang, 'method.fitNote')}</p>
      ${this.errorTable(s.inSample, 'method-fit-table')}
      <p>${s.failedChecks.length
        ? html`${t(lang, 'method.checks', { checks: s.checks, failed: s.failedChecks.length })} ${s.failedChecks.map((n) => html`<code>${n}</code> `)}`
        : t(lang, 'method.checksAll', { checks: s.checks })}</p>
    </section>`;
  }

  private renderHindcast() {
    const s = this.summary;
    if (!s) return nothing;
    const lang = this.lang;
    const from = s.fitWindow[0];
    const cutoff = s.hindcast.cutoff;
    const h = hindcastHeadline(s.hindcast.forecast, 'hte');
    const key = h?.direction === 'under' ? 'method.hindcastUnder' : h?.direction === 'over' ? 'method.hindcastOver' : 'method.hindcastMixed';
    const range = h ? (Math.round(h.range[0]) === Math.round(h.range[1]) ? `${formatNumber(lang, h.range[0], 0)}%` : `${formatNumber(lang, h.range[0], 0)}–${formatNumber(lang, h.range[1], 0)}%`) : '';
    return html`<section id="method-hindcast"><h3>${t(lang, 'method.hindcast', { from, cutoff })}</h3>
      ${h ? html`<p class="strong" id="method-hindcast-headline">${t(lang, key, { from, cutoff, y0: h.years[0], y1: h.years[1], range })}</p>` : nothing}
      ${s.hindcast.coverage
        ? html`<p id="method-coverage">${t(lang, 'method.coverage', {
            from,
            cutoff,
            points: s.hindcast.coverage.points,
            predictive: `${formatNumber(lang, 100 * s.hindcast.coverage.predictive, 0)}%`,
            model: `${formatNumber(lang, 100 * s.hindcast.coverage.model, 0)}%`,
          })}</p>`
        : nothing}
      <p>${t(lang, 'method.hindcastMeaning')}</p>
      ${this.errorTable(s.hindcast.forecast, 'method-hindcast-table')}
    </section>`;
  }

  private renderPosterior() {
    const p = this.summary?.posterior;
    if (!p) return nothing;
    const lang = this.lang;
    return html`<section id="method-posterior"><h3>${t(lang, 'method.posterior')}</h3>
      <p>${t(lang, 'method.posteriorText', {
        chains: p.chains,
        generations: formatNumber(lang, p.generations, 0),
        draws: formatNumber(lang, p.draws, 0),
        parameters: p.parameters,
        rhat: formatFixed(lang, p.maxRhat, 3),
        ess: formatNumber(lang, p.minEss, 0),
      })}</p>
      <p>${t(lang, 'method.posteriorFan')}</p>
      ${this.renderForecastError()}
      <p id="method-two-lines">${t(lang, 'method.twoLines', { n: formatNumber(lang, HEADLINE_RUNS, 0) })}</p>
      ${(this.summary?.hindcast.coverage?.predictive ?? 1) < 0.8 ? html`<p class="strong" id="method-caveat">${t(lang, 'method.posteriorCaveat')}</p>` : nothing}
    </section>`;
  }

  /** The chart's outer band: the past forecast errors per family and what they mean for 2035. */
  private renderForecastError() {
    const f = this.summary?.forecastError;
    if (!f || f.hte2035Factor === undefined) return nothing;
    const lang = this.lang;
    const list = f.scales.map((x) => `${t(lang, `method.family.${x.family}` as MessageKey)} ${formatNumber(lang, 100 * x.sigma, 0)}%`).join(lang === 'zh' ? '、' : ', ');
    const factor = formatFixed(lang, f.hte2035Factor, 1);
    return html`<p id="method-forecast-error">${t(lang, 'method.forecastError', { origin: f.origin, cutoffs: f.cutoffs.join(lang === 'zh' ? '、' : ', '), list, year: 2035, factor })}</p>`;
  }

  /** Where one target comes from, and (as the original) why its value was chosen. */
  private renderBasis(b: NonNullable<Observation['basis']>[number], withValue: boolean, ownUnit = true) {
    const lang = this.lang;
    const words = sourceLabel(b.source, lang);
    const area = seriesLabel(b.column, this.areas, lang);
    return html`${withValue ? html`${area ?? html`<code>${b.column}</code>`}${lang === 'zh' ? '：' : ': '}${ownUnit ? withUnit(formatNumber(lang, b.value, this.digits), this.unit) : withUnit(formatNumber(lang, b.value), t(lang, 'unit.yi'))}${lang === 'zh' ? '；' : '; '}` : nothing}${t(lang, 'method.source')}${lang === 'zh' ? '：' : ': '}${words
        ? words
        : originalText(b.source, lang, 'method.decisionOriginal')}
      <div class="decision">${lang === 'en' ? html`${t(lang, 'method.decision')}: ${englishWithNames(b.decision)}` : originalText(b.decision, lang, 'method.decisionOriginal')}</div>`;
  }

  private renderObserved() {
    const lang = this.lang;
    const obs = [...this.observed].sort((a, b) => a.time - b.time);
    return html`<section id="method-observed" tabindex="-1"><h3>${t(lang, 'method.observed', { chart: this.chartHeading })}</h3>
      ${obs.length === 0
        ? html`<p>${t(lang, 'method.observedNone')}</p>`
        : html`<p class="note">${t(lang, 'method.observedNote')}</p>
            <ul class="obs" id="method-observed-list">${obs.map((o) => {
              const basis = o.basis ?? [];
              const value = `${withUnit(formatNumber(lang, o.value, this.digits), this.unit)}${o.bound === 'lower' ? inParens(lang, t(lang, 'method.lower')) : ''}`;
              return html`<li data-year=${o.time}><span class="year">${o.time}</span>${value}
                ${basis.length > 1
                  ? html`<div>${t(lang, o.derivation === 'ratio' ? 'method.derivedRatio' : 'method.derived')}</div>${basis.map(
                      // A ratio's parts (R&D expenditure, GDP) are in 亿元, not in the chart's unit.
                      (b) => html`<div class="part">${this.renderBasis(b, true, o.derivation !== 'ratio')}</div>`,
                    )}`
                  : basis.map((b) => html`<div>${this.renderBasis(b, false)}</div>`)}</li>`;
            })}</ul>`}
    </section>`;
  }
}

customElements.define('cy-method-panel', CyMethodPanel);
