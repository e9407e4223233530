import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/model/engine/index.ts';
import type { ModelSpec } from '../../src/model/engine/types.ts';
import { engineBatchModel } from '../../src/model/analysis/engine-batch-model.ts';
import { chengyuBatchModel, HEADLINE_OUTPUTS, uncertainParameters } from '../../src/model/chengyu/batch-model.ts';
import { PARAMETERS } from '../../src/model/chengyu/parameters.ts';
import { POSTERIOR } from '../../src/model/chengyu/posterior-data.ts';
import { runChengyu } from '../../src/model/chengyu/run.ts';

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
  it('by default draws joint posterior draws (one factor) plus the prior-only parameters, and reports the headline KPIs yearly', () => {
    const bm = chengyuBatchModel({ constants: {} });
    const ids = uncertainParameters().map((p) => p.id);
    expect(ids).toEqual(['posterior_draw', ...POSTERIOR.priorOnly]);
    expect(bm.params.map((p) => p.id)).toEqual(ids);
    expect(bm.outputs).toEqual(HEADLINE_OUTPUTS);
    expect(bm.times[0]).toBe(2015);
    expect(bm.times.at(-1)).toBe(2035);
    // Draw k of the posterior gives the model run with that draw's parameters.
    const k = 17;
    const row = POSTERIOR.draws[k];
    const values = Float64Array.from(ids, (id) => (id === 'posterior_draw' ? (k + 0.5) / POSTERIOR.draws.length : (PARAMETERS.find((p) => p.id === id)!.value as number)));
    const out = new Float64Array(bm.outputs.length * bm.times.length);
    bm.run(values, 1, out);
    const parameters = Object.fromEntries(POSTERIOR.parameters.map((id, j) => [id, row[j]]).filter(([id]) => !String(id).startsWith('model_error_')));
    const ref = runChengyu({}, { parameters });
    const hte = bm.outputs.indexOf('hte_circle') * bm.times.length;
    expect([...out.subarray(hte, hte + bm.times.length)]).toEqual([...ref.series.get('hte_circle')!]);
    expect(out.every(Number.isFinite)).toBe(true);
  });

  it('offers the posterior marginals and the priors, named as such', () => {
    const marg = uncertainParameters('posterior-marginals');
    expect(marg.every((p) => p.id !== 'posterior_draw')).toBe(true);
    expect(marg.find((p) => p.id === 'certification_rate')!.distribution.type).toBe('empirical');
    const prior = uncertainParameters('prior');
    expect(prior.map((p) => p.id)).toEqual(PARAMETERS.filter((p) => p.distribution && p.provenance.kind !== 'calibrated').map((p) => p.id));
    expect(chengyuBatchModel({ constants: {}, uncertainty: 'prior' }).version).toMatch(/-prior$/);
    expect(chengyuBatchModel({ constants: {} }).version).toMatch(/-posterior-[0-9a-f]+$/);
  });
});
