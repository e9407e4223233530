// <cy-app>: the shell. Owns the app state (levers, view, pins, language), runs the model
// through the worker (latest lever input wins), keeps the URL fragment in step with the
// state, and passes plain data down to components that each do one job.
import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import { HEADER_FOCUS_COLOR } from './focus-ring.ts';
import type { LeverSettings } from '../../model/scenario/lever-types.ts';
import { defaultLeverSettings, type Bilingual } from '../../model/scenario/levers.ts';
import { leverConstants, resolveLevers } from '../../model/scenario/scenario.ts';
import { LatestWins } from '../lib/latest-wins.ts';
import { memoByIdentity } from '../lib/memo.ts';
import { downloadBlob, fileNameFrom } from '../lib/download.ts';
import { formatFixed, formatNumber, t, withUnit, type Lang, type MessageKey } from '../i18n/i18n.ts';
import { errorText } from '../lib/error-text.ts';
import { pinName } from '../lib/pin-labels.ts';
import { pinStates, pinsFromStates, renamed, withPin, type Pin } from '../state/pin-list.ts';
import { headlineModelClient, sharedModelClient, uncertaintyModelClient } from '../model-bridge/model-client.ts';
import { HeadlineBands } from '../state/headline-controller.ts';
import { headlineCards, headlineEffects, costPerEnterpriseBand, DEFAULT_THRESHOLDS, type EffectInput } from '../state/headline-view.ts';
import { HEADLINE_RUNS, type HeadlineDraws, type HeadlineYear } from '../model-bridge/headline-types.ts';
import type { EffectRow } from './cy-effect-panel.ts';
import { columnFor, valueAt, type AreaInfo, type KpiInfo, type ModelMeta, type RunOutput } from '../model-bridge/types.ts';
import { CUSTOM_SCENARIO, MAX_PINS, type KpiId, type ShareableState, type ViewState } from '../state/app-state.ts';
import { decodeShareFragment, encodeShareFragment } from '../state/share-link.ts';
import { readScenarioFile, scenarioFileText } from '../state/scenario-file.ts';
import { PRESETS } from '../state/presets.ts';
import { activeStartYears, BASELINE_ID, describedPreset } from '../state/scenario-description.ts';
import type { CyMethodPanel } from './cy-method-panel.ts';
import { derivedNote, observationTip } from '../lib/observation-tip.ts';
import prerendered from 'virtual:chengyu-prerender';
import { fromPlainRun } from '../model-bridge/plain-run.ts';
import { BAND_COLOR, PIN_COLORS, type ChartSeries } from './chart-types.ts';
import type { FanChart } from '../../model/analysis/monte-carlo.ts';
import type { TornadoBar } from '../../model/analysis/sensitivity.ts';
import type { LeverChangeDetail } from './cy-lever-control.ts';
import type { KpiCardValue } from './cy-kpi-cards.ts';
import type { CompareRow } from './cy-pin-board.ts';
import type { ExportContext } from './cy-chart-panel.ts';
import { settingsText } from '../lib/settings-text.ts';
import { chartHeightFor } from '../lib/chart-fit.ts';
import { nameIndex } from '../lib/variable-names.ts';
import './cy-lang-switch.ts';
import './cy-notice.ts';
import './cy-scenario-bar.ts';
import './cy-lever-panel.ts';
import './cy-view-picker.ts';
import './cy-kpi-cards.ts';
import './cy-chart-panel.ts';
import './cy-zone-map.ts';
import './cy-pin-board.ts';
import './cy-structure-view.ts';
import './cy-uncertainty-panel.ts';
import './cy-scenario-note.ts';
import './cy-share-panel.ts';
import './cy-link-problem.ts';
import './cy-undo-redo.ts';
import './cy-offline-status.ts';
import type { CySharePanel } from './cy-share-panel.ts';
import type { LinkFallback } from './cy-link-problem.ts';
import { LeverHistory, type LeverSnapshot } from '../state/lever-history.ts';
import { changeText } from '../lib/change-text.ts';
import './cy-effect-panel.ts';
import './cy-cost-panel.ts';

/** Year of the tornado (its caption says 2035). */
const HEADLINE_YEAR = 2035;


/** A message to show: its key, and the error whose detail fills {detail} (worded at render time). */
interface NoticeState {
  key: MessageKey;
  kind: 'error' | 'info';
  err?: unknown;
}

/** The uncertainty band's progress, worded at render time (so it follows a language switch). */
interface UncStatus {
  key: 'unc.computing' | 'unc.done';
  runs: number;
}

/** The application. */
export class CyApp extends LitElement {
  static override properties = {
    lang: { state: true },
    levers: { state: true },
    scenarioId: { state: true },
    scenarioTitle: { state: true },
    view: { state: true },
    pins: { state: true },
    meta: { state: true },
    current: { state: true },
    baseline: { state: true },
    notice: { state: true },
    shareUrl: { state: true },
    structureVar: { state: true },
    busy: { state: true },
    modelReady: { state: true },
    uncEnabled: { state: true },
    uncRuns: { state: true },
    uncStatus: { state: true },
    fan: { state: true },
    tornadoBars: { state: true },
    tornadoRunning: { state: true },
    announcement: { state: true },
    linkProblem: { state: true },
    undoSaid: { state: true },
    headlineYear: { state: true },
    thresholds: { state: true },
  };

  declare lang: Lang;
  declare levers: LeverSettings;
  declare scenarioId: string;
  declare scenarioTitle: Bilingual;
  declare view: ViewState;
  declare pins: Pin[];
  declare meta: ModelMeta | undefined;
  declare current: RunOutput | undefined;
  declare baseline: RunOutput | undefined;
  declare notice: NoticeState | undefined;
  declare shareUrl: string;
  declare structureVar: string;
  declare busy: boolean;
  /** The worker has compiled the model (levers run live). */
  declare modelReady: boolean;
  declare uncEnabled: boolean;
  declare uncRuns: number;
  declare uncStatus: UncStatus | undefined;
  /** The latest fan chart and the request it answers (levers + column + runs). */
  declare fan: { key: string; column: string; chart: FanChart } | undefined;
  declare tornadoBars: TornadoBar[] | undefined;
  /** The tornado is being computed. */
  declare tornadoRunning: boolean;
  /** What the live region last said (set once a burst of changes has settled). */
  declare announcement: string;
  /** A share link that did not open: the error, the link, what the page shows instead, and the settings' fragment then. */
  declare linkProblem: { err: unknown; href: string; fallback: LinkFallback; held: string } | undefined;
  /** What undo or redo last did, for the live region (worded at render time). */
  declare undoSaid: { key: 'undo.done' | 'undo.redone'; step: [LeverSnapshot, LeverSnapshot] } | undefined;
  /** Undo/redo of lever settings. */
  private readonly history = new LeverHistory();
  /** Year of the headline cards, the effect and the cost. */
  declare headlineYear: HeadlineYear;
  /** Threshold of the effect's probability, per indicator (in the difference's unit). */
  declare thresholds: Record<KpiId, number>;
  /** Posterior draws behind the headline bands (baseline, current settings, pins). */
  private readonly headline = new HeadlineBands(this, headlineModelClient, (err) => this.showError('error.run', err));
  /** A change by the person awaits its announcement. */
  private announcePending = false;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private fanTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly client = sharedModelClient();
  private readonly scheduler = new LatestWins<LeverSettings, RunOutput>(
    (levers) => this.client.run(leverConstants(levers)),
    (levers, out) => {
      // A result for settings that have since changed still shows (it is newer than what is on screen).
      this.current = out;
      this.busy = levers !== this.levers;
    },
    (_levers, err) => this.showError('error.run', err),
  );
  private readonly onHashChange = () => {
    clearTimeout(this.urlTimer);
    void this.openLink(location.hash, true);
  };
  private urlTimer: ReturnType<typeof setTimeout> | undefined;
  private resultsObserver: ResizeObserver | undefined;

  static override styles = css`
    :host { display: block; min-height: 100vh; }
    /* Skip links: off screen until focused, then over the header's corner. */
    .skip { position: absolute; left: 0.5rem; top: -10rem; z-index: 10; background: #fff; color: #0b3566; padding: 0.4rem 0.7rem; border-radius: 4px; font-size: 0.9rem; }
    .skip:focus { top: 0.5rem; }
    /* It sits over the dark header: a light ring (6:1 on the header's blue). */
    .skip:focus-visible { outline: 3px solid ${unsafeCSS(HEADER_FOCUS_COLOR)}; outline-offset: 2px; }
    .levers:focus { outline: none; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    header.top { background: #1f4e79; color: #fff; padding: 0.5rem 1rem; display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; align-items: center; justify-content: space-between; }
    h1 { font-size: 1.2rem; margin: 0; }
    .sub { font-size: 0.8rem; opacity: 0.85; margin: 0.1rem 0 0; }
    .status { font-size: 0.8rem; opacity: 0.9; min-width: 5rem; }
    .head-tools { display: inline-flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    /* Styled like the language buttons: an outlined control on the dark header. */
    button.method { font: inherit; font-size: 0.85rem; background: transparent; color: inherit; border: 1px solid currentColor; border-radius: 4px; padding: 0.15rem 0.5rem; cursor: pointer; }
    button.method:focus-visible { outline: 3px solid ${unsafeCSS(HEADER_FOCUS_COLOR)}; outline-offset: 2px; }
    main { padding: 0.4rem 1rem 2rem; display: flex; flex-direction: column; gap: 1rem; }
    /* Results beside the levers; the results stay in view (sticky) while the levers scroll. */
    .work { display: grid; grid-template-columns: minmax(0, 1fr) clamp(16rem, 30vw, 22rem); grid-template-rows: auto 1fr; gap: 0.4rem 1rem; align-items: start; }
    .picker { grid-column: 1; grid-row: 1; }
    .levers { grid-column: 2; grid-row: 1 / span 2; }
    /* Opaque and above the levers, so nothing scrolls over the numbers or the chart. */
    .results { grid-column: 1; grid-row: 2; position: sticky; top: 0; z-index: 2; background: #f6f7f9; display: flex; flex-direction: column; gap: 0.5rem; padding: 0.3rem 0;
      /* The chart takes what the first screen has left after the header, the picker and the cards. */
      --chart-height: clamp(160px, calc(100vh - 350px), 440px); }
    .results:focus { outline: none; }
    .levers { min-width: 0; }
    /* Phones and narrow windows: one column, a compact chart stays on top while the levers scroll under it. */
    @media (max-width: 759px) {
      .work { grid-template-columns: minmax(0, 1fr); grid-template-rows: none; }
      .picker, .results, .levers { grid-column: 1; grid-row: auto; }
      .results { --chart-height: clamp(130px, calc(100vh - 640px), 200px); box-shadow: 0 6px 6px -6px rgba(0, 0, 0, 0.35); }
      /* A lever focused from the keyboard scrolls into view below the sticky results, not under them. */
      .levers { --lever-scroll-margin: calc(var(--results-h, 24rem) + 0.5rem); }
      h1 { font-size: 1.02rem; }
      .sub { font-size: 0.72rem; }
    }
    /* Short screens (a projector at 150 %): a one-line header leaves room for the chart. */
    @media (max-height: 600px) {
      header.top { padding: 0.3rem 1rem; }
      .sub { display: none; }
    }
    .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
    @media (max-width: 1200px) { .pair { grid-template-columns: 1fr; } }
    .card { background: #fff; border: 1px solid #d9dde3; border-radius: 6px; padding: 0.6rem; min-width: 0; }
    /* Below the fold: skip their layout and paint until they are scrolled near (faster first chart). */
    .card.later { content-visibility: auto; contain-intrinsic-size: auto 420px; }
    .top-tools { padding: 0.4rem 1rem 0; }
    footer { font-size: 0.75rem; color: #5b6470; padding: 0 1rem 1rem; }
  `;

  constructor() {
    super();
    this.lang = 'zh';
    this.levers = defaultLeverSettings();
    this.scenarioId = CUSTOM_SCENARIO.id;
    this.scenarioTitle = { ...CUSTOM_SCENARIO.title };
    this.view = { area: 'circle', kpi: 'hte' };
    this.pins = [];
    this.meta = undefined;
    this.current = undefined;
    this.baseline = undefined;
    this.notice = undefined;
    this.shareUrl = '';
    this.structureVar = '';
    this.busy = true;
    this.modelReady = false;
    this.uncEnabled = false;
    this.uncRuns = 300;
    this.uncStatus = undefined;
    this.fan = undefined;
    this.tornadoBars = undefined;
    this.tornadoRunning = false;
    this.announcement = '';
    this.linkProblem = undefined;
    this.undoSaid = undefined;
    this.headlineYear = 2035;
    this.thresholds = { ...DEFAULT_THRESHOLDS };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('resize', this.onResize);
    this.resultsObserver?.disconnect();
  }

  override firstUpdated(): void {
    const results = this.renderRoot.querySelector('.results') as HTMLElement;
    this.resultsObserver = new ResizeObserver(() => {
      // The sticky results' height, so a lever focused under them scrolls clear of them (narrow layout).
      this.style.setProperty('--results-h', `${results.offsetHeight}px`);
      this.fitChart(results);
    });
    this.resultsObserver.observe(results);
    window.addEventListener('resize', this.onResize);
  }

  private readonly onResize = () => {
    const results = this.renderRoot.querySelector('.results') as HTMLElement | null;
    if (results) this.fitChart(results);
  };

  /** Current chart height in pixels (set by fitChart; CSS gives the first guess). */
  private chartHeight = 0;

  /** Size the chart to the room the first screen has left (lib/chart-fit.ts). */
  private fitChart(results: HTMLElement): void {
    const plot = this.renderRoot.querySelector('cy-chart-panel')?.shadowRoot?.querySelector('cy-line-chart')?.shadowRoot?.querySelector('.plot') as HTMLElement | null;
    if (!plot || plot.clientHeight === 0) return;
    const current = this.chartHeight || plot.clientHeight;
    const fixed = results.offsetHeight - current;
    // Where the results start on the unscrolled page: just below the picker (they may be stuck now).
    const picker = this.renderRoot.querySelector('.picker') as HTMLElement | null;
    const top = (picker ? picker.getBoundingClientRect().bottom + window.scrollY + 6 : results.getBoundingClientRect().top + window.scrollY);
    const h = chartHeightFor({ viewport: window.innerHeight, top, fixed, narrow: window.matchMedia('(max-width: 759px)').matches });
    if (Math.abs(h - current) < 2 && this.chartHeight) return;
    this.chartHeight = h;
    results.style.setProperty('--chart-height', `${h}px`);
  }

  /**
   * Draw the baseline computed at build time at once, open the link in the address bar
   * (if any), then let the worker compile the model and replace the baseline with its own run.
   */
  private async start(): Promise<void> {
    const meta = prerendered.meta;
    this.meta = meta;
    this.structureVar = meta.kpiVariables[this.view.kpi] ?? meta.structure[0]?.name ?? '';
    const built = fromPlainRun(prerendered.baseline);
    this.baseline = built;
    const fromLink = location.hash ? this.openLink(location.hash, false) : false;
    if (!fromLink) this.current = built;
    this.history.reset(this.snapshot());
    try {
      await this.client.meta();
      // Marks for the benchmark's breakdown of the time to a live model.
      performance.mark('chengyu:model-ready');
      const base = await this.client.run(leverConstants(defaultLeverSettings()));
      performance.mark('chengyu:baseline');
      this.baseline = base;
      if (this.current === built) this.current = base;
      this.modelReady = true;
      if (this.current === base) this.busy = false;
      this.headline.start(meta.columns, leverConstants(defaultLeverSettings()), leverConstants(this.levers));
    } catch (err) {
      this.showError('error.run', err);
    }
  }

  // ----- state changes -------------------------------------------------------------

  /** `historyKey` names the one field a change touched (a burst of them is one undo step); `fromHistory` for undo/redo itself. */
  private setLevers(levers: LeverSettings, id: string, title: Bilingual, historyKey?: string, fromHistory = false): void {
    if (!fromHistory) {
      this.history.record({ levers, scenarioId: id, scenarioTitle: title }, historyKey, performance.now());
      this.undoSaid = undefined;
    }
    this.announcePending = true;
    this.levers = levers;
    this.scenarioId = id;
    this.scenarioTitle = title;
    this.busy = true;
    this.scheduler.submit(levers);
    this.headline.request(leverConstants(levers));
  }

  private onLeverChange(e: CustomEvent<LeverChangeDetail>): void {
    const { id, field, value } = e.detail;
    // Copy only the lever that changed: the other levers keep their objects, so their controls skip re-rendering.
    const prev = this.levers as unknown as Record<string, Record<string, number>>;
    const next = { ...prev, [id]: { ...prev[id], [field]: value } };
    this.setLevers(next as unknown as LeverSettings, CUSTOM_SCENARIO.id, { ...CUSTOM_SCENARIO.title }, `${id}.${field}`);
  }

  private snapshot(): LeverSnapshot {
    return { levers: this.levers, scenarioId: this.scenarioId, scenarioTitle: this.scenarioTitle };
  }

  /** Undo (or redo) one step of lever changes and say what it did. */
  private stepHistory(back: boolean): void {
    const step = back ? this.history.undoStep() : this.history.redoStep();
    const snap = back ? this.history.undo() : this.history.redo();
    if (!snap || !step) return;
    this.setLevers(snap.levers, snap.scenarioId, snap.scenarioTitle, undefined, true);
    this.undoSaid = { key: back ? 'undo.done' : 'undo.redone', step };
  }

  /** One lever back to its defaults (the others stay as they are). */
  private onLeverReset(e: CustomEvent<{ id: string }>): void {
    const defaults = defaultLeverSettings() as unknown as Record<string, Record<string, number>>;
    const prev = this.levers as unknown as Record<string, Record<string, number>>;
    const next = { ...prev, [e.detail.id]: { ...defaults[e.detail.id] } };
    this.setLevers(next as unknown as LeverSettings, CUSTOM_SCENARIO.id, { ...CUSTOM_SCENARIO.title });
  }

  private onPreset(e: CustomEvent<{ id: string }>): void {
    const p = PRESETS.find((x) => x.scenario.id === e.detail.id);
    if (p) this.setLevers(resolveLevers(p.scenario), p.scenario.id, p.scenario.title);
  }

  private onScenarioFile(e: CustomEvent<{ name: string; text: string }>): void {
    try {
      const { scenario, levers } = readScenarioFile(e.detail.text, e.detail.name);
      this.setLevers(levers, scenario.id, scenario.title);
      this.clearNotice();
    } catch (err) {
      this.showError('error.badFile', err);
    }
  }

  private onSave(): void {
    const text = scenarioFileText(this.levers, this.scenarioId, this.scenarioTitle);
    downloadBlob(new Blob([text], { type: 'application/json' }), fileNameFrom(this.scenarioId, 'json'));
  }

  private async onShare(): Promise<void> {
    this.shareUrl = location.href.split('#')[0] + encodeShareFragment(this.shareable());
    await this.updateComplete;
    // The panel copies (clipboard, or the copy command, or the link selected to copy by hand).
    await (this.renderRoot.querySelector('cy-share-panel') as CySharePanel | null)?.copy();
  }

  private onPinAdd(): void {
    if (this.pins.length >= MAX_PINS || !this.current) return;
    // Settings from a preset or a file are named by its title; others "方案 n"/"Run n".
    this.pins = withPin(this.pins, this.levers, this.current, this.scenarioId !== CUSTOM_SCENARIO.id ? this.scenarioTitle : undefined);
  }

  private onPinRename(e: CustomEvent<{ index: number; name: string }>): void {
    this.pins = renamed(this.pins, e.detail.index, e.detail.name);
  }

  private onPinRemove(e: CustomEvent<{ index: number }>): void {
    this.pins = this.pins.filter((_, i) => i !== e.detail.index);
  }

  /** Move keyboard focus to a region (the fragment is the app's state, so links must not change it). */
  private skipTo(e: Event, selector: string): void {
    e.preventDefault();
    (this.renderRoot.querySelector(selector) as HTMLElement | null)?.focus();
  }

  /**
   * Say the viewed headline number once changes have stopped for a moment: a screen
   * reader would otherwise hear "computing… up to date" at every key press.
   */
  private scheduleAnnouncement(): void {
    clearTimeout(this.announceTimer);
    if (!this.announcePending || this.busy) return;
    this.announceTimer = setTimeout(() => {
      if (this.busy) return;
      this.announcePending = false;
      const kpi = this.kpi();
      const area = this.area();
      const v = kpi && area ? valueAt(this.current, columnFor(kpi, area), this.headlineYear) : undefined;
      if (!kpi || v === undefined) return;
      this.announcement = t(this.lang, 'status.announce', { year: this.headlineYear, kpi: kpi.label[this.lang], value: withUnit(formatFixed(this.lang, v, kpi.digits), kpi.unit[this.lang]) });
    }, 900);
  }

  private onView(e: CustomEvent<ViewState>): void {
    this.announcePending = true;
    const kpiChanged = e.detail.kpi !== this.view.kpi;
    this.view = e.detail;
    if (kpiChanged) this.structureVar = this.meta?.kpiVariables[e.detail.kpi] ?? this.structureVar;
  }

  private onLang(e: CustomEvent<Lang>): void {
    this.lang = e.detail;
  }

  /** Apply a share link; a bad one leaves every part of the state as it was. Returns whether it was applied. */
  private openLink(hash: string, fromNavigation: boolean): boolean {
    if (!this.meta) return false;
    if (fromNavigation && hash === this.currentFragment()) return false;
    let state: ShareableState | undefined;
    try {
      state = decodeShareFragment(hash, this.meta.areas.map((a) => a.id));
    } catch (err) {
      // The bad link stays in the address bar (until the settings change) and in the message, to send back.
      this.linkProblem = { err, href: location.href, fallback: fromNavigation ? 'kept' : 'baseline', held: this.settingsFragment() };
      return false;
    }
    if (!state) return false;
    this.linkProblem = undefined;
    this.lang = state.lang;
    this.view = state.view;
    this.structureVar = this.meta.kpiVariables[state.view.kpi] ?? this.structureVar;
    const pins = pinsFromStates(state.pins);
    this.pins = pins;
    this.clearNotice();
    this.setLevers(state.levers, state.scenarioId, state.scenarioTitle);
    Promise.all(pins.map((p) => this.client.run(leverConstants(p.levers)))).then(
      (results) => {
        // Only if the pins were not changed meanwhile.
        if (this.pins === pins) this.pins = pins.map((p, i) => ({ ...p, result: results[i] }));
      },
      (err) => this.showError('error.run', err),
    );
    return true;
  }

  /** The viewed indicator's output column, or undefined before the model is loaded. */
  private viewColumn(): string | undefined {
    const area = this.area();
    const kpi = this.kpi();
    return area && kpi ? columnFor(kpi, area) : undefined;
  }

  /** Key of the fan chart the current settings need. */
  private fanKey(): string {
    return JSON.stringify([leverConstants(this.levers), this.viewColumn(), this.uncRuns]);
  }

  /** Recompute the band (debounced) when it is shown and its inputs changed. */
  private scheduleFan(): void {
    clearTimeout(this.fanTimer);
    if (!this.uncEnabled || !this.meta || this.fan?.key === this.fanKey()) return;
    // Said at once: the band on screen is for earlier settings from now on.
    this.uncStatus = { key: 'unc.computing', runs: this.uncRuns };
    this.fanTimer = setTimeout(() => this.computeFan(), 300);
  }

  // Latest wins: while a Monte Carlo runs, newer requests replace each other.
  private readonly fanScheduler = new LatestWins<{ key: string; constants: Record<string, number>; column: string; runs: number }, FanChart>(
    (r) => uncertaintyModelClient().fan(r.constants, r.column, r.runs),
    (r, chart) => {
      // A band for earlier settings of this indicator is still newer than the one on screen.
      if (r.column !== this.viewColumn()) return;
      this.fan = { key: r.key, column: r.column, chart };
      if (r.key === this.fanKey()) this.uncStatus = { key: 'unc.done', runs: r.runs };
    },
    (_r, err) => {
      this.uncStatus = undefined;
      this.showError('error.run', err);
    },
  );

  private computeFan(): void {
    const column = this.viewColumn();
    if (!column) return;
    this.uncStatus = { key: 'unc.computing', runs: this.uncRuns };
    this.fanScheduler.submit({ key: this.fanKey(), constants: leverConstants(this.levers), column, runs: this.uncRuns });
  }

  private onUncertainty(e: CustomEvent<{ enabled: boolean; runs: number }>): void {
    this.uncEnabled = e.detail.enabled;
    this.uncRuns = e.detail.runs;
    if (!this.uncEnabled) this.uncStatus = undefined;
  }

  private async onTornado(): Promise<void> {
    const column = this.viewColumn();
    if (!column) return;
    const key = JSON.stringify([leverConstants(this.levers), column]);
    this.tornadoRunning = true;
    this.tornadoBars = undefined;
    try {
      const bars = await uncertaintyModelClient().tornado(leverConstants(this.levers), column, HEADLINE_YEAR, 20);
      if (key === JSON.stringify([leverConstants(this.levers), this.viewColumn()])) {
        this.tornadoBars = bars;
        this.tornadoRunning = false;
      }
    } catch (err) {
      this.tornadoRunning = false;
      this.showError('error.run', err);
    }
  }

  private shareable(): ShareableState {
    return {
      lang: this.lang,
      scenarioId: this.scenarioId,
      scenarioTitle: this.scenarioTitle,
      levers: this.levers,
      view: this.view,
      pins: pinStates(this.pins),
    };
  }

  private currentFragment(): string {
    return encodeShareFragment(this.shareable());
  }

  /** The fragment without the language: switching it (to read a bad link's message) is no change of settings. */
  private settingsFragment(): string {
    return encodeShareFragment({ ...this.shareable(), lang: 'zh' });
  }

  /** Keep the address bar's fragment equal to the state, so a reload or a bookmark reproduces it. */
  private syncUrl(): void {
    const frag = this.currentFragment();
    if (this.linkProblem?.held === this.settingsFragment()) return;
    if (location.hash !== frag) history.replaceState(null, '', frag);
  }

  private showError(key: MessageKey, err: unknown): void {
    this.notice = { key, kind: 'error', err };
  }

  private clearNotice(): void {
    this.notice = undefined;
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('busy') || changed.has('view') || changed.has('current')) this.scheduleAnnouncement();
    if (['levers', 'view', 'uncEnabled', 'uncRuns', 'meta'].some((k) => changed.has(k))) this.scheduleFan();
    if ((changed.has('levers') && changed.get('levers') !== undefined) || (changed.has('view') && changed.get('view') !== undefined)) {
      if (this.tornadoBars) this.tornadoBars = undefined;
    }
    if (changed.has('lang')) {
      // A past announcement is not repeated in the new language; the next change speaks in it.
      if (this.announcement) this.announcement = '';
      document.documentElement.lang = this.lang === 'zh' ? 'zh-CN' : 'en';
      document.title = t(this.lang, 'app.title');
    }
    if (this.meta && ['levers', 'view', 'pins', 'lang', 'scenarioId'].some((k) => changed.has(k))) {
      // Debounced: a lever drag changes the state many times a second, and browsers
      // throttle history updates (and they cost a few milliseconds each).
      clearTimeout(this.urlTimer);
      this.urlTimer = setTimeout(() => this.syncUrl(), 250);
      if (this.shareUrl) this.shareUrl = '';
    }
  }

  // ----- derived data ---------------------------------------------------------------

  private area(): AreaInfo | undefined {
    return this.meta?.areas.find((a) => a.id === this.view.area);
  }

  private kpi(id: KpiId = this.view.kpi): KpiInfo | undefined {
    return this.meta?.kpis.find((k) => k.id === id);
  }

  private chartSeries(): ChartSeries[] {
    // The last band of this indicator stays drawn while the band of new settings is computed, marked as updating.
    const fan = this.uncEnabled && this.fan && this.fan.column === this.viewColumn() ? this.fan.chart : undefined;
    const updating = !!fan && this.fan?.key !== this.fanKey();
    return this.chartSeriesMemo(this.meta, this.view, this.lang, this.current, this.baseline, this.pins, fan, updating);
  }

  // Recomputed only when an input changes, so a lever move alone does not redraw the chart.
  private readonly chartSeriesMemo = memoByIdentity(
    (meta: ModelMeta | undefined, view: ViewState, lang: Lang, current: RunOutput | undefined, baseline: RunOutput | undefined, pins: Pin[], fan: FanChart | undefined, fanUpdating: boolean) =>
      this.buildChartSeries(meta, view, lang, current, baseline, pins, fan, fanUpdating),
  );

  private buildChartSeries(
    meta: ModelMeta | undefined,
    view: ViewState,
    lang: Lang,
    current: RunOutput | undefined,
    baseline: RunOutput | undefined,
    pins: Pin[],
    fan: FanChart | undefined,
    fanUpdating = false,
  ): ChartSeries[] {
    const area = meta?.areas.find((a) => a.id === view.area);
    const kpi = meta?.kpis.find((k) => k.id === view.kpi);
    if (!area || !meta || !kpi) return [];
    const col = columnFor(kpi, area);
    const out: ChartSeries[] = [];
    if (fan) {
      const times = fan.times;
      const mark = fanUpdating ? t(lang, 'unc.updating') : '';
      out.push(
        { id: 'band90', name: t(lang, 'unc.band90') + mark, role: 'band', times, lower: fan.p5, values: fan.p95, edgeNames: ['5%', '95%'], color: BAND_COLOR },
        { id: 'band50', name: t(lang, 'unc.band50') + mark, role: 'band', times, lower: fan.p25, values: fan.p75, edgeNames: ['25%', '75%'], color: BAND_COLOR },
        { id: 'median', name: t(lang, 'unc.median') + mark, role: 'pin', times, values: fan.p50, color: '#5b8fc7' },
      );
    }
    const add = (r: RunOutput | undefined, s: Omit<ChartSeries, 'times' | 'values'>) => {
      const values = r?.columns[col];
      if (r && values) out.push({ ...s, times: r.times, values });
    };
    add(baseline, { id: 'baseline', name: t(lang, 'baseline'), role: 'baseline' });
    pins.forEach((p, i) => add(p.result, { id: `pin${i}`, name: pinName(p.label, lang), role: 'pin', color: PIN_COLORS[p.color] }));
    add(current, { id: 'current', name: t(lang, 'pins.current'), role: 'current' });
    const obs = meta.observations.filter((o) => o.column === col);
    if (obs.length) {
      out.push({
        id: 'history', name: t(lang, 'history'), role: 'history', times: obs.map((o) => o.time), values: obs.map((o) => o.value),
        notes: obs.map((o) => observationTip(o, lang, meta.areas)),
      });
    }
    return out;
  }

  private readonly cards = memoByIdentity(
    (meta: ModelMeta | undefined, view: ViewState, year: number, current: RunOutput | undefined, baseline: RunOutput | undefined, draws: HeadlineDraws | undefined, baseDraws: HeadlineDraws | undefined): KpiCardValue[] => {
      const area = meta?.areas.find((a) => a.id === view.area);
      if (!area || !meta) return [];
      return headlineCards(meta.kpis, area, year, current, baseline, draws, baseDraws);
    },
  );

  /** The effect rows of the viewed indicator: the current settings, then each pin (their draws computed in the background). */
  private effectRows(): EffectRow[] {
    const area = this.area();
    const kpi = this.kpi();
    if (!area || !kpi) return [];
    const runs = [
      { name: t(this.lang, 'pins.current'), draws: this.headline.shown?.draws, updating: this.headline.updating },
      ...this.pins.map((p) => ({ name: pinName(p.label, this.lang), color: PIN_COLORS[p.color], draws: this.headline.forSettings(leverConstants(p.levers)), updating: false })),
    ];
    return this.effectMemo(kpi, area, this.headlineYear, this.thresholds[kpi.id], this.headline.baseline, this.lang, this.pins, ...runs.map((r) => r.draws), this.headline.updating, runs);
  }

  // Recomputed only when a draw set, the view, the year or the threshold changes.
  private readonly effectMemo = memoByIdentity((kpi: KpiInfo, area: AreaInfo, year: number, threshold: number, base: HeadlineDraws | undefined, ...rest: unknown[]) => {
    const runs = rest[rest.length - 1] as EffectInput[];
    return headlineEffects(kpi, area, year, runs, base, threshold);
  });

  private readonly costPer = memoByIdentity((draws: HeadlineDraws | undefined, base: HeadlineDraws | undefined, year: number) => costPerEnterpriseBand(draws, base, year));

  // What exported files say about themselves; recomputed only when an input changes.
  private readonly exportContext = memoByIdentity(
    (lang: Lang, unit: string, kpi: KpiInfo | undefined, levers: LeverSettings, title: Bilingual, pins: Pin[], derived: string | undefined): ExportContext => ({
      lines: [
        t(lang, 'export.unit', { unit }),
        t(lang, 'export.scenario', { title: title[lang] }),
        t(lang, 'export.settings', { settings: settingsText(levers, lang) }),
        ...pins.map((p) => t(lang, 'export.pin', { name: pinName(p.label, lang), settings: settingsText(p.levers, lang) })),
        // Observed points that no source reports as such (the circle's sums) say so in the file.
        ...(derived ? [derived] : []),
        t(lang, 'export.model', { hash: this.meta?.modelHash ?? '' }),
      ],
      digits: kpi?.exportDigits ?? (kpi?.digits ?? 0) + 2,
      shownDigits: kpi?.digits ?? 2,
    }),
  );

  private readonly compareRows = memoByIdentity(
    (meta: ModelMeta | undefined, view: ViewState, lang: Lang, current: RunOutput | undefined, baseline: RunOutput | undefined, pins: Pin[], year: number) => {
      const area = meta?.areas.find((a) => a.id === view.area);
      const kpis = meta?.kpis ?? [];
      if (!area) return { baseline: [] as Array<number | undefined>, rows: [] as CompareRow[] };
      const vals = (r: RunOutput | undefined) => kpis.map((k) => valueAt(r, columnFor(k, area), year));
      return {
        baseline: vals(baseline),
        rows: [
          { name: t(lang, 'pins.current'), values: vals(current) },
          ...pins.map((p) => ({ name: pinName(p.label, lang), color: PIN_COLORS[p.color], values: vals(p.result) })),
        ] as CompareRow[],
      };
    },
  );

  private readonly mapValues = memoByIdentity((meta: ModelMeta | undefined, view: ViewState, current: RunOutput | undefined, year: number) => {
    const out: Record<string, number | undefined> = {};
    const kpi = meta?.kpis.find((k) => k.id === view.kpi);
    if (!kpi || kpi.scope === 'circle') return out;
    for (const a of meta?.areas ?? []) {
      if (a.kind === 'zone') out[a.id] = valueAt(current, columnFor(kpi, a), year);
    }
    return out;
  });

  private readonly pinNames = memoByIdentity((pins: Pin[], lang: Lang) => pins.map((p) => pinName(p.label, lang)));

  private readonly pinColors = memoByIdentity((pins: Pin[]) => pins.map((p) => PIN_COLORS[p.color]));

  private readonly zones = memoByIdentity((meta: ModelMeta | undefined) => (meta?.areas ?? []).filter((a) => a.kind === 'zone'));

  private readonly presetItems = PRESETS.map((p) => ({ id: p.scenario.id, title: p.scenario.title }));

  /** The preset the levers are set to, with its description (the baseline at the defaults). */
  private readonly preset = memoByIdentity((id: string, levers: LeverSettings) => describedPreset(PRESETS, id, levers));

  private readonly startYears = memoByIdentity((levers: LeverSettings) => activeStartYears(levers));

  /** The baseline preset's description, the panel's statement of what the baseline means. */
  private readonly baselineDescription = PRESETS.find((p) => p.scenario.id === BASELINE_ID)?.scenario.description;

  private readonly viewObservations = memoByIdentity((meta: ModelMeta | undefined, view: ViewState) => {
    const area = meta?.areas.find((a) => a.id === view.area);
    const kpi = meta?.kpis.find((k) => k.id === view.kpi);
    if (!meta || !area || !kpi) return [];
    const col = columnFor(kpi, area);
    return meta.observations.filter((o) => o.column === col);
  });

  private readonly derivedNote = memoByIdentity((meta: ModelMeta | undefined, view: ViewState, lang: Lang) =>
    derivedNote(this.viewObservations(meta, view), lang, meta?.areas ?? []),
  );

  /** Open the data-and-method panel; its code loads on first use (it is not needed for the first chart). */
  private async openMethod(section?: 'observed'): Promise<void> {
    try {
      await import('./cy-method-panel.ts');
    } catch (err) {
      this.showError('error.run', err);
      return;
    }
    await (this.renderRoot.querySelector('cy-method-panel') as CyMethodPanel | null)?.open(section);
  }

  /** The current preset when it is not the baseline (the panel states the baseline anyway). */
  private currentPreset() {
    const p = this.preset(this.scenarioId, this.levers);
    return p && p.description !== this.baselineDescription ? p : undefined;
  }

  /** An undo step in words, in the page's language ("" for none). */
  private stepText(step: [LeverSnapshot, LeverSnapshot] | undefined): string {
    return step ? changeText(step[0], step[1], this.lang) : '';
  }

  // ----- view ----------------------------------------------------------------------

  override render() {
    const lang = this.lang;
    const meta = this.meta;
    const area = this.area();
    const kpi = this.kpi();
    const areaLabel = area?.label[lang] ?? '';
    const kpiLabel = kpi?.label[lang] ?? '';
    const unit = kpi?.unit[lang] ?? '';
    const compare = this.compareRows(this.meta, this.view, lang, this.current, this.baseline, this.pins, this.headlineYear);
    const status = !this.modelReady ? t(lang, 'status.loading') : this.busy ? t(lang, 'status.running') : t(lang, 'status.ready');
    return html`<a class="skip" href="#levers" @click=${(e: Event) => this.skipTo(e, '#levers')}>${t(lang, 'skip.levers')}</a>
      <a class="skip" href="#results" @click=${(e: Event) => this.skipTo(e, '#results')}>${t(lang, 'skip.results')}</a>
      <header class="top">
        <div>
          <h1>${t(lang, 'app.title')}</h1>
          <p class="sub">${t(lang, 'app.subtitle')}</p>
        </div>
        <!-- Seen, not spoken: it changes at every key press; #announce speaks once a change has settled. -->
        <span class="status" id="status">${status}</span>
        <span class="visually-hidden" id="announce" role="status" aria-live="polite">${this.announcement}</span>
        <span class="head-tools">
          <button type="button" class="method" id="method-open" aria-haspopup="dialog" @click=${() => void this.openMethod()}>${t(lang, 'method.open')}</button>
          <cy-offline-status lang=${lang}></cy-offline-status>
          <cy-lang-switch lang=${lang} @lang-change=${this.onLang}></cy-lang-switch>
        </span>
      </header>
      <div class="top-tools">
        <cy-notice .message=${this.notice ? t(lang, this.notice.key, { detail: errorText(this.notice.err, lang) }) : ''} kind=${this.notice?.kind ?? 'info'}
          lang=${lang} @notice-dismiss=${this.clearNotice}></cy-notice>
        <cy-scenario-bar .presets=${this.presetItems} current=${this.scenarioId}
          lang=${lang}
          @preset-load=${this.onPreset} @scenario-save=${this.onSave} @scenario-file=${this.onScenarioFile} @share=${this.onShare}></cy-scenario-bar>
        <cy-share-panel url=${this.shareUrl} lang=${lang} @share-close=${() => (this.shareUrl = '')}></cy-share-panel>
        <cy-link-problem .problem=${this.linkProblem?.err} href=${this.linkProblem?.href ?? ''} fallback=${this.linkProblem?.fallback ?? 'baseline'} lang=${lang}
          @link-problem-dismiss=${() => (this.linkProblem = undefined)}></cy-link-problem>
      </div>
      <main>
        <div class="work">
          ${meta
            ? html`<cy-view-picker class="picker" .areas=${meta.areas} .kpis=${meta.kpis} .view=${this.view} lang=${lang} @view-change=${this.onView}></cy-view-picker>`
            : nothing}
          <section class="results" id="results" tabindex="-1" aria-label=${t(lang, 'results.heading')}>
            ${meta
              ? html`<cy-kpi-cards .cards=${this.cards(this.meta, this.view, this.headlineYear, this.current, this.baseline, this.headline.shown?.draws, this.headline.baseline)}
                    year=${this.headlineYear} ?updating=${this.modelReady && this.headline.updating} selected=${this.view.kpi} lang=${lang}
                    @year-change=${(e: CustomEvent<HeadlineYear>) => (this.headlineYear = e.detail)}
                    @kpi-select=${(e: CustomEvent<KpiId>) => this.onView(new CustomEvent('view-change', { detail: { ...this.view, kpi: e.detail } }))}></cy-kpi-cards>
                  <cy-chart-panel .series=${this.chartSeries()} heading=${t(lang, 'chart.heading', { kpi: kpiLabel, region: areaLabel })}
                    unit=${unit} lang=${lang} .context=${this.exportContext(lang, unit, kpi, this.levers, this.scenarioTitle, this.pins, this.derivedNote(this.meta, this.view, lang))}
                    observedCount=${this.viewObservations(this.meta, this.view).length}
                    @method-open=${(e: CustomEvent<{ section?: 'observed' }>) => void this.openMethod(e.detail.section)}></cy-chart-panel>`
              : nothing}
          </section>
          <aside class="levers" id="levers" tabindex="-1" aria-label=${t(lang, 'levers.heading')}>
            <cy-undo-redo undoText=${this.stepText(this.history.undoStep())} redoText=${this.stepText(this.history.redoStep())} lang=${lang}
              said=${this.undoSaid ? t(lang, this.undoSaid.key, { change: this.stepText(this.undoSaid.step) }) : ''}
              @lever-undo=${() => this.stepHistory(true)} @lever-redo=${() => this.stepHistory(false)}></cy-undo-redo>
            <cy-scenario-note .preset=${this.preset(this.scenarioId, this.levers)} .startYears=${this.startYears(this.levers)} lang=${lang}></cy-scenario-note>
            <cy-lever-panel .levers=${this.levers} lang=${lang} @lever-change=${this.onLeverChange} @lever-reset=${this.onLeverReset}
              @levers-reset=${() => this.setLevers(defaultLeverSettings(), CUSTOM_SCENARIO.id, { ...CUSTOM_SCENARIO.title })}></cy-lever-panel>
          </aside>
        </div>
        ${meta
          ? html`<div class="pair">
                <div class="card">
                  <cy-zone-map .zones=${this.zones(meta)} .rail=${meta.rail} .values=${this.mapValues(this.meta, this.view, this.current, this.headlineYear)} year=${this.headlineYear}
                    selected=${this.view.area} kpiLabel=${kpiLabel} unit=${unit} digits=${kpi?.digits ?? 0} lang=${lang}
                    @area-select=${(e: CustomEvent<string>) => (this.view = { ...this.view, area: e.detail })}></cy-zone-map>
                </div>
                <div class="card">
                  <cy-pin-board year=${this.headlineYear} .pinNames=${this.pinNames(this.pins, lang)} .pinColors=${this.pinColors(this.pins)} .kpis=${meta.kpis} .baseline=${compare.baseline} .rows=${compare.rows}
                    areaLabel=${areaLabel} lang=${lang}
                    @pin-add=${this.onPinAdd} @pin-rename=${this.onPinRename} @pin-remove=${this.onPinRemove}></cy-pin-board>
                </div>
              </div>
              <div class="pair">
                <div class="card">
                  <cy-effect-panel .rows=${this.effectRows()} .kpi=${kpi} threshold=${kpi ? this.thresholds[kpi.id] : 0} runs=${HEADLINE_RUNS} lang=${lang}
                    scope=${kpi ? t(lang, 'effect.scope', { region: areaLabel, year: this.headlineYear, kpi: kpiLabel }) : ''}
                    @threshold-change=${(e: CustomEvent<number>) => kpi && (this.thresholds = { ...this.thresholds, [kpi.id]: e.detail })}></cy-effect-panel>
                </div>
                <div class="card">
                  <cy-cost-panel .run=${this.current} .perEnterprise=${this.costPer(this.headline.shown?.draws, this.headline.baseline, this.headlineYear)}
                    year=${this.headlineYear} lang=${lang}></cy-cost-panel>
                </div>
              </div>
              <div class="card later">
                <cy-uncertainty-panel ?enabled=${this.uncEnabled} runs=${this.uncRuns} status=${this.uncStatus ? t(lang, this.uncStatus.key, { n: formatNumber(lang, this.uncStatus.runs, 0) }) : ''} .bars=${this.tornadoBars}
                  tornadoStatus=${this.tornadoRunning ? t(lang, 'unc.tornadoRunning') : ''} unit=${kpi?.deltaUnit?.[lang] ?? unit} lang=${lang} .names=${nameIndex(meta.structure)}
                  @uncertainty-change=${this.onUncertainty} @tornado-request=${this.onTornado}></cy-uncertainty-panel>
              </div>
              <div class="card later">
                <cy-structure-view .variables=${meta.structure} .levers=${this.levers} selected=${this.structureVar} lang=${lang}
                  @structure-select=${(e: CustomEvent<string>) => (this.structureVar = e.detail)}></cy-structure-view>
              </div>`
          : nothing}
      </main>
      <cy-method-panel .summary=${prerendered.method} .areas=${meta?.areas ?? []} .baseline=${this.baselineDescription}
        .current=${this.currentPreset()} .observed=${this.viewObservations(this.meta, this.view)}
        chartHeading=${t(lang, 'chart.heading', { kpi: kpiLabel, region: areaLabel })} digits=${kpi?.digits ?? 0} unit=${unit} lang=${lang}></cy-method-panel>
      <footer>${meta ? html`${t(lang, 'footer.name')} · ${t(lang, 'footer.model')} <code>${meta.modelHash}</code>` : ''}</footer>`;
  }
}

customElements.define('cy-app', CyApp);
