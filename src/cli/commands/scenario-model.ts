// What the scenario commands (run, compare) need from the regional model, and running a
// scenario through it. The commands take this interface so that their logic is tested
// with any model; `loadScenarioModel` binds it to src/model/chengyu.
import type { Method, RunResult } from '../../model/engine/types.ts';
import type { LeverSettings } from '../../model/scenario/lever-types.ts';
import type { Scenario } from '../../model/scenario/scenario.ts';
import { leverConstants, resolveLevers } from '../../model/scenario/scenario.ts';

/** Run settings a scenario may override. */
export interface ScenarioRunSettings {
  method?: Method;
  dt?: number;
  /** Last simulated year. */
  stop?: number;
}

/** The regional model as the scenario commands use it. */
export interface ScenarioModel {
  /** Hash of equations, parameters and calibration. */
  version: string;
  /** Run with lever constants (`lever_<id>_<field>` → value) overriding the model's. */
  run(constants: Record<string, number>, settings: ScenarioRunSettings): RunResult;
}

/** A scenario as it was run: everything resolved, for provenance. */
export interface ResolvedScenario {
  id: string;
  title: Scenario['title'];
  description?: Scenario['description'];
  levers: LeverSettings;
  simulation: { end: number; method: Method; dt: number };
}

/** Run a (validated) scenario; returns the result and the fully resolved scenario. */
export function runScenarioWith(model: ScenarioModel, scenario: Scenario): { result: RunResult; resolved: ResolvedScenario } {
  const levers = resolveLevers(scenario);
  const result = model.run(leverConstants(levers), {
    method: scenario.simulation.method,
    dt: scenario.simulation.dt,
    stop: scenario.simulation.end,
  });
  const resolved: ResolvedScenario = {
    id: scenario.id,
    title: scenario.title,
    ...(scenario.description ? { description: scenario.description } : {}),
    levers,
    simulation: { end: result.meta.stop, method: result.meta.method, dt: result.meta.dt },
  };
  return { result, resolved };
}
