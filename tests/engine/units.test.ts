// Units check: mathjs units, unknown names as base units, messages naming the variable.
import { describe, expect, it } from 'vitest';
import { ModelError, compileModel } from '../../src/model/engine/index.ts';
import { formatDims, parseUnits } from '../../src/model/engine/units.ts';
import { aux, flow, model, stock } from './helpers.ts';

const sim = { start: 0, stop: 1, dt: 1, timeUnits: 'year' };
const messages = (vars: Parameters<typeof model>[1]) => {
  try {
    compileModel(model(sim, vars));
  } catch (err) {
    return (err as ModelError).diagnostics.map((d) => `${d.kind} ${d.variable}: ${d.message}${d.position !== undefined ? ` @${d.position}` : ''}`);
  }
  return [];
};

describe('units', () => {
  it('parses units: known mathjs units by dimension, unknown names as base units', () => {
    expect(formatDims(parseUnits('enterprise/year'))).toBe('enterprise/time');
    expect(formatDims(parseUnits('1e8 CNY / (person * months)'))).toBe('cny/(person*time)');
    expect(formatDims(parseUnits('km^2'))).toBe('length^2');
    expect(formatDims(parseUnits('dmnl'))).toBe('dimensionless');
    expect(() => parseUnits('a + b')).toThrow(/is not a units expression/);
  });

  it('accepts consistent units (month vs year are both time; numbers are unitless)', () => {
    expect(messages([
      stock('hte', '100', ['entry'], [], { units: 'enterprise' }),
      flow('entry', 'hte * rate + 2', { units: 'enterprise/month' }),
      aux('rate', '0.1', { units: '1/year' }),
      aux('share', 'hte / SUM(hte)', { units: 'dmnl' }),
    ])).toEqual([]);
  });

  it('reports sums of different units with the position, declared vs inferred, and flows vs stocks', () => {
    expect(messages([
      aux('a', '1', { units: 'person' }), aux('b', '2', { units: 'CNY' }), aux('c', 'a + b'),
    ])).toEqual(['units c: units do not agree: "+" combines person and cny @4']);
    expect(messages([
      aux('a', '1', { units: 'person' }), aux('t', '2', { units: 'year' }), aux('c', 'a / t', { units: 'person' }),
    ])).toEqual(['units c: units: the equation gives person/time but "c" is declared in person']);
    expect(messages([
      stock('s', '1', ['f'], [], { units: 'person' }), flow('f', '1', { units: 'CNY/year' }),
    ])).toEqual(['units s: units: flow "f" is in cny/time but stock "s" needs person/time']);
    expect(messages([aux('a', '1', { units: 'x +' })])[0]).toMatch(/^units a: units: "x \+" is not a units expression/);
  });

  it('can downgrade units problems to warnings', () => {
    const m = compileModel(model(sim, [aux('a', '1', { units: 'person' }), aux('b', '2', { units: 'CNY' }), aux('c', 'a + b')]), { units: 'warn' });
    expect(m.warnings.map((w) => w.message)).toEqual(['units do not agree: "+" combines person and cny']);
    expect(m.run().series.get('c')![0]).toBe(3);
  });
});
