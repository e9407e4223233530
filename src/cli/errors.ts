// Errors the CLI reports as one line on stderr (no stack trace unless --debug).
import { EXIT } from './exit-codes.ts';

/** A user-facing failure: bad input, missing file, invalid scenario. Exit code 2 (bad input) by default. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.badInput) {
    super(message);
    this.name = 'CliError';
  }
}
