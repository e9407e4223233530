// The committed forecast-error scales: from the rolling-origin hindcasts in
// validation-rolling.json (`validate --cutoff 2019,2020,2021 --format json`). That file is
// large, so only Node code and the web app's build import this module; the page gets the scales
// through its build.
import rolling from './validation-rolling.json' with { type: 'json' };
import { forecastErrorScales, type ForecastErrorScale } from './forecast-error.ts';
import type { HindcastRows } from './forecast-skill.ts';

/** The committed rolling-origin hindcasts (one per cut-off). */
// Through unknown: the JSON's inferred types are wider than the rows it was written from.
export const ROLLING_HINDCASTS: readonly HindcastRows[] = (rolling as unknown as { hindcasts: HindcastRows[] }).hindcasts;

/** Forecast-error scales per family from the committed rolling-origin hindcasts. */
export const COMMITTED_FORECAST_ERROR: readonly ForecastErrorScale[] = forecastErrorScales(ROLLING_HINDCASTS);
