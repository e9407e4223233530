// The `chengyu-sim` command: parses arguments with commander, dispatches to one module
// per subcommand (src/cli/commands/*.ts), and turns failures into one clear stderr line
// with an exit code from the one table (exit-codes.ts).
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { handleClosedPipes, isClosedPipe } from './closed-pipe.ts';
import { commanderExitCode, formatCommanderErrors } from './commander-output.ts';
import { CliError } from './errors.ts';
import { EXIT } from './exit-codes.ts';
import { setMakeParents } from './commands/out-path.ts';
import { setRunnerProvider } from '../model/analysis/runner-provider.ts';
import { cachedRunnerProvider } from '../model/engine/node/runner-cache.ts';

/** A subcommand module registers itself on the program. */
export type Register = (program: Command) => void;

// Each subcommand lives in its own file; add new ones here.
const commandModules: Array<() => Promise<{ register: Register }>> = [
  () => import('./commands/levers.ts'),
  () => import('./commands/run.ts'),
  () => import('./commands/bench.ts'),
  () => import('./commands/compare.ts'),
  () => import('./commands/calibrate.ts'),
  () => import('./commands/validate.ts'),
  () => import('./commands/data.ts'),
  () => import('./commands/doc.ts'),
  () => import('./commands/slurm.ts'),
  () => import('./commands/batch.ts'),
  () => import('./commands/merge.ts'),
  () => import('./commands/sensitivity.ts'),
  () => import('./commands/optimize.ts'),
  () => import('./commands/export.ts'),
  () => import('./commands/vars.ts'),
  () => import('./commands/describe.ts'),
];

/** `help NAME` for an unknown NAME: commander would print the general help and exit 1; as `NAME` it says "unknown command … (did you mean …?)". */
function unknownHelpTopic(argv: string[], program: Command): string[] {
  const i = argv.findIndex((a) => !a.startsWith('-'));
  if (i < 0 || argv[i] !== 'help' || argv[i + 1] === undefined || argv[i + 1].startsWith('-')) return argv;
  const known = program.commands.some((c) => c.name() === argv[i + 1] || c.aliases().includes(argv[i + 1]));
  return known ? argv : [...argv.slice(0, i), ...argv.slice(i + 1)];
}

/** The package's version, for --version. */
function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** Run the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  handleClosedPipes();
  // Batch and sensitivity runs in this process reuse compiled runners from the disk cache.
  setRunnerProvider(cachedRunnerProvider);
  const program = new Command('chengyu-sim')
    .description('System-dynamics simulator of the Chengdu–Chongqing high-tech zones')
    .option('--debug', 'print stack traces on errors')
    .option('--mkdir', 'let --out create its missing parent directories')
    .version(version(), '--version', 'print the version')
    .configureHelp({ showGlobalOptions: true })
    .exitOverride();
  for (const load of commandModules) (await load()).register(program);
  formatCommanderErrors(program);
  program.hook('preAction', () => setMakeParents(!!program.opts().mkdir));
  try {
    await program.parseAsync(unknownHelpTopic(argv, program), { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    // commander already printed its message (or help).
    if (err instanceof CommanderError) return commanderExitCode(err);
    if (isClosedPipe(err)) return EXIT.ok;
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`chengyu-sim: ${msg}\n`);
    if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return err instanceof CliError ? err.exitCode : EXIT.failure;
  }
}
