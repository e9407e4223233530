import { describe, expect, it } from 'vitest';
import { applySets, parseSetOverride } from '../../src/model/scenario/set-override.ts';
import { validateScenario } from '../../src/model/scenario/scenario.ts';

const msg = (text: string) => {
  try {
    parseSetOverride(text);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected a rejection');
};

describe('--set lever.field=value', () => {
  it('parses valid overrides', () => {
    expect(parseSetOverride('science_city.investment=50')).toEqual({ lever: 'science_city', field: 'investment', value: 50 });
    expect(parseSetOverride(' parks.count = 3 ')).toEqual({ lever: 'parks', field: 'count', value: 3 });
    expect(parseSetOverride('rd_support.extra_share_gdp=.25')).toEqual({ lever: 'rd_support', field: 'extra_share_gdp', value: 0.25 });
    expect(parseSetOverride('corridor.integration=1e-1').value).toBe(0.1);
  });
  it('rejects a malformed override', () => {
    expect(msg('science_city=5')).toBe('--set: "science_city=5": expected lever.field=value, e.g. science_city.investment=50');
  });
  it('rejects unknown lever ids and fields', () => {
    expect(msg('scity.investment=5')).toBe(
      '--set: scity.investment: unknown lever id "scity"; allowed: science_city, corridor, parks, coordination, transfer, rd_support',
    );
    expect(msg('parks.share=0.4')).toBe('--set: parks.share: unknown field of lever parks "share"; allowed: count, origin_share, start_year');
  });
  it('rejects out-of-range, non-integer, non-numeric and non-finite values like a file does', () => {
    expect(msg('science_city.investment=500')).toBe(
      '--set: science_city.investment: 500 is out of range; allowed: a number in [0, 200] (100 million CNY/yr)',
    );
    expect(msg('parks.count=2.5')).toBe('--set: parks.count: 2.5 is not a whole number; allowed: an integer in [0, 20] (parks)');
    expect(msg('transfer.level=high')).toBe(
      '--set: transfer.level: "high" is a string, expected a number; allowed: a number in [0, 1] (share (0–1))',
    );
    expect(msg('transfer.level=')).toContain('"" is a string, expected a number');
    expect(msg('transfer.level=NaN')).toBe('--set: transfer.level: NaN is not a finite number; allowed: a number in [0, 1] (share (0–1))');
    expect(msg('transfer.level=-Infinity')).toContain('-Infinity is not a finite number');
    expect(msg('transfer.level=0x1')).toContain('"0x1" is a string');
  });
  it('applies overrides over the scenario without changing it', () => {
    const s = validateScenario({ id: 'x', title: { zh: 'a', en: 'b' }, levers: { parks: { count: 2 } } });
    const t = applySets(s, ['parks.origin_share=0.4', 'parks.count=5', 'corridor.integration=0.3']);
    expect(t.levers.parks).toEqual({ count: 5, origin_share: 0.4 });
    expect(t.levers.corridor).toEqual({ integration: 0.3 });
    expect(s.levers).toEqual({ parks: { count: 2 } });
    // the later of two overrides of one field wins
    expect(applySets(s, ['parks.count=1', 'parks.count=7']).levers.parks?.count).toBe(7);
  });
});
