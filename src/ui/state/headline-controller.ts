// The headline bands of the page (a Lit reactive controller of <cy-app>): per-draw values of
// every shown column under the baseline, the current levers and each pin, from a worker of
// their own. The latest lever setting wins; the band on screen stays until the new one
// arrives (`updating` says it is being recomputed), so it never vanishes on a lever move.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LatestWins } from '../lib/latest-wins.ts';
import { HEADLINE_RUNS, HEADLINE_YEARS, type HeadlineDraws } from '../model-bridge/headline-types.ts';
import type { ModelClient } from '../model-bridge/model-client.ts';

/** Lever settings kept besides the baseline's (the current one, recent ones, the pins'). */
const CACHE_SIZE = 8;
/** Wait this long after a lever move before asking: a drag sends many moves, and the band's runs would take the CPU from the lever runs. */
const DEBOUNCE_MS = 200;

/** Key of a lever setting (its model constants). */
export const settingsKey = (constants: Record<string, number>): string => JSON.stringify(constants);

/** Headline draws of the baseline, the current settings and the pins. */
export class HeadlineBands implements ReactiveController {
  /** Draws under the baseline (all levers at their defaults). */
  baseline: HeadlineDraws | undefined;
  /** The draws on screen for the current settings, and the settings they are for. */
  shown: { key: string; draws: HeadlineDraws } | undefined;
  /** Key of the settings the page shows now. */
  private wanted = '';
  private baselineKey = '';
  private columns: string[] = [];
  private started = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly cache = new Map<string, HeadlineDraws>();
  private readonly pinRequests = new Set<string>();
  /** Count of finished computations (the benchmark and tests read it). */
  completed = 0;
  private readonly scheduler: LatestWins<{ key: string; constants: Record<string, number> }, HeadlineDraws>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly client: () => ModelClient,
    private readonly onError: (err: unknown) => void,
  ) {
    host.addController(this);
    this.scheduler = new LatestWins(
      (r) => this.compute(r.constants),
      (r, draws) => {
        this.remember(r.key, draws);
        if (r.key === this.wanted) this.shown = { key: r.key, draws };
        this.host.requestUpdate();
      },
      (_r, err) => this.onError(err),
    );
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /**
   * Begin once the model runs: the baseline's draws first, then the current settings', once
   * the levers have rested for a moment (like every band after a move: starting the band's
   * worker takes a core for a second, and lever moves meanwhile would wait for it).
   */
  start(columns: string[], baseline: Record<string, number>, current: Record<string, number>): void {
    this.columns = columns;
    this.started = true;
    this.baselineKey = settingsKey(baseline);
    this.baselineConstants = baseline;
    this.request(current);
  }

  private baselineConstants: Record<string, number> = {};
  private baselineAsked = false;

  /** Ask for the baseline's draws (once). */
  private startBaseline(): void {
    if (this.baselineAsked) return;
    this.baselineAsked = true;
    void this.compute(this.baselineConstants).then(
      (d) => {
        this.baseline = d;
        this.remember(this.baselineKey, d);
        if (this.wanted === this.baselineKey) this.shown = { key: this.baselineKey, draws: d };
        this.host.requestUpdate();
      },
      (err) => this.onError(err),
    );
  }

  /** Show the band of these settings: at once if known, else after the worker computed it (latest wins). */
  request(constants: Record<string, number>): void {
    const key = settingsKey(constants);
    this.wanted = key;
    clearTimeout(this.timer);
    if (!this.started) return;
    const known = key === this.baselineKey ? this.baseline : this.cache.get(key);
    if (known) {
      this.shown = { key, draws: known };
      this.host.requestUpdate();
      return;
    }
    this.host.requestUpdate();
    this.timer = setTimeout(() => {
      this.startBaseline();
      if (key !== this.baselineKey) this.scheduler.submit({ key, constants });
    }, DEBOUNCE_MS);
  }

  /** The band on screen is for other settings than the current ones (a newer one is on its way). */
  get updating(): boolean {
    return !this.shown || this.shown.key !== this.wanted;
  }

  /** Draws of a pin's settings, computed once in the background; undefined until then. */
  forSettings(constants: Record<string, number>): HeadlineDraws | undefined {
    const key = settingsKey(constants);
    if (key === this.baselineKey && this.baseline) return this.baseline;
    const hit = this.cache.get(key);
    if (hit || !this.started || this.pinRequests.has(key)) return hit;
    this.pinRequests.add(key);
    void this.compute(constants).then(
      (d) => {
        this.pinRequests.delete(key);
        this.remember(key, d);
        this.host.requestUpdate();
      },
      (err) => {
        this.pinRequests.delete(key);
        this.onError(err);
      },
    );
    return undefined;
  }

  private compute(constants: Record<string, number>): Promise<HeadlineDraws> {
    return this.client()
      .headline(constants, this.columns, [...HEADLINE_YEARS], HEADLINE_RUNS)
      .then((d) => {
        this.completed++;
        return d;
      });
  }

  private remember(key: string, d: HeadlineDraws): void {
    this.cache.delete(key);
    this.cache.set(key, d);
    // Oldest first out; a pin's draws come back on its next request.
    while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
  }
}
