// The data a line chart shows: plain series, already chosen and labelled by the shell.

/** How a series is drawn ('central': the current settings' central run beside their emphasised posterior median). */
export type SeriesRole = 'current' | 'central' | 'baseline' | 'pin' | 'history' | 'band';

/** One series on a time chart. */
export interface ChartSeries {
  /** Stable id (for colours and the data table). */
  id: string;
  /** Legend label, already in the interface language. */
  name: string;
  role: SeriesRole;
  times: ArrayLike<number>;
  /** Values; for a band, its upper edge. */
  values: ArrayLike<number>;
  /** A band's lower edge (role 'band'). */
  lower?: ArrayLike<number>;
  /** Names of a band's edges in tables ("5 %", "95 %"). */
  edgeNames?: [string, string];
  /** A band's fill opacity (default 0.18). */
  opacity?: number;
  /** Colour; the chart picks one by role when absent. */
  color?: string;
  /** Per point, lines the tooltip adds (plain text in the interface language): an observation's source. */
  notes?: ReadonlyArray<readonly string[]>;
}

/** Columns of the data table and CSV: one per series, two (lower, upper) per band. */
export function tableColumns(series: ChartSeries[]): Array<{ name: string; times: ArrayLike<number>; values: ArrayLike<number> }> {
  return series.flatMap((s) =>
    s.role === 'band' && s.lower
      ? [
          { name: `${s.name} ${s.edgeNames?.[0] ?? 'low'}`, times: s.times, values: s.lower },
          { name: `${s.name} ${s.edgeNames?.[1] ?? 'high'}`, times: s.times, values: s.values },
        ]
      : [{ name: s.name, times: s.times, values: s.values }],
  );
}

/**
 * Colours of pinned runs: Okabe–Ito hues (amber, green, magenta, purple) darkened until
 * each has at least 3:1 contrast on white and on the page's #f6f7f9 (3.5–5.8:1), and
 * none is the current run's blue, the baseline's grey or the observations' vermilion.
 */
export const PIN_COLORS = ['#b07800', '#007d5c', '#b8478e', '#7b52ab'] as const;
/** Colour of the current run. */
export const CURRENT_COLOR = '#0b5394';
/** Colour of the baseline. */
export const BASELINE_COLOR = '#6b7280';
/** Colour of uncertainty bands. */
export const BAND_COLOR = '#0b5394';
/** Colour of observed history points. */
export const HISTORY_COLOR = '#d55e00';
