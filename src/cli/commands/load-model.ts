// Binds the scenario commands to the regional model (src/model/chengyu): the calibrated
// baseline model, compiled once per process, run with a scenario's lever constants.
import { getChengyuModel } from '../../model/chengyu/index.ts';
import type { ScenarioModel } from './scenario-model.ts';

/**
 * The compiled regional model, as the scenario commands use it. Its version is the
 * engine's hash of the full model spec, which holds the equations, every registry
 * parameter value and the calibrated values, so any change to those changes it
 * (the same version string as the library's runScenario).
 */
export async function loadScenarioModel(): Promise<ScenarioModel> {
  const model = getChengyuModel();
  return {
    version: `chengyu-${model.hash}`,
    run: (constants, settings) =>
      model.run({
        constants,
        method: settings.method,
        sim: {
          ...(settings.dt !== undefined ? { dt: settings.dt } : {}),
          ...(settings.stop !== undefined ? { stop: settings.stop } : {}),
        },
      }),
  };
}
