// The one exit-code table of every chengyu-sim command (README.md, "Command line").

/** Exit codes: 0 success, 1 runtime failure, 2 bad input (options, arguments, files), 130 interrupted (SIGINT). */
export const EXIT = {
  ok: 0,
  failure: 1,
  badInput: 2,
  // 128 + SIGINT (2), what a shell reports for a command ended by Ctrl-C.
  interrupted: 130,
} as const;

/** One of the exit codes above. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
