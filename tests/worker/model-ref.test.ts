import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolveModel, scenarioModelRef } from '../../src/model/worker/model-ref.ts';
import { parseScenario } from '../../src/model/scenario/scenario.ts';

describe('model references', () => {
  it('a scenario becomes the regional model with its lever constants and simulation settings', () => {
    const text = JSON.stringify({ id: 'x', title: { zh: 'x', en: 'x' }, levers: { corridor: { integration: 0.6, start_year: 2022 } }, simulation: { end: 2030, method: 'rk4' } });
    const ref = scenarioModelRef(parseScenario(text, 'x.json'));
    expect(ref).toMatchObject({ kind: 'chengyu', method: 'rk4', end: 2030 });
    if (ref.kind !== 'chengyu') throw new Error('unreachable');
    expect(ref.constants.lever_corridor_integration).toBe(0.6);
    expect(ref.constants.lever_corridor_start_year).toBe(2022);
    expect(ref.constants.lever_transfer_level).toBe(0);
    expect(JSON.parse(JSON.stringify(ref))).toEqual(ref); // plain data, can cross to a worker
  });
  it('resolves toy models and names unknown ones', async () => {
    expect((await resolveModel({ kind: 'toy', name: 'ishigami' })).params.map((p) => p.id)).toEqual(['x1', 'x2', 'x3']);
    await expect(resolveModel({ kind: 'toy', name: 'nope' })).rejects.toThrow(/unknown toy model "nope"/);
  });
  it('a scenario file from scenarios/ resolves', () => {
    const s = parseScenario(readFileSync(new URL('../../scenarios/parks.json', import.meta.url), 'utf8'), 'parks.json');
    expect(scenarioModelRef(s).kind).toBe('chengyu');
  });
});
