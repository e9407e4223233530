// The fit report names fitted values that sit on a bound of their box.
import { describe, expect, it } from 'vitest';
import { CALIBRATED_VALUES, calibrationParameters, fittedBounds } from '../../src/model/chengyu/index.ts';

describe('fittedBounds', () => {
  it('marks values within 0.1 % of the box width of a bound, and only those', () => {
    const [a, b, c] = calibrationParameters();
    const values = { ...CALIBRATED_VALUES, [a.id]: a.lower, [b.id]: b.upper - 1e-4 * (b.upper - b.lower), [c.id]: (c.lower + c.upper) / 2 };
    const rows = new Map(fittedBounds(values).map((r) => [r.id, r]));
    expect(rows.get(a.id)!.atBound).toBe('lower');
    expect(rows.get(b.id)!.atBound).toBe('upper');
    expect(rows.get(c.id)!.atBound).toBeUndefined();
    expect(rows.get(c.id)).toEqual({ id: c.id, value: (c.lower + c.upper) / 2, lower: c.lower, upper: c.upper });
  });

  it('finds the committed fit\'s Sichuan-other conversion factor on its lower bound', () => {
    const at = fittedBounds(CALIBRATED_VALUES).filter((r) => r.atBound).map((r) => `${r.id}:${r.atBound}`);
    expect(at).toContain('conversion_sichuan_other_factor:lower');
  });
});
