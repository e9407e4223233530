// Ctrl-C (SIGINT) during a long command: say what became of the work, then exit 130
// (exit-codes.ts). Output files are written whole and synchronously, so a handler that
// runs between two event-loop tasks never leaves half of one.
import { EXIT } from './exit-codes.ts';

/** Until the returned function is called, SIGINT prints `report()` (lines) on stderr and exits 130. */
export function onInterrupt(report: () => string): () => void {
  const handler = (): void => {
    // On a terminal a progress bar may hold the line: start a new one.
    process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}${report()}`);
    process.exit(EXIT.interrupted);
  };
  process.once('SIGINT', handler);
  return () => process.off('SIGINT', handler);
}
