// `--calibration FILE` of run, compare, batch and sensitivity: another calibration than the
// committed one (a file written by `calibrate --out FILE`, optionally with its posterior),
// checked before any run: it gives every calibrated parameter of the model, each a finite value
// within the parameter's plausible range (as `--set` checks), and a posterior must have the
// shape `calibrate` writes, with columns that are parameters of the model and draws within range.
import { readFileSync } from 'node:fs';
import type { PosteriorFile } from '../../model/chengyu/posterior.ts';
import { CALIBRATED_IDS, PARAMETER_INDEX } from '../../model/chengyu/parameters.ts';
import { MODEL_ERROR_PREFIX } from '../../model/chengyu/posterior-types.ts';
import { CliError } from '../errors.ts';
import { didYouMean } from '../did-you-mean.ts';

/** A calibration read from a file. */
export interface CalibrationInput {
  path: string;
  parameters: Record<string, number>;
  posterior?: PosteriorFile;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Read and check `--calibration FILE`; CliError naming the file and the field otherwise. */
export function readCalibrationFile(path: string | undefined): CalibrationInput | undefined {
  if (path === undefined) return undefined;
  const bad = (what: string): never => {
    throw new CliError(`--calibration ${path}: ${what}`);
  };
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    bad(`cannot read (${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((err as Error).message)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    bad(`not valid JSON (${(err as Error).message})`);
  }
  if (!isObj(json) || !isObj(json.parameters)) bad('expected an object with "parameters" (as `calibrate --out` writes)');
  const params = (json as { parameters: Record<string, unknown> }).parameters;
  for (const [id, v] of Object.entries(params)) {
    if (!CALIBRATED_IDS.includes(id)) bad(`parameters.${id}: not a calibrated parameter of the model${didYouMean(id, CALIBRATED_IDS)}`);
    if (typeof v !== 'number' || !Number.isFinite(v)) bad(`parameters.${id}: ${JSON.stringify(v)} is not a finite number`);
    const problem = outOfRange(id, v as number);
    if (problem) bad(`parameters.${id}: ${problem}`);
  }
  const missing = CALIBRATED_IDS.filter((id) => !(id in params));
  if (missing.length) bad(`parameters: missing ${missing.join(', ')} (a calibration gives every calibrated parameter, as \`calibrate --out\` writes)`);
  const post = (json as { posterior?: unknown }).posterior;
  if (post !== undefined) {
    const p = isObj(post) ? post : {};
    if (!Array.isArray(p.parameters) || !Array.isArray(p.draws) || !Array.isArray(p.priorOnly)) bad('posterior: expected parameters, draws and priorOnly (as `calibrate --posterior --out` writes)');
    const cols = p.parameters as unknown[];
    const width = cols.length;
    const ids = [...PARAMETER_INDEX.keys()];
    cols.forEach((id, j) => {
      if (typeof id !== 'string') bad(`posterior.parameters[${j}]: ${JSON.stringify(id)} is not a parameter id`);
      else if (!id.startsWith(MODEL_ERROR_PREFIX) && !PARAMETER_INDEX.has(id)) bad(`posterior.parameters[${j}]: "${id}" is not a parameter of the model${didYouMean(id, ids)}`);
    });
    (p.draws as unknown[]).forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== width || !row.every((x) => typeof x === 'number' && Number.isFinite(x))) bad(`posterior.draws[${i}]: expected ${width} finite numbers`);
      (row as number[]).forEach((x, j) => {
        const problem = outOfRange(cols[j] as string, x);
        if (problem) bad(`posterior.draws[${i}] (${cols[j] as string}): ${problem}`);
      });
    });
    if ((p.draws as unknown[]).length === 0) bad('posterior.draws: empty');
  }
  return { path, parameters: params as Record<string, number>, ...(post ? { posterior: post as unknown as PosteriorFile } : {}) };
}

// Outside the registry's plausible range (model-error scales have none): the reason, or undefined.
function outOfRange(id: string, v: number): string | undefined {
  const p = PARAMETER_INDEX.get(id);
  if (!p) return undefined;
  const [lo, hi] = p.range;
  return v < lo || v > hi ? `${v} is outside the plausible range [${lo}, ${hi}] of ${id}` : undefined;
}
