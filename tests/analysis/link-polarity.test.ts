// Link polarity from the equations: sign rules on the equation tree, the run's values for
// the signs of other terms, and a numeric slope where the rules cannot tell.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/model/engine/index.ts';
import { concatRuns, linkPolarities } from '../../src/model/analysis/link-polarity.ts';
import { aux, flow, model, stock } from '../engine/helpers.ts';

// Logistic growth with a crowding table, a smoothed policy, a share (1 − p) and a saturating
// ratio whose derivative no sign rule gives: ceiling·g / (ceiling·g + p) rises with g.
const spec = model({ start: 0, stop: 20, dt: 0.25, saveStep: 1 }, [
  stock('pop', '100', ['births'], ['deaths']),
  flow('births', 'pop * birth_rate * effect * (1 - loss)'),
  flow('deaths', 'pop / lifetime'),
  aux('birth_rate', '0.1'), aux('lifetime', '20'), aux('loss', '0.25'),
  aux('effect', 'crowding(pop / capacity)'),
  aux('crowding', '', { gf: { xs: [0, 1, 2], ys: [1, 0.5, 0] } }),
  aux('capacity', '400'),
  aux('policy', 'SMTH1(push, delay_time)'), aux('push', '2'), aux('delay_time', '3'),
  aux('start_share', 'INIT(pop) / capacity'),
  aux('saturation', 'ceiling * g / (ceiling * g + pop)'), aux('ceiling', '0.2'), aux('g', '1000 + 10 * TIME'),
  aux('gap', 'pop - policy * 100'),
  aux('swing', 'gap * birth_rate'),
]);

describe('link polarity', () => {
  const m = compileModel(spec);
  const pol = linkPolarities(spec, m.run());

  it('gives a stock its inflows as + and its outflows as −, and no link to its initial value', () => {
    expect(pol.pop).toEqual({ births: '+', deaths: '-' });
  });

  it('signs products, quotients and constant terms from the equation', () => {
    expect(pol.births).toEqual({ pop: '+', birth_rate: '+', effect: '+', loss: '-' });
    expect(pol.deaths).toEqual({ pop: '+', lifetime: '-' });
  });

  it('follows a graphical function down its slope', () => {
    // crowding falls: more pop per capacity, less effect.
    expect(pol.effect.pop).toBe('-');
    expect(pol.effect.capacity).toBe('+');
  });

  it('passes a smoothed input through, and a smoothing time has no fixed sign', () => {
    expect(pol.policy).toEqual({ push: '+', delay_time: '?' });
  });

  it('leaves out INIT: a value fixed at the start is no causal link', () => {
    expect(pol.start_share).toEqual({ capacity: '-' });
  });

  it('uses the numeric slope at the run\'s states where the rules cannot tell', () => {
    expect(pol.saturation.g).toBe('+');
    expect(pol.saturation.ceiling).toBe('+');
    expect(pol.saturation.pop).toBe('-');
  });

  it('says ? where the sign depends on the state', () => {
    // Two runs together: a state where the gap is positive and one where it is negative.
    const both = concatRuns([m.run({ constants: { push: 0 } }), m.run({ constants: { push: 100 } })]);
    expect(linkPolarities(spec, both).swing.birth_rate).toBe('?');
    expect(linkPolarities(spec, m.run({ constants: { push: 0 } })).swing.birth_rate).toBe('+');
  });
});
