// Binds the scenario commands to the regional model (src/model/chengyu).
import { CliError } from '../errors.ts';
import type { ScenarioModel } from './scenario-model.ts';

/** The compiled regional model, as the scenario commands use it. */
export async function loadScenarioModel(): Promise<ScenarioModel> {
  // The regional model's public API (src/model/chengyu/index.ts) has not landed yet.
  throw new CliError('the regional model is not available in this build yet');
}
