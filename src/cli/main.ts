// The `chengyu-sim` command: parses arguments with commander, dispatches to one module
// per subcommand (src/cli/commands/*.ts), and turns failures into one clear stderr line.
import { Command, CommanderError } from 'commander';
import { CliError } from './errors.ts';
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
  () => import('./commands/doc.ts'),
  () => import('./commands/slurm.ts'),
  () => import('./commands/batch.ts'),
  () => import('./commands/merge.ts'),
  () => import('./commands/sensitivity.ts'),
];

/** Run the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  // Batch and sensitivity runs in this process reuse compiled runners from the disk cache.
  setRunnerProvider(cachedRunnerProvider);
  const program = new Command('chengyu-sim')
    .description('System-dynamics simulator of the Chengdu–Chongqing high-tech zones')
    .option('--debug', 'print stack traces on errors')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const load of commandModules) (await load()).register(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander already printed its message (or help); help and version exit 0.
      return err.exitCode;
    }
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`chengyu-sim: ${msg}\n`);
    if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return err instanceof CliError ? err.exitCode : 1;
  }
}
