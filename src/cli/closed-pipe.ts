// Unix manners for a closed pipe: `chengyu-sim doc | head` ends quietly (exit 0, nothing on
// stderr) instead of dying on an unhandled EPIPE 'error' event with a stack trace.
import { EXIT } from './exit-codes.ts';

/** Whether `err` says the reader of a pipe has gone. */
export function isClosedPipe(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
}

/** Stop now: the reader has what it wanted, and nobody reads the rest. */
export function exitOnClosedPipe(): never {
  process.exit(EXIT.ok);
}

let installed = false;

/** Handle EPIPE on stdout (end quietly) and stderr (carry on: progress has no reader, the result still matters); once per process. */
export function handleClosedPipes(): void {
  if (installed) return;
  installed = true;
  process.stdout.on('error', (err) => {
    if (isClosedPipe(err)) exitOnClosedPipe();
    throw err;
  });
  process.stderr.on('error', (err) => {
    if (!isClosedPipe(err)) throw err;
  });
}
