// <cy-goal-panel>: "reach a target", a modal dialog. A person sets 1–3 targets (an indicator
// of a region in a year), a confidence, an optional budget and levers to keep as they are;
// the CLI's goal search (CMA-ES over common posterior draws) runs in a model worker of its
// own, with progress after every generation and a Cancel that stops it; the answer is the
// cheapest package with its cost, who pays, each target's probability and the
// cost–probability front, and any package of it can be loaded into the levers.
import { LitElement, css, html, nothing } from 'lit';
import { LEVERS } from '../../model/scenario/levers.ts';
import type { LeverSettings } from '../../model/scenario/lever-types.ts';
import { formatFixed, formatNumber, inParens, t, withUnit, type Lang } from '../i18n/i18n.ts';
import { columnFor, valueAt, type AreaInfo, type KpiInfo, type RunOutput } from '../model-bridge/types.ts';
import { GOAL_DEFAULTS, GOAL_YEARS, MAX_GOAL_TARGETS, type GoalAnswer, type GoalPackage, type GoalProgress, type GoalRequest } from '../model-bridge/goal-types.ts';
import { goalModelClient } from '../model-bridge/model-client.ts';
import { leverFieldsText, settingsParts } from '../lib/settings-text.ts';
import { errorText } from '../lib/error-text.ts';
import { focusRing } from './focus-ring.ts';
import { dialogStyles } from './dialog-styles.ts';

/** A target as the form holds it (the value as typed). */
interface TargetRow {
  kpi: string;
  area: string;
  year: number;
  op: '>=' | '<=';
  value: string;
}

/** A finished search: what was asked, the answer and how long it took. */
interface Finished {
  req: GoalRequest;
  rows: TargetRow[];
  answer: GoalAnswer;
  seconds: number;
}

/** Detail of `goal-load`: the lever settings of the chosen package. */
export interface GoalLoadDetail {
  levers: LeverSettings;
}

const YEARS = Array.from({ length: GOAL_YEARS.max - GOAL_YEARS.min + 1 }, (_, i) => GOAL_YEARS.min + i);

/** The "reach a target" dialog. */
export class CyGoalPanel extends LitElement {
  static override properties = {
    kpis: { attribute: false },
    areas: { attribute: false },
    baseline: { attribute: false },
    levers: { attribute: false },
    lang: { type: String },
    isOpen: { state: true },
    rows: { state: true },
    confidence: { state: true },
    budget: { state: true },
    held: { state: true },
    runs: { state: true },
    generations: { state: true },
    seed: { state: true },
    running: { state: true },
    progress: { state: true },
    finished: { state: true },
    problem: { state: true },
  };

  declare kpis: readonly KpiInfo[];
  declare areas: readonly AreaInfo[];
  /** The baseline run (targets show its value as a hint). */
  declare baseline: RunOutput | undefined;
  /** The current lever settings (levers kept as they are take these values). */
  declare levers: LeverSettings | undefined;
  declare lang: Lang;
  declare isOpen: boolean;
  declare rows: TargetRow[];
  /** Confidence in percent, as typed. */
  declare confidence: string;
  /** Budget in 亿元, as typed ('' for none). */
  declare budget: string;
  /** Levers kept at their current settings (not searched). */
  declare held: string[];
  declare runs: string;
  declare generations: string;
  declare seed: string;
  /** A search is running (started at this time, ms). */
  declare running: { req: GoalRequest; rows: TargetRow[]; started: number } | undefined;
  declare progress: GoalProgress | undefined;
  declare finished: Finished | undefined;
  /** What is wrong with the form or the search (an error to word at render time). */
  declare problem: { key: 'goal.badValue' | 'goal.badConfidence' | 'goal.badBudget' | 'goal.badSetting' | 'goal.failed'; err?: unknown; field?: string } | undefined;

  /** Bumped by Cancel and by every start: an answer for an older search is dropped. */
  private searchId = 0;

  static override styles = [
    focusRing,
    dialogStyles,
    css`
      :host { --dialog-width: 54rem; }
      .body { padding: 0.4rem 1rem 1rem; font-size: 0.88rem; line-height: 1.45; }
      h3 { margin: 0.9rem 0 0.3rem; }
      .note { color: #4a525c; font-size: 0.8rem; }
      fieldset { border: 1px solid #d9dde3; border-radius: 6px; margin: 0.4rem 0; padding: 0.3rem 0.6rem 0.5rem; }
      legend { font-weight: 600; padding: 0 0.3rem; }
      .target { display: flex; flex-wrap: wrap; gap: 0.35rem 0.5rem; align-items: end; }
      label { display: inline-flex; flex-direction: column; gap: 0.1rem; font-size: 0.78rem; color: #4a525c; }
      select, input { font: inherit; font-size: 0.88rem; color: #1b1f24; }
      input[type='number'] { width: 7.5rem; }
      input.short { width: 5rem; }
      .hint { flex-basis: 100%; font-size: 0.78rem; color: #4a525c; }
      .row { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; }
      .held { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 0.15rem 1rem; }
      .held label { flex-direction: row; align-items: baseline; gap: 0.35rem; font-size: 0.82rem; color: #1b1f24; }
      .held .now { color: #4a525c; font-size: 0.75rem; }
      button { font: inherit; font-size: 0.88rem; border: 1px solid #1f4e79; border-radius: 4px; padding: 0.2rem 0.7rem; cursor: pointer; background: #fff; color: #1f4e79; }
      button.primary { background: #1f4e79; color: #fff; }
      button:disabled { opacity: 0.5; cursor: default; }
      button.small { font-size: 0.78rem; padding: 0.05rem 0.45rem; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-top: 0.6rem; }
      .progress { font-variant-numeric: tabular-nums; }
      progress { width: 12rem; max-width: 100%; }
      .problem { color: #9b1c1c; font-weight: 600; }
      .answer { margin-top: 0.6rem; border-top: 2px solid #1f4e79; padding-top: 0.3rem; }
      .headline { font-weight: 600; }
      .miss { color: #9b1c1c; font-weight: 600; }
      .scroll { overflow-x: auto; }
      table { border-collapse: collapse; font-size: 0.8rem; font-variant-numeric: tabular-nums; min-width: 100%; }
      th, td { padding: 0.15rem 0.45rem; border-bottom: 1px solid #eef0f3; text-align: left; vertical-align: top; }
      th { font-weight: 600; color: #4a525c; }
      th.num, td.num { text-align: right; white-space: nowrap; }
      table.meetings td:first-child { min-width: 11rem; }
      ul.levers { margin: 0.2rem 0; padding-left: 1.2rem; }
      code { font-size: 0.75rem; color: #4a525c; overflow-wrap: anywhere; }
      details summary { cursor: pointer; color: #0b5394; }
      @media (max-width: 759px) {
        .body { padding: 0.3rem 0.7rem 1rem; }
        input[type='number'] { width: 6.5rem; }
        th, td { padding: 0.15rem 0.25rem; }
      }
    `,
  ];

  constructor() {
    super();
    this.kpis = [];
    this.areas = [];
    this.baseline = undefined;
    this.levers = undefined;
    this.lang = 'zh';
    this.isOpen = false;
    this.rows = [];
    this.confidence = String(GOAL_DEFAULTS.confidence * 100);
    this.budget = '';
    this.held = [];
    this.runs = String(GOAL_DEFAULTS.runs);
    this.generations = String(GOAL_DEFAULTS.generations);
    this.seed = String(GOAL_DEFAULTS.seed);
    this.running = undefined;
    this.progress = undefined;
    this.finished = undefined;
    this.problem = undefined;
  }

  /** Open the dialog (a first target is proposed: the circle's high-tech enterprises in 2030). */
  async open(): Promise<void> {
    if (this.rows.length === 0) this.rows = [this.newRow()];
    this.isOpen = true;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog') as HTMLDialogElement;
    if (!dialog.open) dialog.showModal();
  }

  /** Close the dialog (a running search goes on; reopening shows it). */
  close(): void {
    (this.renderRoot.querySelector('dialog') as HTMLDialogElement | null)?.close();
  }

  /** Indicators a target can name: those of a region (not the circle-wide spending). */
  private targetKpis(): KpiInfo[] {
    return this.kpis.filter((k) => k.scope !== 'circle');
  }

  private regions(): AreaInfo[] {
    return this.areas.filter((a) => a.kind === 'region');
  }

  /** A new target row: an indicator not yet used, its baseline value in 2030 rounded up to 2 significant digits. */
  private newRow(): TargetRow {
    const kpis = this.targetKpis();
    const kpi = kpis.find((k) => !this.rows.some((r) => r.kpi === k.id)) ?? kpis[0];
    const area = this.regions()[0];
    const row: TargetRow = { kpi: kpi?.id ?? 'hte', area: area?.id ?? 'circle', year: GOAL_YEARS.default, op: '>=', value: '' };
    const base = this.baselineOf(row);
    if (base !== undefined && base > 0) {
      const scale = 10 ** (Math.floor(Math.log10(base)) - 1);
      row.value = String(Number((Math.ceil((base * 1.1) / scale) * scale).toPrecision(6)));
    }
    return row;
  }

  private kpiOf(row: TargetRow): KpiInfo | undefined {
    return this.kpis.find((k) => k.id === row.kpi);
  }

  private columnOf(row: TargetRow): string | undefined {
    const kpi = this.kpiOf(row);
    const area = this.areas.find((a) => a.id === row.area);
    return kpi && area ? columnFor(kpi, area) : undefined;
  }

  private baselineOf(row: TargetRow): number | undefined {
    const col = this.columnOf(row);
    return col ? valueAt(this.baseline, col, row.year) : undefined;
  }

  private setRow(i: number, patch: Partial<TargetRow>): void {
    this.rows = this.rows.map((r, k) => (k === i ? { ...r, ...patch } : r));
  }

  /** The request the form asks, or undefined (and a problem said) when a field is not usable. */
  private request(): GoalRequest | undefined {
    const num = (s: string) => (s.trim() === '' ? NaN : Number(s));
    const targets = [];
    for (const r of this.rows) {
      const v = num(r.value);
      const output = this.columnOf(r);
      if (!Number.isFinite(v) || !output) {
        this.problem = { key: 'goal.badValue', field: this.targetText(r) };
        return undefined;
      }
      targets.push({ output, year: r.year, op: r.op, value: v });
    }
    const c = num(this.confidence);
    if (!(c >= 1 && c <= 100)) {
      this.problem = { key: 'goal.badConfidence' };
      return undefined;
    }
    const b = this.budget.trim() === '' ? null : num(this.budget);
    if (b !== null && !(b >= 0 && Number.isFinite(b))) {
      this.problem = { key: 'goal.badBudget' };
      return undefined;
    }
    const whole = (s: string, lo: number, hi: number) => {
      const x = num(s);
      return Number.isInteger(x) && x >= lo && x <= hi ? x : undefined;
    };
    const runs = whole(this.runs, 5, 500);
    const generations = whole(this.generations, 1, 200);
    const seed = whole(this.seed, 1, 2 ** 31);
    if (runs === undefined || generations === undefined || seed === undefined) {
      this.problem = { key: 'goal.badSetting' };
      return undefined;
    }
    const fixed: Record<string, number> = {};
    const levers = this.levers as unknown as Record<string, Record<string, number>> | undefined;
    for (const l of LEVERS) {
      if (!this.held.includes(l.id) || !levers) continue;
      for (const f of l.fields) fixed[`${l.id}.${f.field}`] = levers[l.id][f.field];
    }
    return { targets, confidence: c / 100, budget: b, fixed, runs, generations, seed };
  }

  private async start(): Promise<void> {
    this.problem = undefined;
    const req = this.request();
    if (!req) return;
    const id = ++this.searchId;
    this.running = { req, rows: this.rows.map((r) => ({ ...r })), started: performance.now() };
    this.progress = undefined;
    this.finished = undefined;
    void this.reveal('#goal-progress');
    try {
      const answer = await goalModelClient().goal(req, (p) => {
        if (id === this.searchId) this.progress = p;
      });
      if (id !== this.searchId) return;
      this.finished = { req, rows: this.running.rows, answer, seconds: (performance.now() - this.running.started) / 1000 };
      void this.reveal('.answer');
    } catch (err) {
      if (id === this.searchId) this.problem = { key: 'goal.failed', err };
    } finally {
      if (id === this.searchId) this.running = undefined;
    }
  }

  /** Scroll what `selector` finds into view once it is drawn (the progress, then the answer, come below the form). */
  private async reveal(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector(selector)?.scrollIntoView({ block: 'nearest' });
  }

  /** Stop the search: its worker goes (the next search starts another). */
  private cancel(): void {
    this.searchId++;
    goalModelClient().dispose();
    this.running = undefined;
    this.progress = undefined;
  }

  private load(p: GoalPackage): void {
    this.dispatchEvent(new CustomEvent<GoalLoadDetail>('goal-load', { detail: { levers: p.levers }, bubbles: true, composed: true }));
    this.close();
  }

  // ----- words ------------------------------------------------------------------

  private num(v: number, kpi: KpiInfo | undefined): string {
    return withUnit(formatNumber(this.lang, v, kpi ? kpi.digits : undefined), kpi?.unit[this.lang] ?? '');
  }

  /** "高新技术企业（成渝地区双城经济圈）2030 年 ≥ 60,000 家". */
  private targetText(r: TargetRow, value?: number): string {
    const lang = this.lang;
    const kpi = this.kpiOf(r);
    const area = this.areas.find((a) => a.id === r.area);
    const v = value ?? Number(r.value);
    return t(lang, 'goal.targetText', {
      kpi: kpi?.label[lang] ?? r.kpi,
      region: area?.label[lang] ?? r.area,
      year: r.year,
      op: r.op === '>=' ? '≥' : '≤',
      value: Number.isFinite(v) ? this.num(v, kpi) : r.value,
    });
  }

  private pct(p: number): string {
    return `${formatNumber(this.lang, 100 * p, 0)}%`;
  }

  private yi(v: number): string {
    return withUnit(formatNumber(this.lang, v, Math.abs(v) >= 100 ? 0 : 1), t(this.lang, 'unit.yi'));
  }

  /** The command that gives the same answer headless. */
  private commandLine(req: GoalRequest): string {
    const fix = Object.entries(req.fixed).map(([k, v]) => ` --fix ${k}=${v}`).join('');
    return `npx chengyu-sim optimize ${req.targets.map((x) => `--target '${x.output}@${x.year}${x.op}${x.value}'`).join(' ')} --confidence ${req.confidence}${
      req.budget === null ? '' : ` --budget ${req.budget}`}${fix} --runs ${req.runs} --generations ${req.generations} --seed ${req.seed}`;
  }

  // ----- view -------------------------------------------------------------------

  override render() {
    const lang = this.lang;
    return html`<dialog aria-labelledby="goal-h" @close=${() => (this.isOpen = false)}>
      ${this.isOpen
        ? html`<div class="head"><h2 id="goal-h">${t(lang, 'goal.heading')}</h2>
              <button type="button" id="goal-close" @click=${() => this.close()}>${t(lang, 'method.close')}</button></div>
            <div class="body">
              <p>${t(lang, 'goal.intro')}</p>
              ${this.renderForm()}${this.renderRun()}${this.finished ? this.renderAnswer(this.finished) : nothing}
            </div>`
        : nothing}
    </dialog>`;
  }

  private renderForm() {
    const lang = this.lang;
    const busy = !!this.running;
    const levers = this.levers;
    return html`<h3>${t(lang, 'goal.targets')}</h3>
      ${this.rows.map((r, i) => this.renderTarget(r, i, busy))}
      <button type="button" id="goal-add" ?disabled=${busy || this.rows.length >= MAX_GOAL_TARGETS} @click=${() => (this.rows = [...this.rows, this.newRow()])}>${t(lang, 'goal.add')}</button>
      <div class="row" style="margin-top:0.5rem">
        <label>${t(lang, 'goal.confidence')}<input class="short" type="number" id="goal-confidence" min="1" max="100" step="1" .value=${this.confidence} ?disabled=${busy}
          @input=${(e: Event) => (this.confidence = (e.target as HTMLInputElement).value)}></label>
        <label>${t(lang, 'goal.budget')}<input type="number" id="goal-budget" min="0" step="any" placeholder=${t(lang, 'goal.noBudget')} .value=${this.budget} ?disabled=${busy}
          @input=${(e: Event) => (this.budget = (e.target as HTMLInputElement).value)}></label>
      </div>
      <fieldset><legend>${t(lang, 'goal.held')}</legend>
        <p class="note">${t(lang, 'goal.heldNote')}</p>
        <div class="held">${LEVERS.map((l) => {
          const now = levers ? leverFieldsText(l, levers, lang) : undefined;
          return html`<label><input type="checkbox" data-hold=${l.id} .checked=${this.held.includes(l.id)} ?disabled=${busy}
              @change=${(e: Event) => (this.held = (e.target as HTMLInputElement).checked ? [...this.held, l.id] : this.held.filter((x) => x !== l.id))}>
            <span>${l.label[lang]} <span class="now">${now ?? t(lang, 'goal.off')}</span></span></label>`;
        })}</div>
      </fieldset>
      <details id="goal-settings"><summary>${t(lang, 'goal.settings', { runs: this.runs, generations: this.generations })}</summary>
        <p class="note">${t(lang, 'goal.settingsNote', { runs: GOAL_DEFAULTS.runs, generations: GOAL_DEFAULTS.generations })}</p>
        <div class="row">
          <label>${t(lang, 'goal.runs')}<input class="short" type="number" id="goal-runs" min="5" max="500" step="1" .value=${this.runs} ?disabled=${busy}
            @input=${(e: Event) => (this.runs = (e.target as HTMLInputElement).value)}></label>
          <label>${t(lang, 'goal.generations')}<input class="short" type="number" id="goal-generations" min="1" max="200" step="1" .value=${this.generations} ?disabled=${busy}
            @input=${(e: Event) => (this.generations = (e.target as HTMLInputElement).value)}></label>
          <label>${t(lang, 'goal.seed')}<input class="short" type="number" id="goal-seed" min="1" step="1" .value=${this.seed} ?disabled=${busy}
            @input=${(e: Event) => (this.seed = (e.target as HTMLInputElement).value)}></label>
        </div>
      </details>
      <div class="actions">
        <button type="button" class="primary" id="goal-start" ?disabled=${busy} @click=${() => void this.start()}>${t(lang, 'goal.start')}</button>
        <button type="button" id="goal-cancel" ?disabled=${!busy} @click=${() => this.cancel()}>${t(lang, 'goal.cancel')}</button>
      </div>
      ${this.problem
        ? html`<p class="problem" role="alert" id="goal-problem">${t(lang, this.problem.key, { field: this.problem.field ?? '', detail: errorText(this.problem.err, lang) })}</p>`
        : nothing}`;
  }

  private renderTarget(r: TargetRow, i: number, busy: boolean) {
    const lang = this.lang;
    const kpi = this.kpiOf(r);
    const base = this.baselineOf(r);
    return html`<fieldset class="target" data-target=${i}><legend>${t(lang, 'goal.targetN', { n: i + 1 })}</legend>
      <label>${t(lang, 'goal.indicator')}<select data-field="kpi" ?disabled=${busy} @change=${(e: Event) => this.setRow(i, { kpi: (e.target as HTMLSelectElement).value })}>
        ${this.targetKpis().map((k) => html`<option value=${k.id} ?selected=${k.id === r.kpi}>${k.label[lang]}</option>`)}</select></label>
      <label>${t(lang, 'goal.region')}<select data-field="area" ?disabled=${busy} @change=${(e: Event) => this.setRow(i, { area: (e.target as HTMLSelectElement).value })}>
        ${this.regions().map((a) => html`<option value=${a.id} ?selected=${a.id === r.area}>${a.label[lang]}</option>`)}</select></label>
      <label>${t(lang, 'goal.year')}<select data-field="year" ?disabled=${busy} @change=${(e: Event) => this.setRow(i, { year: Number((e.target as HTMLSelectElement).value) })}>
        ${YEARS.map((y) => html`<option value=${y} ?selected=${y === r.year}>${y}</option>`)}</select></label>
      <label>${t(lang, 'goal.op')}<select data-field="op" ?disabled=${busy} @change=${(e: Event) => this.setRow(i, { op: (e.target as HTMLSelectElement).value as '>=' | '<=' })}>
        <option value=">=" ?selected=${r.op === '>='}>${t(lang, 'goal.atLeast')}</option><option value="<=" ?selected=${r.op === '<='}>${t(lang, 'goal.atMost')}</option></select></label>
      <label>${t(lang, 'goal.value', { unit: kpi?.unit[lang] ?? '' })}<input type="number" data-field="value" step="any" .value=${r.value} ?disabled=${busy}
        @input=${(e: Event) => this.setRow(i, { value: (e.target as HTMLInputElement).value })}></label>
      ${this.rows.length > 1
        ? html`<button type="button" class="small" data-remove=${i} ?disabled=${busy} @click=${() => (this.rows = this.rows.filter((_, k) => k !== i))}>${t(lang, 'goal.remove')}</button>`
        : nothing}
      ${base !== undefined ? html`<span class="hint">${t(lang, 'goal.baselineHint', { year: r.year, value: this.num(base, kpi) })}</span>` : nothing}
    </fieldset>`;
  }

  private renderRun() {
    const lang = this.lang;
    if (!this.running) return nothing;
    const p = this.progress;
    const n = this.running.req.generations;
    return html`<div class="progress" role="status" id="goal-progress">
      <progress max=${n} .value=${p?.generation ?? 0}></progress>
      <div>${p
        ? t(lang, p.feasible ? 'goal.progressFeasible' : 'goal.progressNone', {
            k: p.generation,
            n,
            packages: formatNumber(lang, p.evaluations, 0),
            cost: this.yi(p.cost),
            p: this.pct(p.probability),
          })
        : t(lang, 'goal.starting')}</div>
    </div>`;
  }

  /** A table of how a package meets each target. */
  private meetingTable(f: Finished, pkg: GoalPackage) {
    const lang = this.lang;
    const need = this.pct(f.req.confidence);
    return html`<div class="scroll"><table class="meetings">
      <thead><tr><th>${t(lang, 'goal.colTarget')}</th><th class="num">${t(lang, 'goal.colReached', { p: need })}</th><th class="num">${t(lang, 'goal.colProb')}</th></tr></thead>
      <tbody>${f.rows.map((r, k) => html`<tr><td>${this.targetText(r, f.req.targets[k].value)}<br><code translate="no">${f.answer.targetTexts[k]}</code></td>
        <td class="num">${this.num(pkg.meetings[k].reached, this.kpiOf(r))}</td><td class="num">${this.pct(pkg.meetings[k].probability)}</td></tr>`)}</tbody>
    </table></div>`;
  }

  private renderAnswer(f: Finished) {
    const lang = this.lang;
    const a = f.answer;
    const need = this.pct(f.req.confidence);
    const stats = t(lang, 'goal.stats', { packages: formatNumber(lang, a.evaluations, 0), generations: a.generations, seconds: formatFixed(lang, f.seconds, 1), runs: f.req.runs });
    let headline;
    if (a.kind === 'baseline') {
      headline = html`<p class="headline" id="goal-result" data-kind="baseline">${t(lang, 'goal.baselineMeets', { p: need, runs: f.req.runs })}</p>`;
    } else if (a.kind === 'found') {
      const s = a.split;
      headline = html`<p class="headline" id="goal-result" data-kind="found">${t(lang, 'goal.found', { cost: this.yi(a.best.cost), runs: f.req.runs })}</p>
        ${s ? html`<p id="goal-split">${t(lang, 'goal.split', { sichuan: this.yi(s.sichuan), sp: this.pct(s.sichuan / (s.sichuan + s.chongqing)), chongqing: this.yi(s.chongqing), cp: this.pct(s.chongqing / (s.sichuan + s.chongqing)) })}</p>` : nothing}`;
    } else {
      const missed = f.rows
        .map((r, k) => ({ r, k, m: a.best.meetings[k] }))
        .filter((x) => x.m.probability < f.req.confidence || !(f.req.targets[x.k].op === '>=' ? x.m.reached >= f.req.targets[x.k].value : x.m.reached <= f.req.targets[x.k].value));
      const overBudget = f.req.budget !== null && a.best.cost > f.req.budget;
      const parts = missed.map(({ r, k, m }) => {
        const kpi = this.kpiOf(r);
        const area = this.areas.find((x) => x.id === r.area);
        return t(lang, 'goal.missPart', {
          target: `${kpi?.label[lang] ?? r.kpi}${inParens(lang, area?.label[lang] ?? r.area)}`,
          reached: this.num(m.reached, kpi),
          year: r.year,
          need,
          op: r.op === '>=' ? '≥' : '≤',
          value: this.num(f.req.targets[k].value, kpi),
          p: formatFixed(lang, m.probability, 2),
        });
      });
      headline = html`<p class="headline miss" id="goal-result" data-kind=${a.kind}>${t(lang, 'goal.unreachable', {
        budget: overBudget ? t(lang, 'goal.withinBudget', { budget: this.yi(f.req.budget as number) }) : '',
        how: a.kind === 'unreachable' ? t(lang, 'goal.howStrongest', { year: GOAL_YEARS.min }) : t(lang, 'goal.howClosest', { packages: formatNumber(lang, a.evaluations, 0), generations: a.generations }),
        parts: parts.join(lang === 'zh' ? '；' : '; '),
      })}</p><p>${t(lang, 'goal.closest')}</p>`;
    }
    const parts = settingsParts(a.best.levers, lang);
    return html`<section class="answer" aria-labelledby="goal-answer-h"><h3 id="goal-answer-h">${t(lang, 'goal.answer')}</h3>
      ${headline}
      ${this.meetingTable(f, a.best)}
      ${a.kind === 'baseline'
        ? nothing
        : html`<h3>${t(lang, 'goal.levers')}</h3>
            ${parts.length ? html`<ul class="levers" id="goal-levers">${parts.map((s) => html`<li>${s}</li>`)}</ul>` : html`<p>${t(lang, 'goal.noLevers')}</p>`}
            ${a.kind === 'found' ? html`<div class="actions"><button type="button" class="primary" id="goal-load" @click=${() => this.load(a.best)}>${t(lang, 'goal.load')}</button></div>` : nothing}`}
      ${a.front.length > 1 ? this.renderFront(f) : nothing}
      ${a.kind === 'baseline' ? nothing : html`<p class="note">${t(lang, 'goal.chartNote')}</p>`}
      <p class="note">${stats}</p>
      <p class="note">${t(lang, 'goal.same')} <code translate="no" id="goal-command">${this.commandLine(f.req)}</code></p>
    </section>`;
  }

  private renderFront(f: Finished) {
    const lang = this.lang;
    return html`<h3>${t(lang, 'goal.front')}</h3>
      <p class="note">${t(lang, 'goal.frontNote')}</p>
      <div class="scroll"><table id="goal-front">
        <thead><tr><th class="num">${t(lang, 'goal.colCost')}</th>${f.rows.map((r, k) => html`<th class="num" title=${this.targetText(r, f.req.targets[k].value)}>${t(lang, 'goal.colTargetN', { n: k + 1 })}</th>`)}<th></th></tr></thead>
        <tbody>${f.answer.front.map(
          (p, i) => html`<tr data-feasible=${p.feasible ? 'yes' : 'no'}><td class="num">${this.yi(p.cost)}</td>${p.meetings.map((m) => html`<td class="num">${this.pct(m.probability)}</td>`)}
            <td><button type="button" class="small" data-load-front=${i} aria-label=${t(lang, 'goal.loadFrontLabel', { cost: this.yi(p.cost) })} @click=${() => this.load(p)}>${t(lang, 'goal.loadShort')}</button></td></tr>`,
        )}</tbody>
      </table></div>`;
  }
}

customElements.define('cy-goal-panel', CyGoalPanel);
