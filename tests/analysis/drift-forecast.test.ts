import { describe, expect, it } from 'vitest';
import { driftForecast, mapeOf } from '../../src/model/analysis/drift-forecast.ts';

describe('the drift forecast (random walk with drift in logs)', () => {
  it('carries the average growth between the first and last observation forward', () => {
    // 100 → 400 over 2 years is ×2 a year; one year on: 800, three years on: 3 200.
    const h = [{ year: 2015, value: 100 }, { year: 2016, value: 150 }, { year: 2017, value: 400 }];
    expect(driftForecast(h, 2018)).toBeCloseTo(800, 9);
    expect(driftForecast(h, 2020)).toBeCloseTo(3200, 9);
    // Only the end points matter, whatever lies between, and the order of the input does not.
    expect(driftForecast([h[2], { year: 2016, value: 1 }, h[0]], 2018)).toBeCloseTo(800, 9);
  });

  it('gives no forecast from fewer than two usable points or for a year inside the history', () => {
    expect(driftForecast([{ year: 2019, value: 5 }], 2020)).toBeUndefined();
    expect(driftForecast([{ year: 2018, value: 0 }, { year: 2019, value: 5 }], 2020)).toBeUndefined();
    expect(driftForecast([{ year: 2018, value: 4 }, { year: 2019, value: 5 }], 2019)).toBeUndefined();
  });

  it('MAPE is the mean absolute percentage error', () => {
    expect(mapeOf([{ observed: 100, forecast: 90 }, { observed: 200, forecast: 260 }])).toBeCloseTo(20, 12);
    expect(mapeOf([])).toBeNaN();
  });
});
