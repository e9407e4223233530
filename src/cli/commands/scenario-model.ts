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
  /** Interval between saved points (years; default 1). */
  saveStep?: number;
  /** Seed of the model's random builtins. */
  seed?: number;
}

/** What `run` may add to a scenario: registry parameter overrides and run settings. */
export interface ScenarioRunExtras {
  /** Registry parameter overrides (`id` or `id[node]` → value), checked by the caller. */
  parameters?: Record<string, number>;
  saveStep?: number;
  seed?: number;
}

/** The regional model as the scenario commands use it. */
export interface ScenarioModel {
  /** Hash of equations, parameters and calibration. */
  version: string;
  /** Run with lever constants (`lever_<id>_<field>` → value) overriding the model's. */
  run(constants: Record<string, number>, settings: ScenarioRunSettings): RunResult;
  /** Units of a variable or `name[elem]` column (engine units syntax), if the model gives them. */
  unitsOf?(column: string): string | undefined;
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
export function runScenarioWith(model: ScenarioModel, scenario: Scenario, extras: ScenarioRunExtras = {}): { result: RunResult; resolved: ResolvedScenario } {
  const levers = resolveLevers(scenario);
  // Parameters first: a lever's own constant always wins.
  const result = model.run({ ...(extras.parameters ?? {}), ...leverConstants(levers) }, {
    method: scenario.simulation.method,
    dt: scenario.simulation.dt,
    stop: scenario.simulation.end,
    ...(extras.saveStep !== undefined ? { saveStep: extras.saveStep } : {}),
    ...(extras.seed !== undefined ? { seed: extras.seed } : {}),
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
