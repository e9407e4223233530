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
import { formatFixed, formatNumber, inParens, t, withUnit, type Lang, type MessageKey } from '../i18n/i18n.ts';
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
import type { CyGoalPanel, GoalLoadDetail } from './cy-goal-panel.ts';
import { derivedNote, observationTip } from '../lib/observation-tip.ts';
import prerendered from 'virtual:chengyu-prerender';
import { unpackMeta } from '../model-bridge/packed-meta.ts';
import { fromPlainRun } from '../model-bridge/plain-run.ts';
import { BAND_COLOR, PIN_COLORS, type ChartSeries } from './chart-types.ts';
import type { FanWithForecast as FanChart } from '../model-bridge/uncertainty.ts';
import type { TornadoBar } from '../../model/analysis/sensitivity.ts';
import type { LeverChangeDetail } from './cy-lever-control.ts';
import type { KpiCardValue } from './cy-kpi-cards.ts';
import type { CompareRow } from './cy-pin-board.ts';
import type { ExportContext } from './cy-chart-panel.ts';
import { settingsText } from '../lib/settings-text.ts';
import { chartHeightFor } from '../lib/chart-fit.ts';
import { nameIndex } from '../lib/variable-names.ts';
import { CHART_COUNTS, defaultChoices, elementLabel, elementsOf, humanName, resolveChoice, type ChartChoice, type ChartCount, type ResolvedChart } from '../lib/chart-choice.ts';
import { unitLabel } from '../lib/unit-label.ts';
import { isPresentUrl, presentUrl, isTypingTarget } from '../lib/presentation.ts';
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
import './cy-variable-menu.ts';

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
    presenting: { type: Boolean, reflect: true },
    chartCount: { state: true },
    choices: { state: true },
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
  /** Presentation mode: large type, headline numbers, charts and main sliders only (`?present`, key P; Esc leaves). */
  declare presenting: boolean;
  /** Charts side by side (the graphs menu). */
  declare chartCount: ChartCount;
  /** What each of the four chart places shows (the first follows the viewed indicator until a variable is chosen for it). */
  declare choices: ChartChoice[];
  /** A change by the person awaits its announcement. */
  private announcePending = false;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private fanTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly client = sharedModelClient();
  private readonly scheduler = new LatestWins<LeverSettings, RunOutput>(
    (levers) => this.client.run(leverConstants(levers), this.extraColumns),
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
    main { padding: 0.3rem 1rem 2rem; display: flex; flex-direction: column; gap: 1rem; }
    /*
     * The first screen (a 1280×720 projector): the view and scenario tools in one row, then
     * the headline numbers and the charts beside the two groups of levers. Both columns stay
     * in view (sticky); the levers scroll on their own when they do not fit, so reaching
     * the last lever never scrolls the chart away.
     */
    .work { display: grid; grid-template-columns: minmax(0, 1fr) clamp(17rem, 29vw, 23rem); grid-template-rows: auto 1fr; gap: 0.35rem 0.9rem; align-items: start; }
    .toolbar { grid-column: 1 / -1; grid-row: 1; display: flex; flex-wrap: wrap; gap: 0.3rem 0.8rem; align-items: end; }
    .toolbar .scenarios { margin-left: auto; }
    /* The graphs menu's count in the header: outlined like its other buttons, the chosen one filled. */
    .chart-count { display: inline-flex; align-items: center; gap: 0.2rem; font-size: 0.85rem; margin-right: 0.4rem; }
    .chart-count .cc-label { margin-right: 0.15rem; }
    .chart-count button { font: inherit; min-width: 1.8rem; padding: 0.1rem 0.35rem; border: 1px solid currentColor; background: transparent; color: inherit; border-radius: 4px; cursor: pointer; }
    .chart-count button[aria-pressed='true'] { background: #fff; color: #1f4e79; font-weight: 700; }
    .chart-count button:focus-visible { outline: 3px solid ${unsafeCSS(HEADER_FOCUS_COLOR)}; outline-offset: 2px; }
    .levers { grid-column: 2; grid-row: 2; position: sticky; top: 0; max-height: calc(100vh - var(--levers-top, 0px)); overflow-y: auto; overscroll-behavior: contain; box-sizing: border-box; padding: 0.2rem 0.2rem 0.4rem 0; min-width: 0; }
    /* Opaque and above the levers, so nothing scrolls over the numbers or the chart. */
    .results { grid-column: 1; grid-row: 2; position: sticky; top: 0; z-index: 2; background: #f6f7f9; display: flex; flex-direction: column; gap: 0.4rem; padding: 0.2rem 0; min-width: 0;
      /* The chart takes what the first screen has left after the header, the tools and the cards. */
      --chart-height: clamp(160px, calc(100vh - 350px), 440px); }
    .results:focus { outline: none; }
    /* 1, 2 or 4 charts: two side by side, four as two rows of two. */
    .charts { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.4rem; }
    .charts[data-count='2'], .charts[data-count='4'] { grid-template-columns: repeat(2, minmax(0, 1fr)); }
    .chart-heading { display: inline-flex; flex-wrap: wrap; align-items: baseline; gap: 0.2rem 0.5rem; max-width: 100%; }
    select.element { font: inherit; font-size: 0.8rem; font-weight: normal; max-width: 12rem; }
    cy-scenario-note { margin-top: 0.4rem; }
    /* Phones and narrow windows: one column, a compact chart stays on top while the levers scroll under it. */
    @media (max-width: 759px) {
      .work { grid-template-columns: minmax(0, 1fr); grid-template-rows: none; }
      .toolbar, .results, .levers { grid-column: 1; grid-row: auto; }
      .toolbar .scenarios { margin-left: 0; }
      .levers { position: static; max-height: none; overflow: visible; }
      .results { --chart-height: clamp(130px, calc(100vh - 640px), 200px); box-shadow: 0 6px 6px -6px rgba(0, 0, 0, 0.35); }
      /* More than one chart: swiped sideways, so the sticky block keeps the height of one. */
      .charts[data-count='2'], .charts[data-count='4'] { grid-template-columns: none; grid-auto-flow: column; grid-auto-columns: 92%; overflow-x: auto; scroll-snap-type: x mandatory; }
      .charts > * { scroll-snap-align: start; }
      /* A lever focused from the keyboard scrolls into view below the sticky results, not under them. */
      .levers { --lever-scroll-margin: calc(var(--results-h, 24rem) + 0.5rem); }
      h1 { font-size: 1.02rem; }
      .sub { font-size: 0.72rem; }
    }
    /* Screens under 800 pixels high (a 1280×720 projector, a laptop at 150 %): a one-line header. */
    @media (max-height: 800px) {
      header.top { padding: 0.3rem 1rem; column-gap: 0.7rem; }
      h1 { font-size: 1.05rem; }
      .head-tools { gap: 0.35rem; }
      .sub { display: none; }
    }
    /* One header line on a 1280×720 projector in either language (or the last lever leaves the first
       screen), and on shorter screens in two columns (a long title ends in "…"; its tooltip has it all). */
    @media (max-height: 800px) and (min-width: 1200px), (max-height: 600px) and (min-width: 760px) {
      header.top { flex-wrap: nowrap; }
      .titles { min-width: 0; flex: 0 1 auto; }
      h1 { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
      .status { min-width: 0; flex: none; }
      .head-tools { flex: none; flex-wrap: nowrap; }
    }
    /* Shorter still, in two columns: smaller header buttons, undo/redo under the levers. */
    @media (max-height: 600px) and (min-width: 760px) {
      button.method { font-size: 0.8rem; }
      /* The chart-count buttons say 1 / 2 / 4 by themselves (their group keeps its accessible name). */
      .cc-label { display: none; }
      cy-scenario-bar { margin-top: 0.5rem; }
      /* Undo/redo under the levers here: the two groups' headings stay on the first screen. */
      .levers { display: flex; flex-direction: column; }
      .levers cy-undo-redo { order: 1; margin-top: 0.4rem; }
      .levers cy-scenario-note, .levers cy-scenario-bar { order: 2; }
    }
    /* Presentation mode: large type (the shell sets the root size), headline numbers, charts and main sliders only. */
    :host([presenting]) .toolbar, :host([presenting]) #method-open, :host([presenting]) #goal-open, :host([presenting]) cy-scenario-note, :host([presenting]) cy-undo-redo,
    :host([presenting]) main > :not(.work), :host([presenting]) footer, :host([presenting]) .sub { display: none; }
    :host([presenting]) header.top { padding: 0.25rem 1rem; }
    :host([presenting]) .work { grid-template-rows: auto; }
    :host([presenting]) .results, :host([presenting]) .levers { grid-row: 1; }
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
    // The posterior band is drawn by default, from the same draws as the headline cards, so
    // the cards' number and the chart's emphasised line (the posterior median) agree.
    this.uncEnabled = true;
    this.uncRuns = HEADLINE_RUNS;
    this.uncStatus = undefined;
    this.fan = undefined;
    this.tornadoBars = undefined;
    this.tornadoRunning = false;
    this.announcement = '';
    this.linkProblem = undefined;
    this.undoSaid = undefined;
    this.headlineYear = 2035;
    this.thresholds = { ...DEFAULT_THRESHOLDS };
    this.presenting = isPresentUrl(location.href);
    this.chartCount = 1;
    this.choices = defaultChoices();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('keydown', this.onKeyDown);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('resize', this.onResize);
    window.removeEventListener('keydown', this.onKeyDown);
    this.resultsObserver?.disconnect();
  }

  override firstUpdated(): void {
    this.wasNarrow = this.narrow;
    this.wasShort = this.short;
    const results = this.renderRoot.querySelector('.results') as HTMLElement;
    this.resultsObserver = new ResizeObserver(() => {
      // The sticky results' height, so a lever focused under them scrolls clear of them (narrow layout).
      this.style.setProperty('--results-h', `${results.offsetHeight}px`);
      this.fitChart(results);
    });
    this.resultsObserver.observe(results);
    // A chart about to draw for the first time gets its height first (see cy-line-chart).
    this.renderRoot.addEventListener('plot-mount', () => this.fitChart(results));
    // The tools above change height with the language (a row more or less): the chart refits.
    const tools = this.renderRoot.querySelector('.toolbar');
    if (tools) this.resultsObserver.observe(tools);
    window.addEventListener('resize', this.onResize);
  }

  /** One-column (phone) layout: a smaller chart, with smaller axis text. */
  private get narrow(): boolean {
    // The viewport width the media queries compare (innerWidth includes the scrollbar, as they do);
    // matchMedia would cost a style update when called in the first render.
    return window.innerWidth <= 759;
  }

  /**
   * A short two-column screen (a projector at 150 %): the scenario tools go below the levers,
   * leaving the first screen's height to the numbers and the chart.
   */
  private get short(): boolean {
    return !this.narrow && window.innerHeight <= 600;
  }

  private readonly onResize = () => {
    if (this.narrow !== this.wasNarrow || this.short !== this.wasShort) {
      this.wasNarrow = this.narrow;
      this.wasShort = this.short;
      this.requestUpdate();
    }
    const results = this.renderRoot.querySelector('.results') as HTMLElement | null;
    if (results) this.fitChart(results);
  };

  private wasNarrow = false;
  private wasShort = false;

  /** Current chart height in pixels (set by fitChart; CSS gives the first guess). */
  private chartHeight = 0;

  /** Size the charts to the room the first screen has left (lib/chart-fit.ts); four charts share it in two rows. */
  private fitChart(results: HTMLElement): void {
    // The levers' own scroll box ends at the bottom of the first screen: reaching a lever
    // scrolls the box, never the page (which would push the sticky numbers and chart away).
    const levers = this.renderRoot.querySelector('.levers') as HTMLElement | null;
    const work = this.renderRoot.querySelector('.work') as HTMLElement | null;
    if (levers && work && !this.narrow) {
      // Where the levers start on the unscrolled page (they may be stuck at the top now).
      const tools = this.renderRoot.querySelector('.toolbar') as HTMLElement | null;
      const above = tools && tools.offsetHeight > 0 ? tools.offsetHeight + parseFloat(getComputedStyle(work).rowGap || '0') : 0;
      const top = work.getBoundingClientRect().top + window.scrollY + above;
      this.style.setProperty('--levers-top', `${Math.round(top)}px`);
    }
    const plot = this.renderRoot.querySelector('cy-chart-panel')?.shadowRoot?.querySelector('cy-line-chart')?.shadowRoot?.querySelector('.plot') as HTMLElement | null;
    if (!plot || plot.clientHeight === 0) return;
    const narrow = this.narrow;
    const rows = this.chartCount === 4 && !narrow ? 2 : 1;
    const current = this.chartHeight || plot.clientHeight;
    const fixed = results.offsetHeight - rows * current;
    // Where the results start on the unscrolled page: just below the tools (they may be stuck now).
    const tools = this.renderRoot.querySelector('.toolbar') as HTMLElement | null;
    // (Presentation mode hides the tools: the results then start below the header.)
    const top = tools && tools.offsetHeight > 0 ? tools.getBoundingClientRect().bottom + window.scrollY + 6 : results.getBoundingClientRect().top + window.scrollY;
    const h = chartHeightFor({ viewport: window.innerHeight, top, fixed, narrow, rows });
    if (Math.abs(h - current) < 2 && this.chartHeight) return;
    this.chartHeight = h;
    results.style.setProperty('--chart-height', `${h}px`);
  }

  /**
   * Draw the baseline computed at build time at once, open the link in the address bar
   * (if any), then let the worker compile the model and replace the baseline with its own run.
   */
  private async start(): Promise<void> {
    const meta = unpackMeta(prerendered.meta);
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
      const key = this.extraKey;
      const base = await this.client.run(leverConstants(defaultLeverSettings()), this.extraColumns);
      performance.mark('chengyu:baseline');
      // Charts chosen meanwhile ask for their own baseline (updateExtraColumns).
      if (key === this.extraKey) this.baseline = base;
      if (this.current === built) this.current = base;
      this.modelReady = true;
      if (key !== this.extraKey) {
        this.extraKey = '\u0000';
        this.updateExtraColumns();
      } else if (this.extraColumns.length) {
        // A link's charts of model variables: the runs asked for before the charts were known lack their columns.
        this.scheduler.submit(this.levers);
        this.runPins();
      }
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
    if (kpiChanged) {
      this.structureVar = this.meta?.kpiVariables[e.detail.kpi] ?? this.structureVar;
      // The first chart shows the indicator chosen (by a card, the picker or a link).
      this.choices = [{ kpi: e.detail.kpi }, ...this.choices.slice(1)];
    }
  }

  /** A chart's menu chose what it shows; for the first chart an indicator is also the viewed one. */
  private onChartChoice(e: CustomEvent<{ index: number; choice: ChartChoice }>): void {
    const { index, choice } = e.detail;
    this.choices = this.choices.map((c, i) => (i === index ? choice : c));
    if (index === 0 && 'kpi' in choice && choice.kpi !== this.view.kpi) this.onView(new CustomEvent('view-change', { detail: { ...this.view, kpi: choice.kpi } }));
  }

  /** The element of an arrayed variable a chart shows ('' follows the viewed zone). */
  private chooseElement(index: number, element: string): void {
    const c = this.choices[index];
    if (!('variable' in c)) return;
    this.choices = this.choices.map((x, i) => (i === index ? (element ? { variable: c.variable, element } : { variable: c.variable }) : x));
  }

  /** Enter or leave presentation mode; the address keeps `?present` in step (a bookmark reopens it). */
  private setPresenting(on: boolean): void {
    if (on === this.presenting) return;
    this.presenting = on;
    history.replaceState(history.state, '', presentUrl(location.href, on));
  }

  /** P toggles presentation mode (not while typing); Esc leaves it unless something nearer used the key. */
  private readonly onKeyDown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Escape' && this.presenting) {
      // An open dialog (the data-and-method panel) closes first.
      if (this.renderRoot.querySelector('cy-method-panel')?.shadowRoot?.querySelector('dialog[open]')) return;
      this.setPresenting(false);
    } else if ((e.key === 'p' || e.key === 'P') && !isTypingTarget(e.composedPath()[0])) {
      this.setPresenting(!this.presenting);
    }
  };

  /** Output columns the charts need beyond the usual ones (any model variable), and their key. */
  private extraColumns: string[] = [];
  private extraKey = '';

  /** Ask for the charts' extra columns: the current settings and the baseline are run again with them. */
  private updateExtraColumns(): void {
    const meta = this.meta;
    if (!meta) return;
    const have = new Set(meta.columns);
    const cols = this.resolvedCharts(meta, this.choices, this.chartCount, this.area()).flatMap((r) => (r && !have.has(r.column) ? [r.column] : []));
    const extra = [...new Set(cols)].sort();
    const key = extra.join('\n');
    if (key === this.extraKey) return;
    this.extraKey = key;
    this.extraColumns = extra;
    if (!extra.length || !this.modelReady) return;
    this.busy = true;
    this.scheduler.submit(this.levers);
    // Pins made before this chart was chosen have no values of its variable yet.
    this.runPins();
    this.client.run(leverConstants(defaultLeverSettings()), extra).then(
      (b) => {
        if (this.extraKey === key) this.baseline = b;
      },
      (err) => this.showError('error.run', err),
    );
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
      state = decodeShareFragment(hash, this.meta.areas.map((a) => a.id), undefined, this.linkVariables(this.meta));
    } catch (err) {
      // The bad link stays in the address bar (until the settings change) and in the message, to send back.
      this.linkProblem = { err, href: location.href, fallback: fromNavigation ? 'kept' : 'baseline', held: this.settingsFragment() };
      return false;
    }
    if (!state) return false;
    this.linkProblem = undefined;
    this.lang = state.lang;
    this.view = state.view;
    this.headlineYear = state.year ?? 2035;
    this.chartCount = state.charts?.count ?? 1;
    this.choices = state.charts ? [...state.charts.choices] : [{ kpi: state.view.kpi }, ...defaultChoices().slice(1)];
    this.structureVar = this.meta.kpiVariables[state.view.kpi] ?? this.structureVar;
    this.pins = pinsFromStates(state.pins);
    this.clearNotice();
    this.setLevers(state.levers, state.scenarioId, state.scenarioTitle);
    this.runPins();
    return true;
  }

  /** Count of pin runs asked for: only the latest one's results are kept. */
  private pinRuns = 0;

  /** Run the pins again with the columns the charts show (the graphs menu's variables too), so every chart draws them. */
  private runPins(): void {
    const pins = this.pins;
    if (!pins.length) return;
    const seq = ++this.pinRuns;
    Promise.all(pins.map((p) => this.client.run(leverConstants(p.levers), this.extraColumns))).then(
      (results) => {
        // Only if the same settings are still pinned (names and colours may have changed meanwhile).
        if (seq !== this.pinRuns || this.pins.length !== pins.length || this.pins.some((p, i) => p.levers !== pins[i].levers)) return;
        this.pins = this.pins.map((p, i) => ({ ...p, result: results[i] }));
      },
      (err) => this.showError('error.run', err),
    );
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
    // After the headline cards' band of these settings: the cards' runs get the CPU first, and at load
    // the band's worker (a second compile of the model) starts only once the page is live.
    const go = () => {
      if (this.modelReady && !this.headline.updating) this.computeFan();
      else this.fanTimer = setTimeout(go, 100);
    };
    this.fanTimer = setTimeout(go, 300);
  }

  // Latest wins: while a Monte Carlo runs, newer requests replace each other.
  private readonly fanScheduler = new LatestWins<{ key: string; constants: Record<string, number>; column: string; runs: number }, FanChart>(
    // In the headline band's worker: after the cards' band of these settings it holds their runs, and the fan reads them.
    (r) => headlineModelClient().fan(r.constants, r.column, r.runs, prerendered.method.forecastError.scales),
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
      year: this.headlineYear,
      charts: { count: this.chartCount, choices: this.choices },
    };
  }

  /** The model variables a link's charts may name, with their elements. */
  private readonly linkVariables = memoByIdentity((meta: ModelMeta): Map<string, string[]> => new Map(meta.catalog.variables.map((v) => [v.name, elementsOf(v, meta.catalog)])));

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
    if (['meta', 'choices', 'chartCount', 'view', 'modelReady'].some((k) => changed.has(k))) this.updateExtraColumns();
    // (Not on the first update: the children have not rendered yet, and the results' observer fits the chart once they have.)
    if (changed.has('chartCount') && changed.get('chartCount') !== undefined) this.onResize();
    if (changed.has('presenting')) {
      // Large type: the components size their text in rem.
      document.documentElement.style.fontSize = this.presenting ? '118.75%' : '';
      if (changed.get('presenting') !== undefined) this.onResize();
    }
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
    if (this.meta && ['levers', 'view', 'pins', 'lang', 'scenarioId', 'headlineYear', 'chartCount', 'choices'].some((k) => changed.has(k))) {
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

  /** The series of a chart of `column`; the uncertainty band only on the viewed indicator's chart. */
  private chartSeriesAt(i: number, column: string): ChartSeries[] {
    // The last band of this indicator stays drawn while the band of new settings is computed, marked as updating.
    const fan = column === this.viewColumn() && this.uncEnabled && this.fan && this.fan.column === column ? this.fan : undefined;
    const updating = !!fan && this.fan?.key !== this.fanKey();
    return this.seriesMemos[i](this.meta, column, this.lang, this.current, this.baseline, this.pins, fan?.chart, updating);
  }

  // One memo per chart place, recomputed only when an input changes, so a lever move alone does not redraw the others.
  private readonly seriesMemos = [0, 1, 2, 3].map(() =>
    memoByIdentity(
      (meta: ModelMeta | undefined, column: string, lang: Lang, current: RunOutput | undefined, baseline: RunOutput | undefined, pins: Pin[], fan: FanChart | undefined, fanUpdating: boolean) =>
        this.buildChartSeries(meta, column, lang, current, baseline, pins, fan, fanUpdating),
    ),
  );

  private buildChartSeries(
    meta: ModelMeta | undefined,
    col: string,
    lang: Lang,
    current: RunOutput | undefined,
    baseline: RunOutput | undefined,
    pins: Pin[],
    fan: FanChart | undefined,
    fanUpdating = false,
  ): ChartSeries[] {
    if (!meta) return [];
    const out: ChartSeries[] = [];
    if (fan) {
      const times = fan.times;
      const mark = fanUpdating ? t(lang, 'unc.updating') : '';
      out.push(
        { id: 'band90', name: t(lang, 'unc.band90') + mark, role: 'band', times, lower: fan.p5, values: fan.p95, edgeNames: ['5%', '95%'], color: BAND_COLOR },
        { id: 'band50', name: t(lang, 'unc.band50') + mark, role: 'band', times, lower: fan.p25, values: fan.p75, edgeNames: ['25%', '75%'], color: BAND_COLOR },
        // The emphasised line: the posterior median, the same quantity as the headline cards' number.
        { id: 'median', name: t(lang, 'chart.median') + mark, role: 'current', times, values: fan.p50 },
      );
      // The outer band, drawn beneath the others (listed after the median, so tables keep their first
      // columns): the same runs with the model's past forecast errors, from the last observed year on.
      const f = fan.forecast;
      if (f) {
        const from = times.findIndex((x) => x >= f.origin);
        out.push({
          id: 'bandF', name: t(lang, 'unc.bandForecast') + mark, role: 'band', times: times.slice(from), lower: f.p5.slice(from), values: f.p95.slice(from),
          edgeNames: ['5%', '95%'], color: BAND_COLOR, opacity: 0.08,
        });
      }
    }
    const add = (r: RunOutput | undefined, s: Omit<ChartSeries, 'times' | 'values'>) => {
      const values = r?.columns[col];
      if (r && values) out.push({ ...s, times: r.times, values });
    };
    add(baseline, { id: 'baseline', name: t(lang, 'baseline'), role: 'baseline' });
    pins.forEach((p, i) => add(p.result, { id: `pin${i}`, name: pinName(p.label, lang), role: 'pin', color: PIN_COLORS[p.color] }));
    // The calibrated central run (one run at the calibrated parameters): emphasised only while no band is drawn.
    add(current, { id: 'current', name: t(lang, 'chart.central'), role: fan ? 'central' : 'current' });
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
  // One per chart place, so four charts do not recompute each other's.
  private readonly exportContexts = [0, 1, 2, 3].map(() => memoByIdentity(
    (lang: Lang, unit: string, shownDigits: number, digits: number, levers: LeverSettings, title: Bilingual, pins: Pin[], derived: string | undefined): ExportContext => ({
      lines: [
        t(lang, 'export.unit', { unit }),
        t(lang, 'export.scenario', { title: title[lang] }),
        t(lang, 'export.settings', { settings: settingsText(levers, lang) }),
        ...pins.map((p) => t(lang, 'export.pin', { name: pinName(p.label, lang), settings: settingsText(p.levers, lang) })),
        // Observed points that no source reports as such (the circle's sums) say so in the file.
        ...(derived ? [derived] : []),
        t(lang, 'export.model', { hash: this.meta?.modelHash ?? '' }),
      ],
      digits,
      shownDigits,
    }),
  ));

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

  /** The chart places on screen and what each shows for the viewed area. */
  private readonly resolvedCharts = memoByIdentity((meta: ModelMeta | undefined, choices: ChartChoice[], count: ChartCount, area: AreaInfo | undefined) =>
    meta && area ? choices.slice(0, count).map((c) => resolveChoice(c, meta.kpis, meta.catalog, area)) : [],
  );

  /** Heading, unit and decimals of a chart, in the interface language. */
  private chartText(r: ResolvedChart, lang: Lang): { name: string; isId: boolean; suffix: string; unit: string; digits: number; exportDigits: number } {
    const area = this.area();
    if (r.kpi) {
      const digits = r.kpi.digits;
      return { name: t(lang, 'chart.heading', { kpi: r.kpi.label[lang], region: area?.label[lang] ?? '' }), isId: false, suffix: '', unit: r.kpi.unit[lang], digits, exportDigits: r.kpi.exportDigits ?? digits + 2 };
    }
    const v = r.variable as NonNullable<ResolvedChart['variable']>;
    const human = humanName(v, lang);
    const catalog = (this.meta as ModelMeta).catalog;
    const values = this.current?.columns[r.column] ?? this.baseline?.columns[r.column];
    let top = 0;
    for (const x of values ?? []) top = Math.max(top, Math.abs(x));
    // Decimals from the size of the values, as a reader would write them.
    const digits = top >= 100 ? 0 : top >= 10 ? 1 : top >= 1 ? 2 : 4;
    return {
      name: human ?? v.name,
      isId: human === undefined,
      suffix: r.element === undefined ? '' : inParens(lang, elementLabel(r.element, catalog, lang)),
      unit: unitLabel(v.units, lang) ?? v.units,
      digits,
      exportDigits: digits + 2,
    };
  }

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

  /** Open the "reach a target" panel; its code loads on first use. */
  private async openGoal(): Promise<void> {
    try {
      await import('./cy-goal-panel.ts');
    } catch (err) {
      this.showError('error.run', err);
      return;
    }
    await (this.renderRoot.querySelector('cy-goal-panel') as CyGoalPanel | null)?.open();
  }

  /** A package from the goal search goes into the levers: one undo step, and the share link follows. */
  private readonly onGoalLoad = (e: CustomEvent<GoalLoadDetail>): void => {
    this.setLevers(e.detail.levers, 'optimized', { zh: t('zh', 'goal.title'), en: t('en', 'goal.title') });
  };

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
    const charts = this.resolvedCharts(meta, this.choices, this.chartCount, area);
    return html`<a class="skip" href="#levers" @click=${(e: Event) => this.skipTo(e, '#levers')}>${t(lang, 'skip.levers')}</a>
      <a class="skip" href="#results" @click=${(e: Event) => this.skipTo(e, '#results')}>${t(lang, 'skip.results')}</a>
      <header class="top">
        <div class="titles">
          <h1 title=${t(lang, 'app.title')}>${t(lang, 'app.title')}</h1>
          <p class="sub">${t(lang, 'app.subtitle')}</p>
        </div>
        <!-- Seen, not spoken: it changes at every key press; #announce speaks once a change has settled. -->
        <span class="status" id="status">${status}</span>
        <span class="visually-hidden" id="announce" role="status" aria-live="polite">${this.announcement}</span>
        <span class="head-tools">
          <span class="chart-count" role="group" aria-label=${t(lang, 'charts.layout')}>
            <span class="cc-label" aria-hidden="true">${t(lang, 'charts.layout')}</span>
            ${CHART_COUNTS.map(
              (n) => html`<button type="button" data-charts=${n} aria-pressed=${n === this.chartCount ? 'true' : 'false'} aria-label=${t(lang, 'charts.countN', { n })}
                @click=${() => (this.chartCount = n)}>${n}</button>`,
            )}
          </span>
          <button type="button" class="method" id="present" aria-pressed=${this.presenting ? 'true' : 'false'} aria-keyshortcuts=${this.presenting ? 'Escape' : 'P'}
            title=${t(lang, this.presenting ? 'present.leaveHint' : 'present.hint')} @click=${() => this.setPresenting(!this.presenting)}>${t(lang, this.presenting ? 'present.leave' : 'present.enter')}</button>
          <button type="button" class="method" id="goal-open" aria-haspopup="dialog" title=${t(lang, 'goal.openHint')} @click=${() => void this.openGoal()}>${t(lang, 'goal.open')}</button>
          <button type="button" class="method" id="method-open" aria-haspopup="dialog" @click=${() => void this.openMethod()}>${t(lang, 'method.open')}</button>
          <cy-offline-status lang=${lang}></cy-offline-status>
          <cy-lang-switch lang=${lang} @lang-change=${this.onLang}></cy-lang-switch>
        </span>
      </header>
      <div class="top-tools">
        <cy-notice .message=${this.notice ? t(lang, this.notice.key, { detail: errorText(this.notice.err, lang) }) : ''} kind=${this.notice?.kind ?? 'info'}
          lang=${lang} @notice-dismiss=${this.clearNotice}></cy-notice>
        <cy-share-panel url=${this.shareUrl} lang=${lang} @share-close=${() => (this.shareUrl = '')}></cy-share-panel>
        <cy-link-problem .problem=${this.linkProblem?.err} href=${this.linkProblem?.href ?? ''} fallback=${this.linkProblem?.fallback ?? 'baseline'} lang=${lang}
          @link-problem-dismiss=${() => (this.linkProblem = undefined)}></cy-link-problem>
      </div>
      <main>
        <div class="work">
          <div class="toolbar">
            ${meta
              ? html`<cy-view-picker class="picker" .areas=${meta.areas} .kpis=${meta.kpis} .view=${this.view} lang=${lang} @view-change=${this.onView}></cy-view-picker>`
              : nothing}
            ${this.short ? nothing : this.renderScenarioBar()}
          </div>
          <section class="results" id="results" tabindex="-1" aria-label=${t(lang, 'results.heading')}>
            ${meta
              ? html`<cy-kpi-cards .cards=${this.cards(this.meta, this.view, this.headlineYear, this.current, this.baseline, this.headline.shown?.draws, this.headline.baseline)}
                    year=${this.headlineYear} ?updating=${this.modelReady && this.headline.updating} ?compact=${this.presenting} selected=${this.view.kpi} lang=${lang}
                    @year-change=${(e: CustomEvent<HeadlineYear>) => (this.headlineYear = e.detail)}
                    @kpi-select=${(e: CustomEvent<KpiId>) => this.onView(new CustomEvent('view-change', { detail: { ...this.view, kpi: e.detail } }))}></cy-kpi-cards>
                  <div class="charts" data-count=${charts.length} @chart-choice=${this.onChartChoice}>
                    ${charts.map((r, i) => (r ? this.renderChart(r, i) : nothing))}
                  </div>`
              : nothing}
          </section>
          <aside class="levers" id="levers" tabindex="-1" aria-label=${t(lang, 'levers.heading')}>
            <cy-undo-redo undoText=${this.stepText(this.history.undoStep())} redoText=${this.stepText(this.history.redoStep())} lang=${lang}
              said=${this.undoSaid ? t(lang, this.undoSaid.key, { change: this.stepText(this.undoSaid.step) }) : ''}
              @lever-undo=${() => this.stepHistory(true)} @lever-redo=${() => this.stepHistory(false)}></cy-undo-redo>
            <cy-lever-panel .levers=${this.levers} lang=${lang} ?presenting=${this.presenting} @lever-change=${this.onLeverChange} @lever-reset=${this.onLeverReset}
              @levers-reset=${() => this.setLevers(defaultLeverSettings(), CUSTOM_SCENARIO.id, { ...CUSTOM_SCENARIO.title })}></cy-lever-panel>
            <cy-scenario-note .preset=${this.preset(this.scenarioId, this.levers)} .startYears=${this.startYears(this.levers)} lang=${lang}></cy-scenario-note>
            ${this.short ? this.renderScenarioBar() : nothing}
          </aside>
        </div>
        ${meta
          ? html`<div class="pair">
                <div class="card">
                  <cy-zone-map .zones=${this.zones(meta)} .rail=${meta.rail} .values=${this.mapValues(this.meta, this.view, this.current, this.headlineYear)} year=${this.headlineYear}
                    .baseline=${this.mapValues(this.meta, this.view, this.baseline, this.headlineYear)}
                    selected=${this.view.area} kpiLabel=${kpiLabel} unit=${unit} deltaUnit=${kpi?.deltaUnit?.[lang] ?? unit} digits=${kpi?.digits ?? 0} lang=${lang}
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
      <cy-goal-panel .kpis=${meta?.kpis ?? []} .areas=${meta?.areas ?? []} .baseline=${this.baseline} .levers=${this.levers} lang=${lang}
        @goal-load=${this.onGoalLoad}></cy-goal-panel>
      <footer>${meta ? html`${t(lang, 'footer.name')} · ${t(lang, 'footer.model')} <code>${meta.modelHash}</code>` : ''}</footer>`;
  }

  /** Presets, scenario files and the share link. */
  private renderScenarioBar() {
    const lang = this.lang;
    return html`<cy-scenario-bar class="scenarios" .presets=${this.presetItems} current=${this.scenarioId}
              lang=${lang}
              @preset-load=${this.onPreset} @scenario-save=${this.onSave} @scenario-file=${this.onScenarioFile} @share=${this.onShare}></cy-scenario-bar>`;
  }

  /** One chart of the graphs: its heading is the menu that chooses what it shows. */
  private renderChart(r: ResolvedChart, i: number) {
    const lang = this.lang;
    const meta = this.meta as ModelMeta;
    const text = this.chartText(r, lang);
    const heading = text.name + text.suffix;
    const obs = meta.observations.filter((o) => o.column === r.column);
    const derived = obs.length ? derivedNote(obs, lang, meta.areas) : undefined;
    // The sources button opens the panel's list for the viewed indicator's chart.
    const observedCount = r.column === this.viewColumn() ? obs.length : 0;
    const choice = this.choices[i];
    const elements = r.variable ? elementsOf(r.variable, meta.catalog) : [];
    return html`<cy-chart-panel data-chart=${i} .series=${this.chartSeriesAt(i, r.column)} heading=${heading}
        unit=${text.unit} lang=${lang} ?presenting=${this.presenting} textSize=${this.presenting ? 18 : this.narrow ? 12 : 14}
        .context=${this.exportContexts[i](lang, text.unit, text.digits, text.exportDigits, this.levers, this.scenarioTitle, this.pins, derived)}
        observedCount=${observedCount}
        @method-open=${(e: CustomEvent<{ section?: 'observed' }>) => void this.openMethod(e.detail.section)}>
        <span slot="heading" class="chart-heading">
          <cy-variable-menu index=${i} .kpis=${meta.kpis} .catalog=${meta.catalog} heading=${heading} name=${text.name} suffix=${text.suffix}
            ?headingIsId=${text.isId} lang=${lang}></cy-variable-menu>
          ${elements.length > 1
            ? html`<select class="element" data-element=${i} aria-label=${t(lang, 'charts.element')}
                @change=${(e: Event) => this.chooseElement(i, (e.target as HTMLSelectElement).value)}>
                <option value="" ?selected=${!('element' in choice && choice.element)}>${t(lang, 'charts.followView')}</option>
                ${elements.map((el) => html`<option value=${el} ?selected=${'element' in choice && choice.element === el}>${elementLabel(el, meta.catalog, lang)}</option>`)}
              </select>`
            : nothing}
        </span>
      </cy-chart-panel>`;
  }
}

customElements.define('cy-app', CyApp);
