// commander's own errors (unknown option, missing argument, bad choice) in the tool's
// manners: the `chengyu-sim:` prefix, the command named, one line with its "did you
// mean", and exit code 2 like every other bad input.
import type { Command, CommanderError } from 'commander';
import { EXIT } from './exit-codes.ts';

/** commander's message (`error: …\n(Did you mean run?)\n`) as one `chengyu-sim: [command: ]…` line. */
export function commanderMessage(text: string, command?: string): string {
  let body = text
    .trim()
    .replace(/^error:\s*/, '')
    .replace(/\s*\n\(Did you mean (.*)\?\)$/, ' (did you mean $1?)')
    .replace(/\s*\n\s*/g, ' ');
  // "too many arguments for 'run'" after "run:" would name the command twice.
  if (command) body = body.replace(` for '${command}'`, '');
  return `chengyu-sim: ${command ? `${command}: ` : ''}${body}\n`;
}

/** Print commander's errors of `program` and of each of its commands as one line naming the command. */
export function formatCommanderErrors(program: Command): void {
  const write = (s: string) => process.stderr.write(s);
  program.configureOutput({ writeErr: write, outputError: (s) => write(commanderMessage(s)) });
  for (const c of program.commands) {
    c.configureOutput({ writeErr: write, outputError: (s) => write(commanderMessage(s, c.name())) });
  }
}

/** The exit code for a CommanderError: 0 after help or the version, 2 (bad input) otherwise. */
export function commanderExitCode(err: CommanderError): number {
  if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.ok;
  // 'commander.help' with code 1 is the help printed for a missing command: bad input too.
  return err.exitCode === 0 ? EXIT.ok : EXIT.badInput;
}
