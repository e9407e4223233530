// Checking an --out path before any work, so a mistake fails fast with a clear message
// instead of a rename error after the run.
import { statSync } from 'node:fs';
import { CliError } from '../errors.ts';

/** Throw a CliError if `out` names a directory (it must be a file path). */
export function checkOutPath(out: string | undefined, option = '--out'): void {
  if (out === undefined) return;
  if (out.trim() === '') throw new CliError(`${option}: empty path; give a file name`);
  let isDir = false;
  try {
    isDir = statSync(out).isDirectory();
  } catch {
    return; // absent: it will be created
  }
  if (isDir) throw new CliError(`${option}: ${out} is a directory; give a file name, e.g. ${out.replace(/\/+$/, '')}/result.csv`);
}
