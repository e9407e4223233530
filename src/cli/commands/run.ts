// `chengyu-sim run FILE`: dispatches by file type. A `.json` file is a scenario of the
// regional model (run-scenario.ts); XMILE models (.xmile, .stmx, .xml) belong to the
// engine's XMILE runner, which extends the branch below with its own options.
import { extname } from 'node:path';
import { Command, Option } from 'commander';
import { CliError } from '../errors.ts';
import { collect } from './scenario-input.ts';

/** File extensions of XMILE models. */
export const XMILE_EXTENSIONS = ['.xmile', '.stmx', '.xml'];

/** Options `run` accepts (the XMILE branch may add more). */
export interface RunOptions {
  set: string[];
  vars?: string;
  format?: string;
  out?: string;
  /** Integration method override (euler or rk4). */
  method?: string;
}

/** Register `run`. */
export function register(program: Command): void {
  program
    .command('run')
    .description('run a scenario (.json) of the regional model, or an XMILE model, to CSV or JSON')
    .argument('<file>', 'scenario file (.json) or XMILE model (.xmile, .stmx, .xml)')
    .option('--set <lever.field=value>', 'override a lever setting of the scenario, or a constant of an XMILE model (repeatable)', collect, [])
    .option('--vars <list>', 'comma-separated output variables (an array name selects all its elements)')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'))
    .option('--out <file>', 'write to a file (atomically) instead of stdout')
    .addOption(new Option('--method <method>', 'integration method (default: the model\'s)').choices(['euler', 'rk4']))
    .action(async (file: string, opts: RunOptions) => {
      const ext = extname(file).toLowerCase();
      if (ext === '.json') {
        const { runScenarioCommand } = await import('./run-scenario.ts');
        const { loadScenarioModel } = await import('./load-model.ts');
        await runScenarioCommand(file, opts, loadScenarioModel);
        return;
      }
      if (XMILE_EXTENSIONS.includes(ext)) {
        const { runXmileCommand } = await import('./run-xmile.ts');
        await runXmileCommand(file, opts);
        return;
      }
      throw new CliError(`${file}: unknown file type ${JSON.stringify(ext || '(none)')}; allowed: .json (scenario), ${XMILE_EXTENSIONS.join(', ')} (XMILE)`);
    });
}
