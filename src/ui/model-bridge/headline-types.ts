// What the headline band needs from the model, as plain data the page can read without
// bundling the model: the years a briefing quotes, how many posterior draws, and the
// per-draw values a worker returns for one setting of the levers.

/** Years the headline numbers can be read for. */
export const HEADLINE_YEARS = [2025, 2030, 2035] as const;
/** A headline year. */
export type HeadlineYear = (typeof HEADLINE_YEARS)[number];

/** Posterior draws behind every headline band (the same draws for every setting, so effects pair). */
export const HEADLINE_RUNS = 100;

/** Cumulative policy cost: a stock of the model, read per draw for the cost per extra enterprise. */
export const CUMULATIVE_COST_COLUMN = 'policy_cost_cumulative';

/** Per-draw values of output columns at the headline years, under one lever setting. */
export interface HeadlineDraws {
  columns: string[];
  years: number[];
  runs: number;
  /** values[(c × years.length + y) × runs + r]: column c, year y, draw r. */
  values: Float64Array;
}

/** The draws of `column` in `year` (a view, not a copy), or undefined when not computed. */
export function drawsOf(d: HeadlineDraws | undefined, column: string, year: number): Float64Array | undefined {
  if (!d) return undefined;
  const c = d.columns.indexOf(column);
  const y = d.years.indexOf(year);
  if (c < 0 || y < 0) return undefined;
  const at = (c * d.years.length + y) * d.runs;
  return d.values.subarray(at, at + d.runs);
}
