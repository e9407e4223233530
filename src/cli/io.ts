// File and stream output for the CLI. Files are written atomically, so a failed command
// never leaves a half-written or clobbered --out file; `-` and no --out mean stdout.
import { statSync, writeFileSync } from 'node:fs';
import { writeFileAtomic } from '../io/write-atomic.ts';
import { exitOnClosedPipe, isClosedPipe } from './closed-pipe.ts';
import { errnoWords } from './errno-words.ts';
import { CliError } from './errors.ts';
import { EXIT } from './exit-codes.ts';

export { writeFileAtomic };

/** The --out value that names stdout. */
export const STDOUT = '-';

/** Whether `out` sends a command's result to stdout (no --out, or `--out -`). */
export function toStdout(out: string | undefined): out is undefined | typeof STDOUT {
  return out === undefined || out === STDOUT;
}

/** Write `text` to stdout; a closed pipe ends the command quietly. */
export async function writeStdout(text: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
  }).catch((err: unknown) => {
    if (isClosedPipe(err)) exitOnClosedPipe();
    throw err;
  });
}

/**
 * Write `text` to the file `out`: atomically, except to a device or FIFO (`/dev/null`),
 * which is written in place; `-` is stdout.
 */
export function writeOutFile(out: string, text: string, option = '--out'): void {
  if (out === STDOUT) {
    // Not awaited: Node flushes stdout before the process ends of itself (bin/chengyu-sim.js
    // sets exitCode, it does not call exit), and a closed pipe ends the command (closed-pipe.ts).
    process.stdout.write(text);
    return;
  }
  try {
    let special = false;
    try {
      special = !statSync(out).isFile();
    } catch {
      // absent: a new regular file
    }
    // Renaming a temp file onto /dev/null would replace the device itself.
    if (special) writeFileSync(out, text);
    else writeFileAtomic(out, text);
  } catch (err) {
    // Checked before the work started (out-path.ts): this is a failure at run time, e.g. a full disk.
    throw new CliError(`${option} ${out}: cannot write (${errnoWords(err)})`, EXIT.failure);
  }
}

/** Write a command's result to `--out` (atomically) or, for none or `-`, to stdout. */
export async function emit(text: string, out?: string): Promise<void> {
  if (toStdout(out)) await writeStdout(text);
  else writeOutFile(out, text);
}
