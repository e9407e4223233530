// What the data-and-method panel shows, as plain data computed at build time (prerender.ts):
// the fit, the hindcast and the posterior's diagnostics. Types only, so the page bundles no
// calibration code.

/** Error of one series over a set of years. */
export interface SeriesError {
  /** Model output id (`hte_sichuan`, `hte[chengdu]`, `gdp_chongqing`…). */
  output: string;
  points: number;
  /** First and last year of the points. */
  years: [number, number];
  /** Mean absolute percentage error. */
  mape: number;
  /** Mean percentage error: + = the model is high (undefined where not reported). */
  biasPct?: number;
  /** Forecast rows: MAPE of the naive forecast (the series' growth up to the cut-off carried forward) on the same points, where it exists. */
  naiveMape?: number;
}

/** Everything the data-and-method panel states about the data and the fit. */
export interface MethodSummary {
  /** Years the model is fitted on. */
  fitWindow: [number, number];
  /** Rows of the data tables: the paper's figures, the official figures, the calibration targets. */
  counts: { paper: number; official: number; targets: number };
  /** In-sample error of the baseline over the fit window, per series (fitReport of the baseline run). */
  inSample: SeriesError[];
  /** Acceptance targets of the calibrated baseline that are not met (names as checkTargets gives them). */
  failedChecks: string[];
  /** Number of acceptance targets. */
  checks: number;
  /** Hindcast: fitted up to `cutoff`, forecast errors after it (validation.json). */
  hindcast: {
    cutoff: number;
    forecast: SeriesError[];
    /** With a posterior fitted up to the cut-off: the shares of the forecast observations inside its 90 % bands. */
    coverage?: { points: number; predictive: number; model: number };
  };
  /** Forecast-error scales from the rolling-origin hindcasts: the chart's outer band adds them after the last observed year. */
  forecastError: {
    origin: number;
    cutoffs: number[];
    scales: Array<{ family: string; sigma: number; points: number }>;
    /** The enterprise counts' 90 % band in 2035 spans median ÷ factor to × factor. */
    hte2035Factor?: number;
  };
  /** The committed posterior sample. */
  posterior: { draws: number; chains: number; generations: number; parameters: number; maxRhat: number; minEss: number };
}
