// Shared input handling of the analysis commands (batch, sensitivity): the model a
// scenario file names, and strict parsing of numeric options into one clear error each.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { scenarioModelRef, type ModelRef } from '../../model/worker/model-ref.ts';
import type { UncertaintySource } from '../../model/chengyu/posterior-data.ts';
import { CliError } from '../errors.ts';
import type { CalibrationInput } from './calibration-file.ts';
import { loadScenarioFile } from './scenario-input.ts';

/** The model of a batch plus what the manifest records about its scenario. */
export interface AnalysisInput {
  ref: ModelRef;
  scenario: { id: string; digest: string; path?: string };
}

/** Hex SHA-256 of text. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The model for a scenario file; `toy` (a hidden option used by tests and benches)
 * selects a built-in toy model instead.
 */
export function analysisInput(
  scenarioPath: string | undefined,
  toy?: { name: string; delayMs?: number },
  uncertainty?: UncertaintySource,
  calibration?: CalibrationInput,
): AnalysisInput {
  if (toy) {
    const ref: ModelRef = { kind: 'toy', name: toy.name, ...(toy.delayMs ? { options: { delayMs: toy.delayMs } } : {}) };
    return { ref, scenario: { id: `toy:${toy.name}`, digest: sha256(JSON.stringify({ kind: 'toy', name: toy.name })) } };
  }
  if (!scenarioPath) throw new CliError('missing the scenario file argument');
  const scenario = loadScenarioFile(scenarioPath);
  const base = scenarioModelRef(scenario);
  if (calibration && !calibration.posterior && (uncertainty ?? 'posterior') !== 'prior') {
    throw new CliError(`--calibration ${calibration.path}: it has no posterior to draw from; write one with \`calibrate --posterior --out FILE\`, or add --uncertainty prior`);
  }
  const ref: ModelRef =
    base.kind === 'chengyu'
      ? {
          ...base,
          ...(uncertainty ? { uncertainty } : {}),
          ...(calibration ? { parameters: calibration.parameters, ...(calibration.posterior ? { posterior: calibration.posterior } : {}) } : {}),
        }
      : base;
  // The digest covers the validated scenario, so formatting changes of the file do not matter.
  return { ref, scenario: { id: scenario.id, digest: sha256(JSON.stringify(scenario)), path: scenarioPath } };
}

/** The sources of uncertain inputs a regional-model batch may draw from (see posterior-data.ts). */
export const UNCERTAINTY_SOURCES: readonly UncertaintySource[] = ['posterior', 'posterior-marginals', 'prior'];

/** Parse an integer option in [min, max]; the message names the option and value. */
export function intOption(name: string, text: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (text === undefined) throw new CliError(`${name} is required`);
  const v = Number(text);
  if (!/^\s*-?\d+\s*$/.test(text) || !Number.isSafeInteger(v) || v < min || v > max) {
    throw new CliError(`${name}: ${JSON.stringify(text)} is not allowed; allowed: an integer from ${min} to ${max}`);
  }
  return v;
}

/** Fail fast unless `path` is absent or of the wanted kind (before any long computation). */
export function checkOutKind(option: string, path: string | undefined, want: 'file' | 'directory'): void {
  if (path === undefined) return;
  if (path.trim() === '') throw new CliError(`${option}: empty path`);
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    return; // absent: it will be created
  }
  if (want === 'file' && isDir) throw new CliError(`${option}: ${path} is a directory; give a file name`);
  if (want === 'directory' && !isDir) throw new CliError(`${option}: ${path} is a file; give a directory`);
}
