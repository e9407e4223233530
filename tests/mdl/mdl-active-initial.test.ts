// ACTIVE INITIAL in a Vensim .mdl: the initial expression serves the initialisation (so a
// stock's initial value may depend on it without a loop), the active one the run, from the
// start time's reported values on. Expected values worked by hand (Euler, dt = 1).
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/model/engine/index.ts';
import { loadMdl } from '../../src/model/mdl/index.ts';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 2 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = TIME STEP ~~|\n';
const MODEL = `{UTF-8}
capacity = INTEG(investment, initial capacity) ~~|
initial capacity = desired production ~~|
desired production = ACTIVE INITIAL(capacity * utilization, 100) ~~|
utilization = 0.5 ~~|
investment = desired production * 0.1 ~~|
${CONTROL}`;

describe('ACTIVE INITIAL (.mdl)', () => {
  it('initialises from the initial expression and runs on the active one', () => {
    const r = compileModel(loadMdl(MODEL)).run();
    // capacity(0) = 100 from the initial 100; then desired = capacity/2 and capacity grows by desired/10:
    // 100 → 105 → 110.25, desired 50, 52.5, 55.125.
    expect([...r.series.get('capacity')!]).toEqual([100, 105, 110.25]);
    expect([...r.series.get('desired production')!]).toEqual([50, 52.5, 55.125]);
    // Only the initialisation sees the initial 100: reported, "initial capacity" follows the active value.
    expect([...r.series.get('initial capacity')!]).toEqual([50, 52.5, 55.125]);
    // RK4 initialises the same way.
    expect(compileModel(loadMdl(MODEL)).run({ method: 'rk4' }).series.get('capacity')![0]).toBe(100);
  });

  it('is refused inside a larger expression, with the place of the definition', () => {
    expect(() => compileModel(loadMdl(MODEL.replace('ACTIVE INITIAL(capacity * utilization, 100)', '1 + ACTIVE INITIAL(capacity * utilization, 100)'))))
      .toThrow(/ACTIVE_INITIAL must be the whole equation of an auxiliary or flow/);
    expect(() => loadMdl(MODEL.replace(', 100)', ')'))).toThrow(/ACTIVE INITIAL takes 2 argument\(s\), got 1 \(line 4/);
  });
});
