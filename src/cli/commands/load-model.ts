// Binds the scenario commands to the regional model (src/model/chengyu): the calibrated
// baseline model, compiled once per process, run with a scenario's lever constants.
import { getChengyuModel } from '../../model/chengyu/index.ts';
import type { ScenarioModel } from './scenario-model.ts';
import type { CalibrationInput } from './calibration-file.ts';
import { hashValue } from '../../model/engine/hash.ts';
import { unitsByName } from '../../model/engine/spec-units.ts';

/**
 * The compiled regional model, as the scenario commands use it. Its version is the
 * engine's hash of the full model spec, which holds the equations, every registry
 * parameter value and the calibrated values, so any change to those changes it
 * (the same version string as the library's runScenario).
 */
export async function loadScenarioModel(calibration?: CalibrationInput): Promise<ScenarioModel> {
  const model = getChengyuModel();
  // Another calibration's values are run constants over the committed ones (no recompiling).
  const fitted = calibration?.parameters ?? {};
  return {
    version: calibration ? `chengyu-${model.hash}-calibration-${hashValue(fitted)}` : `chengyu-${model.hash}`,
    run: (constants, settings) =>
      model.run({
        constants: { ...fitted, ...constants },
        method: settings.method,
        ...(settings.seed !== undefined ? { seed: settings.seed } : {}),
        sim: {
          ...(settings.dt !== undefined ? { dt: settings.dt } : {}),
          ...(settings.stop !== undefined ? { stop: settings.stop } : {}),
          ...(settings.saveStep !== undefined ? { saveStep: settings.saveStep } : {}),
        },
      }),
    unitsOf: (column) => unitsByName(model.spec).get(column.replace(/\[.*$/, '').toLowerCase()),
  };
}
