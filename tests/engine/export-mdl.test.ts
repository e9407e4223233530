// Vensim .mdl export: how each construct is written, and what is refused (naming the
// variable and the construct). SDEverywhere's run of the files is in export-sde.test.ts.
import { describe, expect, it } from 'vitest';
import { ExportRefusal, exportMdl } from '../../src/model/engine/export/index.ts';
import type { ModelSpec } from '../../src/model/engine/index.ts';
import { aux, flow, model, stock } from './helpers.ts';
import { constructsModel } from './export-fixtures.ts';

const instant = (spec: ModelSpec): ModelSpec => ({ ...spec, sim: { ...spec.sim, saveMode: 'instant' } });
const one = (v: ReturnType<typeof aux>, sim: Partial<ModelSpec['sim']> = {}) => model({ start: 0, stop: 2, dt: 0.5, ...sim }, [aux('k', '2'), v]);

/** The refusal issues of exporting `spec`, as "variable: construct". */
function refusals(spec: ModelSpec): string[] {
  try {
    exportMdl(spec);
  } catch (err) {
    if (err instanceof ExportRefusal) return err.issues.map((i) => `${i.variable}: ${i.construct}`);
    throw err;
  }
  return [];
}

describe('Vensim .mdl export', () => {
  const mdl = exportMdl(instant(constructsModel()));

  it('writes subscript ranges, an alias as <->, sums with !, INTEG levels and the control section', () => {
    expect(mdl.startsWith('{UTF-8}\n')).toBe(true);
    expect(mdl).toContain('r: a, b, c\n');
    expect(mdl).toContain('s <-> r\n');
    expect(mdl).toContain('SUM(w[r, s!] * x[s!])');
    expect(mdl).toContain('total = SUM(x[r!])');
    expect(mdl).toContain('x[r] = INTEG(MAX((grow[r]) - (drain[r]), -x[r] / TIME STEP), k[r] * 10)');
    expect(mdl).toMatch(/drain\[r\] = MAX\(0, /);
    expect(mdl).toMatch(/w\[r, s\] = 0, 0.5, 0.25;\n\t\t0.5, 0, -0.125;\n\t\t0.25, 0.125, 0;/);
    expect(mdl).toMatch(/FINAL TIME = 6\n\t~\tyear/);
    expect(mdl).toMatch(/TIME STEP = 0.25\n/);
    expect(mdl).toMatch(/SAVEPER = 1\n/);
  });

  it('writes units (1 as Dmnl) and the doc with the Chinese name as the comment', () => {
    expect(mdl).toMatch(/w\[r, s\] = [^~]*~\tDmnl\n\t~\t中文名：权重\n/);
    expect(mdl).toMatch(/x\[r\] = INTEG[^~]*~\tthing\n\t~\tA stock per region.\n/);
  });

  it("writes the engine's STEP, RAMP, XIDZ, ZIDZ and comparisons as IF THEN ELSE on the engine's own tests", () => {
    expect(mdl).toContain('IF THEN ELSE(Time >= 2 - TIME STEP * 1e-6, 1, 0)');
    expect(mdl).toContain('IF THEN ELSE(Time <= 1, 0, 0.5 * (MIN(Time, 3) - 1))');
    expect(mdl).toContain('IF THEN ELSE(total = 0, 0, x[r] / total)');
    expect(mdl).toContain('IF THEN ELSE(total - total = 0, 0, x[r] / (total - total))');
    expect(mdl).toContain('IF THEN ELSE(Time > 3, 1, 0)');
    expect(mdl).toContain('IF THEN ELSE((x[r] < 5) :AND: (Time >= 1), 1, 0)');
  });

  it('writes lookups as tables, a discrete one through LOOKUP BACKWARD', () => {
    expect(mdl).toContain('effect_lookup(\n\t[(0,1)-(4,3)],(0,1),(2,3),(4,2))');
    expect(mdl).toContain('effect = effect_lookup(Time)');
    expect(mdl).toContain('policy = LOOKUP BACKWARD(policy_lookup, Time)');
    expect(mdl).toContain('curve(\n\t[(0,0)-(10,1)],(0,0),(10,1))');
    expect(mdl).toContain('curve(total) * effect');
  });

  it('moves INITIAL and DELAY FIXED into helper variables, and writes smoothing and material delays as Vensim functions', () => {
    expect(mdl).toContain('relative = total / relative_initial_1');
    expect(mdl).toContain('relative_initial_1 = INITIAL(total)');
    expect(mdl).toContain('lagged = lagged_delay_fixed_1 * 2');
    expect(mdl).toContain('lagged_delay_fixed_1 = DELAY FIXED(total, 1, lagged_initial_1 / 2)');
    expect(mdl).toContain('smoothed = SMOOTH(total, tau)');
    expect(mdl).toContain('pipeline = DELAY3(total, tau) + SMOOTH3I(total, 1, 4)');
    expect(mdl).toContain('extremes = VMAX(x[r!]) - MIN(MIN(x[a], x[b]), x[c]) + SUM(x[r!]) / 3');
  });

  it('writes a sketch with every variable on a grid, levels as boxes', () => {
    const sketch = mdl.slice(mdl.indexOf('\\\\\\---/// Sketch information'));
    expect(sketch).toMatch(/^\\\\\\---\/\/\/ Sketch information[^\n]*\nV300 [^\n]*\n\*View 1\n\$192-192-192,/);
    expect(sketch).toContain('\n10,1,w,100,100,49,8,8,3,0,0,0,0,0,0\n');
    expect(sketch).toContain('\n10,5,x,820,100,40,20,3,3,0,0,0,0,0,0\n');
    expect(sketch.trimEnd().endsWith('///---\\\\\\')).toBe(true);
  });

  it('writes a fixed delay as an Euler pipeline of levels on request', () => {
    const p = exportMdl(instant(constructsModel()), { fixedDelay: 'pipeline' });
    expect(p).toContain('lagged = lagged_delay_1_stage_4 * 2');
    expect(p).toContain('lagged_delay_1_stage_1 = INTEG((total - lagged_delay_1_stage_1) / TIME STEP, lagged_initial_1 / 2)');
    expect(p).toContain('lagged_delay_1_stage_4 = INTEG((lagged_delay_1_stage_3 - lagged_delay_1_stage_4) / TIME STEP, lagged_initial_1 / 2)');
    expect(p).not.toContain('stage_5');
    expect(p).not.toContain('DELAY FIXED');
  });

  it('refuses interval-mean saving, RK4 and single precision, naming the model', () => {
    expect(refusals(constructsModel())).toEqual([expect.stringMatching(/^\(model\): interval-mean saving/)]);
    expect(refusals(one(aux('a', 'k'), { method: 'rk4' }))).toEqual([expect.stringMatching(/^\(model\): the RK4 method/)]);
    expect(refusals(one(aux('a', 'k'), { precision: 'single' }))).toEqual([expect.stringMatching(/^\(model\): single-precision/)]);
  });

  it('refuses each construct Vensim computes differently, naming the variable and the construct', () => {
    expect(refusals(one(aux('a', 'k mod 3')))).toEqual([expect.stringMatching(/^a: MOD/)]);
    expect(refusals(one(aux('a', 'PULSE(1, 1)')))).toEqual([expect.stringMatching(/^a: PULSE/)]);
    expect(refusals(one(aux('a', 'RANDOM(0, 1)')))).toEqual([expect.stringMatching(/^a: RANDOM/)]);
    expect(refusals(one(aux('a', 'PREVIOUS(k)')))).toEqual([expect.stringMatching(/^a: PREVIOUS/)]);
    expect(refusals(one(aux('a', 'INT(k)')))).toEqual([expect.stringMatching(/^a: INT/)]);
    expect(refusals(one(aux('a', 'DELAY(k, TIME + 1)')))).toEqual([expect.stringMatching(/^a: DELAY whose delay time is not a constant/)]);
    expect(refusals(one(aux('a', 'DELAY(k, 0.7)')))).toEqual([expect.stringMatching(/^a: DELAY of 0.7, not a whole number of steps of 0.5/)]);
    expect(refusals(one(aux('a', 'TIME', { gf: { xs: [0, 1], ys: [0, 1], type: 'extrapolate' } })))).toEqual([expect.stringMatching(/^a: an extrapolating graphical function/)]);
  });

  it("names a stock's flows by their model names, whatever characters they hold", () => {
    const spec = model({ start: 0, stop: 2, dt: 1 }, [stock('pop.size', '10', ['pop.births']), flow('pop.births', 'pop_u2e_size * 0.1')]);
    expect(exportMdl(spec)).toContain('"pop.size" = INTEG("pop.births", 10)');
  });

  it('refuses a sum over a dimension inside an equation over it when no alias can carry the index', () => {
    const spec = model({ start: 0, stop: 1, dt: 1 }, [aux('x', '1', { dims: ['d'] }), aux('y', 'x / SUM(x[:])', { dims: ['d'] })], [{ name: 'd', elements: ['p', 'q'] }]);
    expect(refusals(spec)).toEqual([expect.stringMatching(/^y: SUM over "d" inside an equation over "d"/)]);
    const aliased = { ...spec, dimensions: [...spec.dimensions!, { name: 'e', elements: ['p', 'q'], aliasOf: 'd' }] };
    expect(exportMdl(aliased)).toContain('y[d] = x[d] / SUM(x[e!])');
  });

  it('writes a model without arrays, and quotes names Vensim cannot read bare', () => {
    const spec = model({ start: 0, stop: 4, dt: 1 }, [stock('Tea Cup', '10', [], ['cooling']), flow('cooling', 'tea_cup / 2'), aux('ratio/2', '1')]);
    const text = exportMdl(spec);
    expect(text).toContain('Tea Cup = INTEG((0) - (cooling), 10)');
    expect(text).toContain('cooling = Tea Cup / 2');
    expect(text).toContain('"ratio/2" = 1');
  });
});
