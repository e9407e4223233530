// Running a scenario on the calibrated regional model from the library:
//   const { result } = runScenario(parseScenario(text));
import { getChengyuModel } from '../chengyu/index.ts';
import type { RunResult } from '../engine/types.ts';
import type { LeverSettings } from './lever-types.ts';
import type { Scenario } from './scenario.ts';
import { leverConstants, resolveLevers } from './scenario.ts';

/** A scenario run: the result and the lever settings it used (defaults filled in). */
export interface ScenarioRun {
  result: RunResult;
  levers: LeverSettings;
  /** Model version: hash of equations, parameter values and calibration. */
  modelVersion: string;
}

/** Run a validated scenario on the calibrated regional model (compiled once per process). */
export function runScenario(scenario: Scenario): ScenarioRun {
  const model = getChengyuModel();
  const levers = resolveLevers(scenario);
  const { end, method, dt } = scenario.simulation;
  const result = model.run({
    constants: leverConstants(levers),
    method,
    sim: { ...(dt !== undefined ? { dt } : {}), ...(end !== undefined ? { stop: end } : {}) },
  });
  return { result, levers, modelVersion: `chengyu-${model.hash}` };
}
