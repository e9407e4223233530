// Reading a file argument, where `-` means stdin (Unix manners: `… | chengyu-sim run -`).
import { readFileSync } from 'node:fs';

/** The argument that names stdin. */
export const STDIN = '-';

// Commands read an input more than once (checked first, then run); stdin can be read once.
let stdinText: string | undefined;

/** The text of `path`, or of stdin for `-` (read once, then the same text again). */
export function readInput(path: string): string {
  if (path !== STDIN) return readFileSync(path, 'utf8');
  stdinText ??= readFileSync(0, 'utf8');
  return stdinText;
}

/** How messages name an input: `stdin` for `-`, else the path as given. */
export function inputName(path: string): string {
  return path === STDIN ? 'stdin' : path;
}
