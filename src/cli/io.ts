// File and stream output for the CLI. Files are written atomically, so a failed command
// never leaves a half-written or clobbered --out file.
import { writeFileAtomic } from '../io/write-atomic.ts';
import { exitOnClosedPipe, isClosedPipe } from './closed-pipe.ts';

export { writeFileAtomic };

/** Write `text` to stdout; a closed pipe ends the command quietly. */
export async function writeStdout(text: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
  }).catch((err: unknown) => {
    if (isClosedPipe(err)) exitOnClosedPipe();
    throw err;
  });
}

/** Write a command's result to `--out` (atomically) or to stdout. */
export async function emit(text: string, out?: string): Promise<void> {
  if (out) {
    writeFileAtomic(out, text);
    return;
  }
  await writeStdout(text);
}
