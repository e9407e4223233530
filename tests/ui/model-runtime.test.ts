// The page's model wrapper on a tiny real model (logistic growth of enterprises in two
// zones, with a lever constant), compiled by the engine.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/model/engine/index.ts';
import type { ModelSpec } from '../../src/model/engine/types.ts';
import { createModelRuntime, type StaticMeta } from '../../src/ui/model-bridge/model-runtime.ts';
import { valueAt } from '../../src/ui/model-bridge/types.ts';

const spec: ModelSpec = {
  sim: { start: 2015, stop: 2035, dt: 0.25 },
  dimensions: [{ name: 'node', elements: ['chengdu', 'mianyang'] }],
  variables: [
    { name: 'lever_rd_support_extra_share_gdp', kind: 'aux', equation: '0' },
    { name: 'growth', kind: 'aux', equation: '0.1 + 0.05 * lever_rd_support_extra_share_gdp', doc: 'Growth rate per year.' },
    { name: 'capacity', kind: 'aux', dims: ['node'], equation: { chengdu: '5000', mianyang: '1000' } },
    { name: 'formation', kind: 'flow', dims: ['node'], equation: 'growth * hte * (1 - hte / capacity)' },
    { name: 'hte', kind: 'stock', dims: ['node'], equation: { chengdu: '1000', mianyang: '200' }, inflows: ['formation'] },
    { name: 'hte_circle', kind: 'aux', equation: 'SUM(hte[:])' },
  ],
};

const statics: StaticMeta = {
  areas: [
    { id: 'circle', kind: 'region', label: { zh: '圈', en: 'Circle' } },
    { id: 'chengdu', kind: 'zone', label: { zh: '成都', en: 'Chengdu' }, lon: 104, lat: 30.6 },
    { id: 'mianyang', kind: 'zone', label: { zh: '绵阳', en: 'Mianyang' }, lon: 104.7, lat: 31.5 },
  ],
  rail: [],
  kpis: [
    { id: 'hte', label: { zh: '企业', en: 'Enterprises' }, unit: { zh: '家', en: 'enterprises' }, digits: 0 },
    { id: 'rd_intensity', label: { zh: '强度', en: 'Intensity' }, unit: { zh: '%', en: '%' }, digits: 2 },
  ],
  observations: [
    { column: 'hte_circle', time: 2016, value: 1300 },
    { column: 'rd_intensity_circle', time: 2016, value: 2 },
  ],
  parameters: [
    {
      id: 'capacity',
      value: { chengdu: 5000, mianyang: 1000 },
      unit: 'enterprise',
      range: [500, 8000],
      provenance: { kind: 'assumption', reason: 'room for firms in each zone, guessed for this test' },
      doc: 'Carrying capacity.',
    },
  ],
};

describe('model runtime', () => {
  const rt = createModelRuntime(compileModel(spec), statics);

  it('selects the indicator columns the model has, and their observations', () => {
    expect(rt.meta.columns).toEqual(['hte_circle', 'hte[chengdu]', 'hte[mianyang]']);
    expect(rt.meta.observations).toEqual([{ column: 'hte_circle', time: 2016, value: 1300 }]);
  });

  it('runs with a lever override and returns independent copies of each column', () => {
    const a = rt.run({});
    const b = rt.run({ lever_rd_support_extra_share_gdp: 1 });
    expect(a.times.length).toBe(81);
    expect(a.times[0]).toBe(2015);
    expect(valueAt(a, 'hte_circle', 2015)).toBe(1200);
    const a35 = valueAt(a, 'hte_circle', 2035) as number;
    const b35 = valueAt(b, 'hte_circle', 2035) as number;
    expect(b35).toBeGreaterThan(a35);
    expect(a35).toBeCloseTo((valueAt(a, 'hte[chengdu]', 2035) as number) + (valueAt(a, 'hte[mianyang]', 2035) as number), 9);
  });

  it('rejects an unknown constant', () => {
    expect(() => rt.run({ lever_teleport_level: 1 })).toThrow(/lever_teleport_level/);
  });

  it('describes the structure: inputs from the equations and a loop through the stock', () => {
    const hte = rt.meta.structure.find((v) => v.name === 'hte');
    expect(hte?.inputs).toContain('formation');
    const formation = rt.meta.structure.find((v) => v.name === 'formation');
    expect(formation?.inputs.sort()).toEqual(['capacity', 'growth', 'hte']);
    expect(formation?.equation).toBe('growth * hte * (1 - hte / capacity)');
    // "What drives enterprises?" starts at the per-node stock, where the loops are.
    expect(rt.meta.kpiVariables.hte).toBe('hte');
  });

  it('attaches provenance and the value in use to registry parameters only', () => {
    const capacity = rt.meta.structure.find((v) => v.name === 'capacity');
    expect(capacity?.parameter).toEqual({
      value: [1000, 5000],
      unit: 'enterprise',
      range: [500, 8000],
      provenance: { kind: 'assumption', text: 'room for firms in each zone, guessed for this test' },
    });
    expect(rt.meta.structure.find((v) => v.name === 'growth')?.parameter).toBeUndefined();
  });
});
