// Errors the CLI reports as one line on stderr (no stack trace unless --debug).

/** A user-facing failure: bad input, missing file, invalid scenario. Exit code 2 by default. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'CliError';
  }
}
