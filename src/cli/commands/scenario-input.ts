// Reading scenario files and --set overrides (levers and registry parameters) for the CLI: every failure becomes one
// CliError line naming the file (or override), the field, the value and what is allowed.
import type { Scenario } from '../../model/scenario/scenario.ts';
import { ScenarioError, parseScenario } from '../../model/scenario/scenario.ts';
import { applySets } from '../../model/scenario/set-override.ts';
import { decimalValue } from '../../model/scenario/decimal-text.ts';
import { CliError } from '../errors.ts';
import { inputName, readInput } from '../read-input.ts';
import { leverSuggestion } from './lever-suggestion.ts';
import { didYouMean } from '../did-you-mean.ts';
import { PARAMETER_IDS, parameterOverrideProblem } from '../../model/chengyu/parameter-override.ts';

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

/** `--set` texts split into lever settings (`lever.field=value`) and registry parameters (`id=value`, `id[node]=value`), the latter checked. */
export function splitCliSets(sets: readonly string[]): { leverSets: string[]; parameters: Record<string, number> } {
  const leverSets: string[] = [];
  const parameters: Record<string, number> = {};
  for (const s of sets) {
    const i = s.indexOf('=');
    const name = i > 0 ? s.slice(0, i).trim() : '';
    // A dot before the "=" is a lever field (science_city.investment); else a parameter.
    if (name === '' || (name.includes('.') && !name.includes('['))) {
      leverSets.push(s);
      continue;
    }
    const raw = s.slice(i + 1).trim();
    const value = decimalValue(raw);
    if (Number.isNaN(value)) throw new CliError(`--set ${s}: expected a number after "=", e.g. --set ${name}=0.5`);
    const problem = parameterOverrideProblem(name, value);
    if (problem) {
      const base = name.replace(/\[.*$/, '');
      const hint = PARAMETER_IDS.includes(base) ? '' : didYouMean(base, PARAMETER_IDS) || '; give lever.field=value for a lever (chengyu-sim levers) or a registry parameter (chengyu-sim vars)';
      throw new CliError(`--set ${s}: ${problem}${hint}`);
    }
    parameters[name.replace(/\s/g, '')] = value;
  }
  return { leverSets, parameters };
}

/** Commander collector for repeatable options (`--set a=1 --set b=2`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
