// The web app's state that a share link carries: lever settings, what is viewed, pinned
// runs, language. Results are not state: they are recomputed from levers by the model.
import type { LeverSettings } from '../../model/scenario/lever-types.ts';
import type { Bilingual } from '../../model/scenario/levers.ts';
import type { Lang } from '../i18n/i18n.ts';
import type { HeadlineYear } from '../model-bridge/headline-types.ts';
import type { ChartChoice, ChartCount } from '../lib/chart-choice.ts';

/** Indicators the app shows (output name stems of the model). */
export const KPI_IDS = ['hte', 'rd_intensity', 'tech_contracts', 'policy_cost'] as const;
/** An indicator id. */
export type KpiId = (typeof KPI_IDS)[number];

/** Aggregate regions, with stable output names (`hte_<region>`). */
export const REGION_IDS = ['circle', 'sichuan', 'chengdu_city', 'chongqing', 'zones12'] as const;
/** An aggregate region id. */
export type RegionId = (typeof REGION_IDS)[number];

/** What is on screen: an aggregate region or a zone id, and an indicator. */
export interface ViewState {
  /** A RegionId or a zone's node id. */
  area: string;
  kpi: KpiId;
}

/** A pinned run: a name and the lever settings it was run with. */
export interface PinState {
  /** The name a person gave it, or "" when it is named by `title`. */
  name: string;
  /** A name in both languages (a preset's title, or "方案 n"/"Run n"), used when `name` is "". */
  title?: Bilingual;
  levers: LeverSettings;
  /** Index of the pin's colour (it keeps it when other pins go). */
  color?: number;
}

/** The part of the app state a share link reproduces. */
export interface ShareableState {
  lang: Lang;
  /** Id and title of the scenario the levers came from (a preset's, or "custom"). */
  scenarioId: string;
  scenarioTitle: Bilingual;
  levers: LeverSettings;
  view: ViewState;
  pins: PinState[];
  /** Year of the headline numbers (2035 when absent). */
  year?: HeadlineYear;
  /** The graphs menu: how many charts, and what each of the four places shows (the first's indicator is the view's). */
  charts?: { count: ChartCount; choices: ChartChoice[] };
}

/** Most runs that can be pinned at once. */
export const MAX_PINS = 4;
/** Longest pin name accepted. */
export const MAX_PIN_NAME = 60;
/** Id and title of settings that do not come from a preset. */
export const CUSTOM_SCENARIO = { id: 'custom', title: { zh: '自定义方案', en: 'Custom settings' } } as const;
