import { describe, expect, it } from 'vitest';
import { calibrateChengyu, calibrationObjective, calibrationParameters } from '../../src/model/chengyu/calibration.ts';
import { CALIBRATED_IDS, PARAMETER_INDEX } from '../../src/model/chengyu/parameters.ts';
import calibration from '../../src/model/chengyu/calibration.json' with { type: 'json' };

describe('calibration of the regional model', () => {
  const objective = calibrationObjective();

  it('reproduces the committed objective at the committed parameters', () => {
    expect(objective({ ...calibration.parameters })).toBeCloseTo(calibration.objective, 6);
  });

  it('fits far better than the registry priors', () => {
    const priors = Object.fromEntries(CALIBRATED_IDS.map((id) => [id, PARAMETER_INDEX.get(id)!.value as number]));
    expect(calibration.objective).toBeLessThan(objective(priors) / 10);
  });

  it('cannot be improved by nudging any single parameter within its range (a local optimum)', () => {
    const best = objective({ ...calibration.parameters });
    const bounds = new Map(calibrationParameters().map((p) => [p.id, p]));
    let nudged = 0;
    for (const id of CALIBRATED_IDS) {
      const { lower, upper } = bounds.get(id)!;
      const x = calibration.parameters[id as keyof typeof calibration.parameters];
      for (const f of [0.97, 1.03]) {
        // The fit is constrained to the registry's plausible range: a parameter at a bound
        // may only be nudged inwards.
        if (x * f < lower || x * f > upper) continue;
        const v = { ...calibration.parameters, [id]: x * f };
        expect(objective(v), `${id} × ${f}`).toBeGreaterThan(best - 1e-6);
        nudged++;
      }
    }
    expect(nudged).toBeGreaterThanOrEqual(CALIBRATED_IDS.length);
  });

  it('fits inside the registry ranges', () => {
    for (const p of calibrationParameters()) {
      expect(p.lower).toBeLessThan(p.upper);
      expect(p.initial).toBeGreaterThanOrEqual(p.lower);
      expect(p.initial).toBeLessThanOrEqual(p.upper);
    }
  });

  it('is deterministic for a seed and improves on its start', () => {
    const a = calibrateChengyu({ seed: 3, starts: 1, maxEvals: 40 });
    const b = calibrateChengyu({ seed: 3, starts: 1, maxEvals: 40 });
    expect(b).toEqual(a);
    const priors = Object.fromEntries(CALIBRATED_IDS.map((id) => [id, PARAMETER_INDEX.get(id)!.value as number]));
    expect(a.objective).toBeLessThan(objective(priors));
    expect(Object.keys(a.parameters).sort()).toEqual([...CALIBRATED_IDS].sort());
  });
});
