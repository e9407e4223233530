import { describe, expect, it } from 'vitest';
import { runChengyu, parameterRegistry } from '../../src/model/chengyu/index.ts';
import { paperPackageConstants } from '../../src/model/chengyu/experiments.ts';
import { stream } from '../../src/model/analysis/rng.ts';

// Monte Carlo draws every parameter with a distribution anywhere in its range: the model must
// stay finite and non-negative for any such combination, with and without the levers.
const uncertain = parameterRegistry.filter((p) => p.distribution && typeof p.value === 'number');
const SIGNED = /^(talent_change|talent_growth_rate|log_[a-z_]+)(\[|$)/; // logarithms are signed

function check(parameters: Record<string, number>, constants: Record<string, number>) {
  const r = runChengyu(constants, { parameters });
  // One assertion over all values (an expect per value is slow at thousands of series).
  const bad: string[] = [];
  for (const n of r.names) {
    for (const x of r.series.get(n)!) if (!Number.isFinite(x) || (!SIGNED.test(n) && x < 0)) bad.push(`${n} = ${x}`);
  }
  expect(bad.slice(0, 5)).toEqual([]);
  return r;
}

describe('uncertain parameters across their ranges', () => {
  it('covers the main mechanisms', () => {
    expect(uncertain.length).toBeGreaterThan(30);
  });

  it.each(['low', 'high'] as const)('every uncertain parameter at the %s end stays finite and non-negative', (end) => {
    const parameters = Object.fromEntries(uncertain.map((p) => [p.id, end === 'low' ? p.range[0] : p.range[1]]));
    check(parameters, {});
    check(parameters, paperPackageConstants());
  });

  it('random draws inside the ranges stay finite and non-negative', () => {
    const u = stream(2035, 'model-uncertainty-test');
    for (let k = 0; k < 8; k++) {
      const parameters = Object.fromEntries(uncertain.map((p) => [p.id, p.range[0] + u() * (p.range[1] - p.range[0])]));
      check(parameters, k % 2 ? paperPackageConstants() : {});
    }
  });
});
