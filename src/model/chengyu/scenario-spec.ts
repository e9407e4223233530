// The regional model with a scenario built in: its lever settings as the model's named
// constants (`lever_<id>_<field>`) and its simulation settings as the model's time settings,
// so that the spec alone (e.g. exported to XMILE or Vensim) runs the scenario.
import type { ModelSpec } from '../engine/types.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { scenarioConstants } from '../scenario/scenario.ts';
import { buildChengyuSpec } from './equations.ts';

/** The calibrated regional model running `scenario` without run options. */
export function chengyuSpecForScenario(scenario: Pick<Scenario, 'levers' | 'simulation' | 'id'>): ModelSpec {
  const spec = buildChengyuSpec();
  const constants = scenarioConstants(scenario);
  const variables = spec.variables.map((v) => {
    const value = constants[v.name];
    if (value === undefined) return v;
    return { ...v, equation: String(value), doc: `${v.doc ?? ''} Set by scenario "${scenario.id}".`.trim() };
  });
  const s = scenario.simulation;
  const sim = {
    ...spec.sim,
    ...(s.end !== undefined ? { stop: s.end } : {}),
    ...(s.dt !== undefined ? { dt: s.dt } : {}),
    ...(s.method !== undefined ? { method: s.method } : {}),
  };
  return { ...spec, name: scenario.id === 'baseline' ? spec.name : `${spec.name}-${scenario.id}`, sim, variables };
}
