import { describe, expect, it } from 'vitest';
import {
  LEVERS,
  LEVER_IDS,
  defaultLeverConstants,
  defaultLeverSettings,
  findLeverField,
} from '../../src/model/scenario/levers.ts';

describe('lever table', () => {
  it('has the six stable lever ids and fields', () => {
    expect(LEVER_IDS).toEqual(['science_city', 'corridor', 'parks', 'coordination', 'transfer', 'rd_support']);
    const fields = Object.fromEntries(LEVERS.map((l) => [l.id, l.fields.map((f) => f.field)]));
    expect(fields).toEqual({
      science_city: ['investment', 'sharing', 'start_year'],
      corridor: ['integration', 'start_year'],
      parks: ['count', 'origin_share', 'start_year'],
      coordination: ['level', 'start_year'],
      transfer: ['level', 'start_year'],
      rd_support: ['extra_share_gdp', 'start_year'],
    });
  });

  it('has the ranges and defaults of the brief', () => {
    const r = (id: string, f: string) => {
      const s = findLeverField(id, f)!;
      return [s.min, s.max, s.default, s.integer];
    };
    expect(r('science_city', 'investment')).toEqual([0, 200, 0, false]);
    expect(r('science_city', 'sharing')).toEqual([0, 1, 0.5, false]);
    expect(r('corridor', 'integration')).toEqual([0, 1, 0, false]);
    expect(r('parks', 'count')).toEqual([0, 20, 0, true]);
    expect(r('parks', 'origin_share')).toEqual([0, 1, 0.5, false]);
    expect(r('rd_support', 'extra_share_gdp')).toEqual([0, 1.5, 0, false]);
    for (const l of LEVERS) expect(r(l.id, 'start_year')).toEqual([2017, 2035, 2026, true]);
  });

  it('gives every lever and field labels, units and docs in both languages', () => {
    for (const l of LEVERS) {
      expect(l.label.zh && l.label.en).toBeTruthy();
      expect(l.doc.zh.length).toBeGreaterThan(60);
      expect(l.doc.en.length).toBeGreaterThan(200);
      expect(l.sections.length).toBeGreaterThan(0);
      for (const f of l.fields) {
        expect(f.label.zh && f.label.en && f.unit.zh && f.unit.en).toBeTruthy();
        expect(f.default).toBeGreaterThanOrEqual(f.min);
        expect(f.default).toBeLessThanOrEqual(f.max);
        expect(f.step).toBeGreaterThan(0);
        // each doc names the constants it sets
        if (f.field !== 'start_year') expect(l.doc.en).toContain(`lever_${l.id}_${f.field}`);
      }
    }
  });

  it('gives every field the unit of its model constant', () => {
    const units = Object.fromEntries(LEVERS.flatMap((l) => l.fields.map((f) => [`${l.id}.${f.field}`, f.modelUnit])));
    expect(units).toEqual({
      'science_city.investment': '1e8 CNY/year',
      'science_city.sharing': '1',
      'science_city.start_year': 'year',
      'corridor.integration': '1',
      'corridor.start_year': 'year',
      'parks.count': 'park',
      'parks.origin_share': '1',
      'parks.start_year': 'year',
      'coordination.level': '1',
      'coordination.start_year': 'year',
      'transfer.level': '1',
      'transfer.start_year': 'year',
      'rd_support.extra_share_gdp': 'percent',
      'rd_support.start_year': 'year',
    });
  });

  it('maps defaults to settings and to lever_<id>_<field> constants', () => {
    const s = defaultLeverSettings();
    expect(s.parks).toEqual({ count: 0, origin_share: 0.5, start_year: 2026 });
    const c = defaultLeverConstants();
    expect(c.lever_science_city_sharing).toBe(0.5);
    expect(c.lever_rd_support_start_year).toBe(2026);
    expect(Object.keys(c)).toHaveLength(14);
  });
});
