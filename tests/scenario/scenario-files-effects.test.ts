// The committed scenario files, run through the scenario layer on the calibrated model:
// each moves its target outputs the way the issue says, and the baseline file is the
// model's own default run, bit for bit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getChengyuModel } from '../../src/model/chengyu/index.ts';
import type { RunResult } from '../../src/model/engine/types.ts';
import { valueAt } from '../../src/model/scenario/compare.ts';
import { parseScenario, scenarioConstants } from '../../src/model/scenario/scenario.ts';

const runFile = (name: string): RunResult => {
  const s = parseScenario(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8'), name);
  return getChengyuModel().run({ constants: scenarioConstants(s), method: s.simulation.method, sim: s.simulation.dt ? { dt: s.simulation.dt } : {} });
};
const at = (r: RunResult, name: string) => valueAt(r, name, 2035);
const nonCoreHte = (r: RunResult) => at(r, 'hte_zones12') - at(r, 'hte[chengdu]') - at(r, 'hte[chongqing_zone]');

describe('scenario files on the calibrated model (2035)', () => {
  const base = runFile('baseline');
  it('baseline is the model\'s default run exactly', () => {
    const d = getChengyuModel().run({});
    for (const n of ['hte_circle', 'rd_intensity_circle', 'tech_contracts_circle', 'policy_cost_cumulative']) {
      expect(Array.from(base.series.get(n)!)).toEqual(Array.from(d.series.get(n)!));
    }
    expect(at(base, 'policy_cost_cumulative')).toBe(0);
  });
  it('science city and R&D support raise R&D intensity', () => {
    for (const f of ['science-city', 'rd-support']) expect(at(runFile(f), 'rd_intensity_circle')).toBeGreaterThan(at(base, 'rd_intensity_circle'));
  });
  it('corridor, transfer and coordination raise technology-contract turnover', () => {
    for (const f of ['corridor', 'transfer', 'coordination']) expect(at(runFile(f), 'tech_contracts_circle')).toBeGreaterThan(at(base, 'tech_contracts_circle'));
  });
  it('parks raise the non-core zones\' enterprises', () => {
    expect(nonCoreHte(runFile('parks'))).toBeGreaterThan(nonCoreHte(base));
  });
  it('every lever scenario costs public money; the package gains more than any single lever', () => {
    const singles = ['science-city', 'corridor', 'parks', 'coordination', 'transfer', 'rd-support'].map(runFile);
    for (const r of singles) expect(at(r, 'policy_cost_cumulative')).toBeGreaterThan(0);
    const pkg = runFile('paper-package');
    for (const k of ['hte_circle', 'rd_intensity_circle', 'tech_contracts_circle']) {
      for (const r of singles) expect(at(pkg, k)).toBeGreaterThan(at(r, k));
    }
    for (const r of [...singles, pkg]) for (const s of r.series.values()) for (const v of s) expect(Number.isFinite(v)).toBe(true);
  });
});

describe('runScenario (library)', () => {
  it('runs a scenario with its levers and simulation settings, as the CLI does', async () => {
    const { runScenario } = await import('../../src/model/scenario/run-scenario.ts');
    const s = parseScenario(readFileSync(new URL('../../scenarios/corridor.json', import.meta.url), 'utf8'));
    const r = runScenario({ ...s, simulation: { end: 2030, method: 'rk4' } });
    expect(r.levers.corridor).toEqual({ integration: 0.6, start_year: 2026 });
    expect(r.result.meta.method).toBe('rk4');
    expect(r.result.times[r.result.times.length - 1]).toBe(2030);
    expect(r.modelVersion).toBe(`chengyu-${getChengyuModel().hash}`);
    const direct = getChengyuModel().run({ constants: scenarioConstants(s), method: 'rk4', sim: { stop: 2030 } });
    expect(Array.from(r.result.series.get('tech_contracts_circle')!)).toEqual(Array.from(direct.series.get('tech_contracts_circle')!));
  });
});
