// `--calibration FILE` of run, compare, batch and sensitivity: another calibration than the
// committed one (a file written by `calibrate --out FILE`, optionally with its posterior),
// checked before any run: every parameter must be a calibrated parameter of the model with a
// finite value, and a posterior must have the shape `calibrate` writes.
import { readFileSync } from 'node:fs';
import type { PosteriorFile } from '../../model/chengyu/posterior.ts';
import { CALIBRATED_IDS } from '../../model/chengyu/parameters.ts';
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
  }
  const post = (json as { posterior?: unknown }).posterior;
  if (post !== undefined) {
    const p = isObj(post) ? post : {};
    if (!Array.isArray(p.parameters) || !Array.isArray(p.draws) || !Array.isArray(p.priorOnly)) bad('posterior: expected parameters, draws and priorOnly (as `calibrate --posterior --out` writes)');
    const width = (p.parameters as unknown[]).length;
    (p.draws as unknown[]).forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== width || !row.every((x) => typeof x === 'number' && Number.isFinite(x))) bad(`posterior.draws[${i}]: expected ${width} finite numbers`);
    });
    if ((p.draws as unknown[]).length === 0) bad('posterior.draws: empty');
  }
  return { path, parameters: params as Record<string, number>, ...(post ? { posterior: post as unknown as PosteriorFile } : {}) };
}
