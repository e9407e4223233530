// The hindcast's headline for enterprise counts: in which direction the forecasts missed and
// by how much (the range of the series' errors), read from the forecast errors per series.
import type { SeriesError } from '../model-bridge/method-types.ts';

/** Direction and size of the forecast errors of a group of series. */
export interface HindcastHeadline {
  /** 'under': every series' mean error is negative; 'over': every one positive; else 'mixed'. */
  direction: 'under' | 'over' | 'mixed';
  /** Smallest and largest MAPE of the series, in percent. */
  range: [number, number];
  /** First and last forecast year. */
  years: [number, number];
}

/** Headline of the forecast errors of the series whose output starts with `stem` (e.g. 'hte'), or undefined if none. */
export function hindcastHeadline(forecast: readonly SeriesError[], stem: string): HindcastHeadline | undefined {
  const rows = forecast.filter((s) => s.output.startsWith(`${stem}_`) || s.output.startsWith(`${stem}[`));
  if (rows.length === 0) return undefined;
  const bias = rows.map((r) => r.biasPct ?? 0);
  const direction = bias.every((b) => b < 0) ? 'under' : bias.every((b) => b > 0) ? 'over' : 'mixed';
  const mape = rows.map((r) => r.mape);
  return {
    direction,
    range: [Math.min(...mape), Math.max(...mape)],
    years: [Math.min(...rows.map((r) => r.years[0])), Math.max(...rows.map((r) => r.years[1]))],
  };
}
