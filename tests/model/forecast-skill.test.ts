import { describe, expect, it } from 'vitest';
import { forecastSkill, horizonErrors } from '../../src/model/chengyu/forecast-skill.ts';
import type { ValidationRow } from '../../src/model/chengyu/validation.ts';
import { CALIBRATION_TARGETS } from '../../src/model/chengyu/targets.ts';
import validation from '../../src/model/chengyu/validation.json' with { type: 'json' };

const row = (year: number, observed: number, simulated: number, role: 'fit' | 'forecast'): ValidationRow => ({ output: 'hte_sichuan', year, observed, simulated, role, errorPct: 0 });

describe('forecast skill against the naive drift forecast', () => {
  it('compares the model with the drift from the fitted points, on the same forecast points', () => {
    // Fit 2015–2019 grows ×2 over 4 years; drift for 2021 = 1 000 × 2^(2/4) ≈ 1 414.2.
    const rows = [row(2015, 500, 500, 'fit'), row(2019, 1000, 1000, 'fit'), row(2021, 1500, 1200, 'forecast')];
    const [k] = forecastSkill({ rows });
    const drift = 1000 * Math.SQRT2;
    expect(k.output).toBe('hte_sichuan');
    expect(k.points).toBe(1);
    expect(k.modelMape).toBeCloseTo(20, 10);
    expect(k.driftMape).toBeCloseTo((100 * (1500 - drift)) / 1500, 10);
    expect(k.skill).toBeCloseTo(1 - 20 / ((100 * (1500 - drift)) / 1500), 10);
  });

  it('leaves out lower-bound targets and series without two fitted points', () => {
    const lower = CALIBRATION_TARGETS.find((t) => t.bound === 'lower');
    expect(lower, 'the targets hold a lower bound').toBeDefined();
    const rows: ValidationRow[] = [
      { output: lower!.output, year: lower!.year - 2, observed: 1, simulated: 1, role: 'fit', errorPct: 0 },
      { output: lower!.output, year: lower!.year - 1, observed: 2, simulated: 2, role: 'fit', errorPct: 0 },
      { output: lower!.output, year: lower!.year, observed: lower!.observed, simulated: 0, role: 'forecast', errorPct: 0 },
    ];
    expect(forecastSkill({ rows })).toEqual([]);
    expect(forecastSkill({ rows: [row(2019, 1000, 1000, 'fit'), row(2021, 1500, 1200, 'forecast')] })).toEqual([]);
  });

  it('on the committed hindcast, the enterprise series all have a naive benchmark', () => {
    const skill = forecastSkill(validation.hindcast as { rows: ValidationRow[] });
    for (const s of ['hte_sichuan', 'hte_chongqing', 'hte_chengdu_city']) expect(skill.map((k) => k.output)).toContain(s);
    for (const k of skill) expect(Number.isFinite(k.driftMape)).toBe(true);
  });

  it('pools the errors by family and years ahead over cut-offs', () => {
    const a = { cutoff: 2019, rows: [row(2015, 500, 500, 'fit'), row(2019, 1000, 1000, 'fit'), row(2020, 1000, 900, 'forecast'), row(2021, 2000, 1000, 'forecast')] };
    const b = { cutoff: 2020, rows: [row(2015, 500, 500, 'fit'), row(2020, 1000, 1000, 'fit'), row(2021, 1000, 1100, 'forecast')] };
    const h = horizonErrors([a, b]);
    expect(h.map((x) => [x.family, x.horizon, x.points, x.cutoffs])).toEqual([['hte', 1, 2, [2019, 2020]], ['hte', 2, 1, [2019]]]);
    // One year ahead: errors 10 % (from 2019) and 10 % (from 2020).
    expect(h[0].modelMape).toBeCloseTo(10, 10);
    // Two years ahead from 2019: the model's 1 000 against 2 000 is 50 % off; drift 1 000 × 2^(2/4).
    expect(h[1].modelMape).toBeCloseTo(50, 10);
    expect(h[1].driftMape).toBeCloseTo((100 * (2000 - 1000 * Math.SQRT2)) / 2000, 10);
  });
});
