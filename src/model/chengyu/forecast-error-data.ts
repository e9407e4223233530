// The committed forecast-error scales: from the rolling-origin hindcasts in
// validation-rolling.json (`validate --cutoff 2019,2020,2021 --format json`). That file is
// large, so only Node code and the web app's build import this module; the page gets the scales
// through its build.
import rolling from './validation-rolling.json' with { type: 'json' };
import { forecastErrorScales, type ForecastErrorScale } from './forecast-error.ts';
import type { SkillRow } from './forecast-skill.ts';

/** Forecast-error scales per family from the committed rolling-origin hindcasts. */
export const COMMITTED_FORECAST_ERROR: readonly ForecastErrorScale[] = forecastErrorScales(
  // Through unknown: the JSON's inferred types are wider than the rows it was written from.
  (rolling as unknown as { hindcasts: Array<{ cutoff: number; rows: SkillRow[] }> }).hindcasts,
);
