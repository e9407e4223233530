// `run`'s simulation flags (--dt, --end, --save-step, --seed) as numbers, each refused in
// one line naming the flag, the value and what is allowed. The model-specific rules (the
// regional model's steps and years) are the callers'.
import { decimalValue } from '../../model/scenario/decimal-text.ts';
import { CliError } from '../errors.ts';

/** The flags as commander passes them. */
export interface RunFlagTexts {
  dt?: string;
  end?: string;
  saveStep?: string;
  seed?: string;
}

/** The flags as numbers (absent when not given). */
export interface RunFlags {
  dt?: number;
  end?: number;
  saveStep?: number;
  seed?: number;
}

/** A plain decimal number (no hex, no empty text, no words). */
function parseNumber(flag: string, text: string, allowed: string, ok: (x: number) => boolean): number {
  const x = decimalValue(text);
  if (!Number.isFinite(x) || !ok(x)) throw new CliError(`${flag}: ${JSON.stringify(text)} is not allowed; allowed: ${allowed}`);
  return x;
}

/** Parse the flags that were given. */
export function parseRunFlags(f: RunFlagTexts): RunFlags {
  const out: RunFlags = {};
  if (f.dt !== undefined) out.dt = parseNumber('--dt', f.dt, 'a positive number', (x) => x > 0);
  if (f.end !== undefined) out.end = parseNumber('--end', f.end, 'a number (the last simulated time)', () => true);
  if (f.saveStep !== undefined) out.saveStep = parseNumber('--save-step', f.saveStep, 'a positive number', (x) => x > 0);
  if (f.seed !== undefined) out.seed = parseNumber('--seed', f.seed, `an integer from 0 to ${2 ** 53 - 1}`, (x) => Number.isSafeInteger(x) && x >= 0);
  return out;
}

/** Refuse a save step that is not a whole number of steps dt (the engine would round it silently). */
export function checkSaveStep(saveStep: number | undefined, dt: number, end: number, start: number): void {
  if (saveStep === undefined) return;
  const k = saveStep / dt;
  if (Math.abs(k - Math.round(k)) > 1e-9 * Math.max(1, k)) {
    throw new CliError(`--save-step: ${saveStep} is not a whole number of steps dt = ${dt}; allowed: a multiple of dt, e.g. ${dt} or ${dt * Math.max(2, Math.round(k))}`);
  }
  if (saveStep > end - start && end > start) throw new CliError(`--save-step: ${saveStep} is longer than the run (${start}–${end})`);
}
