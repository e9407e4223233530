// Reading scenario files and --set overrides for the CLI: every failure becomes one
// CliError line naming the file (or override), the field, the value and what is allowed.
import type { Scenario } from '../../model/scenario/scenario.ts';
import { ScenarioError, parseScenario } from '../../model/scenario/scenario.ts';
import { applySets } from '../../model/scenario/set-override.ts';
import { CliError } from '../errors.ts';
import { inputName, readInput } from '../read-input.ts';
import { leverSuggestion } from './lever-suggestion.ts';

/** Read and validate a scenario file (`-`: stdin); errors name the file. */
export function loadScenarioFile(path: string): Scenario {
  let text: string;
  try {
    text = readInput(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new CliError(`${inputName(path)}: cannot read the scenario file (${why})`);
  }
  try {
    return parseScenario(text, inputName(path));
  } catch (err) {
    if (err instanceof ScenarioError) throw new CliError(err.message);
    throw err;
  }
}

/** Apply `--set` overrides; errors name the override (and the lever or field meant, when mistyped). */
export function applyCliSets(scenario: Scenario, sets: readonly string[]): Scenario {
  try {
    return applySets(scenario, sets);
  } catch (err) {
    if (err instanceof ScenarioError) throw new CliError(`${err.message}${leverSuggestion(err.issues[0]?.path ?? '')}`);
    throw err;
  }
}

/** Commander collector for repeatable options (`--set a=1 --set b=2`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
