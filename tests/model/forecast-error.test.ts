import { describe, expect, it } from 'vitest';
import { forecastErrorScales, forecastErrorSpec, logErrorByHorizon, outputFamily, widenedCoverage, FORECAST_ORIGIN } from '../../src/model/chengyu/forecast-error.ts';
import { COMMITTED_FORECAST_ERROR } from '../../src/model/chengyu/forecast-error-data.ts';
import { CALIBRATION_TARGETS } from '../../src/model/chengyu/targets.ts';

const point = (output: string, year: number) => {
  const t = CALIBRATION_TARGETS.find((x) => x.output === output && x.year === year && x.bound === 'point');
  if (!t) throw new Error(`no point target ${output} ${year}`);
  return t;
};

describe('the regional model\'s forecast-error scales', () => {
  it('pool ln(observed / forecast)² / years ahead over cut-offs and series of a family, point targets only', () => {
    const a = point('hte_sichuan', 2021);
    const b = point('hte_chongqing', 2022);
    const lower = CALIBRATION_TARGETS.find((t) => t.bound === 'lower')!;
    const rows = (cutoff: number) => [
      // 1 year ahead, log error ln 2; 2 years ahead, log error ln 3 → σ² = ((ln 2)² / 1 + (ln 3)² / 2) / 2.
      { output: a.output, year: a.year, role: 'forecast' as const, observed: 2 * 500, simulated: 500 },
      { output: b.output, year: b.year, role: 'forecast' as const, observed: 100, simulated: 300 },
      // Fitted points and lower bounds do not count.
      { output: a.output, year: 2016, role: 'fit' as const, observed: 1, simulated: 9 },
      { output: lower.output, year: lower.year, role: 'forecast' as const, observed: 1, simulated: 50 },
    ];
    const [s] = forecastErrorScales([{ cutoff: 2020, rows: rows(2020) }]);
    expect(s.family).toBe('hte');
    expect(s.points).toBe(2);
    expect(s.sigma).toBeCloseTo(Math.sqrt((Math.log(2) ** 2 + Math.log(3) ** 2 / 2) / 2), 12);
    expect(s.cutoffs).toEqual([2020]);
    const byH = logErrorByHorizon([{ cutoff: 2020, rows: rows(2020) }], 'hte');
    expect(byH.map((h) => [h.horizon, h.points])).toEqual([[1, 1], [2, 1]]);
    expect(byH[0].rms).toBeCloseTo(Math.log(2), 12);
    expect(byH[1].rms).toBeCloseTo(Math.log(3), 12);
  });

  it('map every region and zone of a targeted quantity to its family, and nothing else', () => {
    expect(['hte', 'hte_circle', 'hte_zones12', 'hte[chengdu]', 'hte[chongqing_zone]'].map((o) => outputFamily(o))).toEqual(['hte', 'hte', 'hte', 'hte', 'hte']);
    expect(outputFamily('rd_intensity_circle')).toBe('intensity');
    expect(outputFamily('rd_expenditure_chongqing')).toBe('rd');
    expect(outputFamily('tech_contracts_zones12')).toBe('tech');
    expect(outputFamily('policy_cost')).toBeUndefined();
    expect(outputFamily('hte_certification')).toBeUndefined();
    const spec = forecastErrorSpec(['hte_circle', 'policy_cost'], [{ family: 'hte', sigma: 0.2 }]);
    expect(spec).toEqual({ origin: 2022, outputs: { hte_circle: { group: 'hte', sigma: 0.2 } } });
    expect(FORECAST_ORIGIN).toBe(2022);
  });

  it('committed: every family measured over the three cut-offs, enterprise counts the least predictable of the large series', () => {
    const by = Object.fromEntries(COMMITTED_FORECAST_ERROR.map((s) => [s.family, s]));
    expect(Object.keys(by).sort()).toEqual(['gdp', 'hte', 'intensity', 'rd', 'sme', 'tech']);
    for (const s of COMMITTED_FORECAST_ERROR) expect(s.cutoffs).toEqual([2019, 2020, 2021]);
    // The 2019–2022 surge: the model missed enterprise counts by 14–31 % over 1–3 years (docs/model.md).
    expect(by.hte.sigma).toBeGreaterThan(0.12);
    expect(by.hte.sigma).toBeLessThan(0.25);
    expect(by.gdp.sigma).toBeLessThan(by.hte.sigma / 2);
    expect(by.intensity.sigma).toBeLessThan(by.hte.sigma / 2);
  });

  it('widened coverage: a band missing an observation holds it once the forecast error over its years is added', () => {
    const z = 1.6448536269514722;
    const t = point('hte_sichuan', 2022);
    // Median 100, predictive log sd 0.1; the observation 1.5× the median is outside (ln 1.5 = 0.405 > 0.164).
    const band = { output: t.output, year: t.year, observed: 150, model: [90, 100, 110] as [number, number, number], predictive: [100 * Math.exp(-z * 0.1), 100 * Math.exp(z * 0.1)] as [number, number] };
    expect(widenedCoverage([band], [], 2019)).toBe(0);
    // σ = 0.15 over 3 years: log sd √(0.01 + 0.0675) = 0.278, reach 0.458 > 0.405.
    expect(widenedCoverage([band], [{ family: 'hte', sigma: 0.15 }], 2019)).toBe(1);
    // Another family's scale does not widen it.
    expect(widenedCoverage([band], [{ family: 'gdp', sigma: 0.15 }], 2019)).toBe(0);
  });
});
