// Reading a file argument, where `-` means stdin (Unix manners: `… | chengyu-sim run -`).
import { readFileSync } from 'node:fs';
import { isatty } from 'node:tty';

/** The argument that names stdin. */
export const STDIN = '-';

// Commands read an input more than once (checked first, then run); stdin can be read once.
let stdinText: string | undefined;

/** The text of `path`, or of stdin for `-` (read once, then the same text again). */
export function readInput(path: string): string {
  if (path !== STDIN) return readFileSync(path, 'utf8');
  if (stdinText === undefined && isatty(0)) {
    // Otherwise a forgotten pipe looks like a hang.
    process.stderr.write('chengyu-sim: reading - from the terminal; end the input with Ctrl-D\n');
  }
  stdinText ??= readFileSync(0, 'utf8');
  return stdinText;
}

/** How messages name an input: `stdin` for `-`, else the path as given. */
export function inputName(path: string): string {
  return path === STDIN ? 'stdin' : path;
}
