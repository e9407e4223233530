import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/model/engine/index.ts';
import type { ModelSpec } from '../../src/model/engine/types.ts';
import { engineBatchModel } from '../../src/model/analysis/engine-batch-model.ts';
import { chengyuBatchModel, HEADLINE_OUTPUTS, uncertainParameters } from '../../src/model/analysis/chengyu-batch-model.ts';
import { PARAMETERS } from '../../src/model/chengyu/parameters.ts';

const spec: ModelSpec = {
  sim: { start: 0, stop: 4, dt: 0.5, saveStep: 1 },
  variables: [
    { name: 'growth', kind: 'aux', equation: '0.1' },
    { name: 'boost', kind: 'aux', equation: '0' },
    { name: 'level', kind: 'stock', equation: '100', inflows: ['change'] },
    { name: 'change', kind: 'flow', equation: 'level * (growth + boost)' },
    { name: 'double_level', kind: 'aux', equation: 'level * 2' },
  ],
};

describe('engineBatchModel', () => {
  const model = compileModel(spec);
  it('sets uncertain constants per run over the fixed overrides; output-major layout', () => {
    const bm = engineBatchModel({
      model,
      params: [{ id: 'growth', distribution: { type: 'uniform', min: 0, max: 0.2 } }],
      outputs: ['level', 'double_level'],
      constants: { boost: 0.05 },
    });
    expect(bm.outputs).toEqual(['level', 'double_level']);
    expect([...bm.times]).toEqual([0, 1, 2, 3, 4]);
    const out = new Float64Array(10);
    bm.run(Float64Array.of(0.15), 1, out);
    const ref = model.run({ constants: { growth: 0.15, boost: 0.05 } });
    const level = ref.series.get('level')!;
    expect([...out.subarray(0, 5)]).toEqual([...level]);
    expect([...out.subarray(5)]).toEqual([...ref.series.get('double_level')!]);
    // The next run starts from the base constants again, not from the previous run's.
    bm.run(Float64Array.of(0), 1, out);
    expect(out[4]).toBeCloseTo(100 * 1.025 ** 8, 9);
  });
  it('names unknown constants', () => {
    expect(() =>
      engineBatchModel({ model, params: [{ id: 'nope', distribution: { type: 'uniform', min: 0, max: 1 } }], outputs: ['level'] }),
    ).toThrow(/nope/);
  });
});

describe('the regional model as a batch model', () => {
  it('varies the registry parameters with a distribution and reports the headline KPIs yearly', () => {
    const bm = chengyuBatchModel({ constants: {} });
    const ids = uncertainParameters().map((p) => p.id);
    expect(ids).toEqual(PARAMETERS.filter((p) => p.distribution).map((p) => p.id));
    expect(ids.length).toBeGreaterThan(5);
    expect(bm.outputs).toEqual(HEADLINE_OUTPUTS);
    expect(bm.times[0]).toBe(2015);
    expect(bm.times.at(-1)).toBe(2035);
    // Registry values → the same KPIs as the model with its defaults.
    const values = Float64Array.from(ids, (id) => PARAMETERS.find((p) => p.id === id)!.value as number);
    const out = new Float64Array(bm.outputs.length * bm.times.length);
    bm.run(values, 1, out);
    const hte = bm.outputs.indexOf('hte_circle') * bm.times.length;
    expect(out[hte]).toBeGreaterThan(0);
    expect(out.every(Number.isFinite)).toBe(true);
  });
});
