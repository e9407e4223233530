// The data a line chart shows: plain series, already chosen and labelled by the shell.

/** How a series is drawn. */
export type SeriesRole = 'current' | 'baseline' | 'pin' | 'history' | 'band';

/** One series on a time chart. */
export interface ChartSeries {
  /** Stable id (for colours and the data table). */
  id: string;
  /** Legend label, already in the interface language. */
  name: string;
  role: SeriesRole;
  times: ArrayLike<number>;
  values: ArrayLike<number>;
  /** Colour; the chart picks one by role when absent. */
  color?: string;
}

/** Colours of pinned runs 1–4 (colour-blind-safe Okabe–Ito hues). */
export const PIN_COLORS = ['#e69f00', '#009e73', '#cc79a7', '#56b4e9'] as const;
/** Colour of the current run. */
export const CURRENT_COLOR = '#0b5394';
/** Colour of the baseline. */
export const BASELINE_COLOR = '#6b7280';
/** Colour of observed history points. */
export const HISTORY_COLOR = '#d55e00';
