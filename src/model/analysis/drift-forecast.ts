// The naive benchmark a forecast is judged against: the random walk with drift in logs
// (Hyndman & Athanasopoulos, "Forecasting: principles and practice", §5.2, the drift method),
// i.e. the last observation carried forward at the average growth rate between the first and
// the last observation. A model that cannot beat it has no forecast skill on that series.

/** One observation of a series. */
export interface YearValue {
  year: number;
  value: number;
}

/**
 * The drift forecast for `year` from the observations up to the forecast origin (at least two,
 * positive values, distinct years), or undefined when they do not allow one.
 */
export function driftForecast(history: readonly YearValue[], year: number): number | undefined {
  const h = history.filter((x) => x.value > 0 && Number.isFinite(x.value)).sort((a, b) => a.year - b.year);
  if (h.length < 2) return undefined;
  const first = h[0];
  const last = h[h.length - 1];
  if (last.year === first.year || year <= last.year) return undefined;
  const growth = Math.log(last.value / first.value) / (last.year - first.year);
  return last.value * Math.exp(growth * (year - last.year));
}

/** Mean absolute percentage error of forecasts against observations (pairs with a forecast only). */
export function mapeOf(pairs: ReadonlyArray<{ observed: number; forecast: number }>): number {
  if (pairs.length === 0) return Number.NaN;
  return (100 * pairs.reduce((s, p) => s + Math.abs((p.forecast - p.observed) / p.observed), 0)) / pairs.length;
}
