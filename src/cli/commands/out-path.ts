// Checking an --out path before any work, so a mistake fails fast with one clear message
// (exit 2) and changes nothing, instead of a raw rename error after the run: `-` is
// stdout; a file's parent directory must exist unless --mkdir is given; the place must be
// writable (probed with a real file, which is what the temp-file-and-rename will need).
import { accessSync, closeSync, constants, openSync, rmSync, statSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { errnoWords } from '../errno-words.ts';
import { CliError } from '../errors.ts';
import { STDOUT } from '../io.ts';

// The global --mkdir option, set by main before a command's action runs, so every
// command's --out (those registered by other modules too) follows it.
let makeParents = false;

/** Allow (or not) --out to create its missing parent directories (the global --mkdir option). */
export function setMakeParents(on: boolean): void {
  makeParents = on;
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Why `dir` cannot take a new file, or undefined when it can. */
function unwritableDir(dir: string): string | undefined {
  const probe = join(dir, `.chengyu-sim-probe.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    closeSync(openSync(probe, 'wx'));
    rmSync(probe, { force: true });
    return undefined;
  } catch (err) {
    return errnoWords(err);
  }
}

/** Check the directory that will hold `path` (its nearest existing ancestor with --mkdir). */
function checkParent(option: string, path: string): void {
  const parent = dirname(resolve(path));
  let dir = parent;
  let st = statOf(dir);
  while (!st && dirname(dir) !== dir) {
    dir = dirname(dir);
    st = statOf(dir);
  }
  if (dir !== parent && !makeParents) {
    throw new CliError(`${option} ${path}: directory ${dirname(path)} does not exist; create it, or add --mkdir`);
  }
  if (!st?.isDirectory()) throw new CliError(`${option} ${path}: cannot write (${dir} is not a directory)`);
  const why = unwritableDir(dir);
  if (why) throw new CliError(`${option} ${path}: cannot write (${why})`);
}

/** Check an --out FILE before any work: `-` (stdout), or a writable file path whose directory exists (or --mkdir). */
export function checkOutPath(out: string | undefined, option = '--out'): void {
  if (out === undefined || out === STDOUT) return;
  if (out.trim() === '') throw new CliError(`${option}: empty path; give a file name`);
  const st = statOf(out);
  if (st?.isDirectory()) throw new CliError(`${option}: ${out} is a directory; give a file name, e.g. ${out.replace(/\/+$/, '')}/result.csv`);
  if (st && !st.isFile()) {
    // A device or FIFO (/dev/null) is written in place. Not opened here: opening a FIFO
    // waits for its reader.
    try {
      accessSync(out, constants.W_OK);
    } catch (err) {
      throw new CliError(`${option} ${out}: cannot write (${errnoWords(err)})`);
    }
    return;
  }
  if (st) {
    // The temp file is renamed over it, which would replace even a file made read-only.
    try {
      accessSync(out, constants.W_OK);
    } catch (err) {
      throw new CliError(`${option} ${out}: cannot write (${errnoWords(err)})`);
    }
  }
  checkParent(option, out);
}

/** Check an --out DIR before any work: not stdout, not a file, writable, its parent existing (or --mkdir). */
export function checkOutDir(out: string | undefined, option = '--out'): void {
  if (out === undefined) return;
  if (out === STDOUT) throw new CliError(`${option} -: this command writes a directory of files, not to stdout; give a directory`);
  if (out.trim() === '') throw new CliError(`${option}: empty path; give a directory`);
  const st = statOf(out);
  if (st && !st.isDirectory()) throw new CliError(`${option}: ${out} is a file; give a directory`);
  if (!st) {
    checkParent(option, out);
    return;
  }
  const why = unwritableDir(out);
  if (why) throw new CliError(`${option} ${out}: cannot write (${why})`);
}
