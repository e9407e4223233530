import { describe, expect, it } from 'vitest';
import { parse } from 'mathjs';
import { PARAMETERS, CALIBRATED_IDS } from '../../src/model/chengyu/parameters.ts';
import { buildChengyuSpec, CALIBRATED_VALUES } from '../../src/model/chengyu/equations.ts';
import calibration from '../../src/model/chengyu/calibration.json' with { type: 'json' };

const spec = buildChengyuSpec();
const registryIds = new Set(PARAMETERS.map((p) => p.id));
const dynamic = spec.variables.filter((v) => !registryIds.has(v.name) && !v.name.startsWith('lever_'));

function equations(v: (typeof spec.variables)[number]): string[] {
  return typeof v.equation === 'string' ? [v.equation] : Object.values(v.equation);
}

describe('parameter registry', () => {
  it('gives every parameter a unit, a range around its value, a provenance and a doc', () => {
    for (const p of PARAMETERS) {
      expect(p.unit, p.id).toBeTruthy();
      expect(p.doc.length, p.id).toBeGreaterThan(10);
      expect(p.range[0], p.id).toBeLessThanOrEqual(p.range[1]);
      if (typeof p.value === 'number') {
        expect(p.value, p.id).toBeGreaterThanOrEqual(p.range[0]);
        expect(p.value, p.id).toBeLessThanOrEqual(p.range[1]);
      }
      const text = p.provenance.kind === 'source' ? p.provenance.ref : p.provenance.kind === 'assumption' ? p.provenance.reason : p.provenance.against;
      expect(text.length, p.id).toBeGreaterThan(5);
      if (p.distribution?.type === 'uniform' || p.distribution?.type === 'triangular') {
        expect(p.distribution.min, p.id).toBeGreaterThanOrEqual(p.range[0]);
        expect(p.distribution.max, p.id).toBeLessThanOrEqual(p.range[1]);
      }
    }
  });

  it('has unique ids', () => {
    expect(registryIds.size).toBe(PARAMETERS.length);
  });

  it('commits a calibration for exactly the calibrated parameters, inside their ranges', () => {
    expect(Object.keys(calibration.parameters).sort()).toEqual([...CALIBRATED_IDS].sort());
    for (const id of CALIBRATED_IDS) {
      const p = PARAMETERS.find((q) => q.id === id)!;
      expect(CALIBRATED_VALUES[id]).toBeGreaterThanOrEqual(p.range[0]);
      expect(CALIBRATED_VALUES[id]).toBeLessThanOrEqual(p.range[1]);
    }
  });
});

describe('equations', () => {
  it('contain no number except the structural 0 and 1 (every other constant is a registry parameter)', () => {
    for (const v of dynamic) {
      for (const eq of equations(v)) {
        parse(eq).traverse((node) => {
          if (node.type === 'ConstantNode') {
            const value = (node as unknown as { value: unknown }).value;
            expect([0, 1], `${v.name}: ${eq}`).toContain(Number(value));
          }
        });
      }
    }
  });

  it('use every registry parameter', () => {
    const text = dynamic.flatMap(equations).join(' ');
    for (const p of PARAMETERS) expect(new RegExp(`\\b${p.id}\\b`).test(text), p.id).toBe(true);
  });

  it('document every variable with units', () => {
    for (const v of spec.variables) {
      expect(v.doc, v.name).toBeTruthy();
      expect(v.units, v.name).toBeTruthy();
    }
  });

  it('carry every lever field as a constant lever_<id>_<field>', () => {
    const names = spec.variables.map((v) => v.name);
    for (const n of ['lever_science_city_investment', 'lever_science_city_sharing', 'lever_science_city_start_year', 'lever_corridor_integration', 'lever_parks_count', 'lever_parks_origin_share', 'lever_coordination_level', 'lever_transfer_level', 'lever_rd_support_extra_share_gdp', 'lever_rd_support_start_year']) {
      expect(names).toContain(n);
    }
  });

  it('run from 2015 to 2035 with dt 1/8, rates saved as year means', () => {
    expect(spec.sim.start).toBe(2015);
    expect(spec.sim.stop).toBe(2035);
    expect(spec.sim.dt).toBe(0.125);
    expect(spec.sim.saveMode).toBe('interval-mean');
  });
});

describe('buildChengyuSpec overrides', () => {
  it('applies a scalar override to the constant', () => {
    const s = buildChengyuSpec({ knowledge_depreciation: 0.2 });
    expect(s.variables.find((v) => v.name === 'knowledge_depreciation')!.equation).toBe('0.2');
  });

  it('names an unknown or per-node parameter in its error', () => {
    expect(() => buildChengyuSpec({ nope: 1 })).toThrow(/unknown parameter "nope"/);
    expect(() => buildChengyuSpec({ talent_per_hte: 1 })).toThrow(/"talent_per_hte" is per node/);
  });
});
