// `chengyu-sim run FILE`: dispatches by file type. A `.json` file is a scenario of the
// regional model (run-scenario.ts); XMILE models (.xmile, .stmx, .xml) belong to the
// engine's XMILE runner, which extends the branch below with its own options. `-` reads
// stdin, whose first character tells a scenario (`{`) from an XMILE model (`<`).
import { extname } from 'node:path';
import { Command } from 'commander';
import { choiceOption } from '../choice-option.ts';
import { readCalibrationFile } from './calibration-file.ts';
import { CliError } from '../errors.ts';
import { inputName, readInput, STDIN } from '../read-input.ts';
import { outFormat } from './out-format.ts';
import { checkOutPath } from './out-path.ts';
import { collect } from './scenario-input.ts';

/** File extensions of XMILE models. */
export const XMILE_EXTENSIONS = ['.xmile', '.stmx', '.xml'];

/** File extension of Vensim models (run by the same engine runner as XMILE). */
export const MDL_EXTENSIONS = ['.mdl'];

/** Options `run` accepts (the XMILE branch may add more). */
export interface RunOptions {
  set: string[];
  vars?: string;
  format?: 'csv' | 'json';
  out?: string;
  /** Integration method override (euler or rk4). */
  method?: string;
  /** Simulation flags (run-settings.ts), as typed. */
  dt?: string;
  end?: string;
  saveStep?: string;
  seed?: string;
}

/** Whether text opens as a JSON object: "{" not followed by a bare word (a .mdl may open with {UTF-8}). */
export function isJsonObjectText(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  return start.startsWith('{') && !/^\{\s*[A-Za-z]/.test(start);
}

/** What kind of input `file` is: by extension, or for stdin by its first character. */
export function inputKind(file: string): 'scenario' | 'xmile' {
  if (file === STDIN) {
    let text: string;
    try {
      text = readInput(file);
    } catch (err) {
      throw new CliError(`stdin: cannot read (${(err as Error).message})`);
    }
    // A scenario is JSON; anything else is a model (XMILE opens with "<", a .mdl with text).
    if (isJsonObjectText(text)) return 'scenario';
    if (text.trim() === '') throw new CliError('stdin: empty; expected a scenario (JSON), an XMILE model or a Vensim .mdl model');
    return 'xmile';
  }
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return 'scenario';
  if (XMILE_EXTENSIONS.includes(ext) || MDL_EXTENSIONS.includes(ext)) return 'xmile';
  throw new CliError(`${inputName(file)}: unknown file type ${JSON.stringify(ext || '(none)')}; allowed: .json (scenario), ${XMILE_EXTENSIONS.join(', ')} (XMILE), ${MDL_EXTENSIONS.join(', ')} (Vensim), - (stdin)`);
}

/** Register `run`. */
export function register(program: Command): void {
  program
    .command('run')
    .description('run a scenario (.json) of the regional model, or an XMILE or Vensim model, to CSV or JSON')
    .argument('<file>', 'scenario file (.json), XMILE model (.xmile, .stmx, .xml) or Vensim model (.mdl); - reads stdin')
    .option('--set <name=value>', 'override a lever setting (lever.field=value) or a registry parameter (id=value, id[node]=value, range-checked) of the regional model, or any constant of an XMILE model (repeatable)', collect, [])
    .option('--vars <list>', 'comma-separated output variables (an array name selects all its elements)')
    .addOption(choiceOption('--format <format>', 'output format (default: csv, or from the --out extension: .csv, .json)', ['csv', 'json']))
    .option('--out <file>', 'write to a file (atomically) instead of stdout (- for stdout)')
    .addOption(choiceOption('--method <method>', 'integration method (default: the model\'s)', ['euler', 'rk4']))
    .option('--dt <step>', 'integration step (regional model: 1, 0.5, 0.25, 0.125, 0.0625 or 0.03125 years)')
    .option('--end <time>', 'last simulated time (regional model: a year 2016–2035)')
    .option('--save-step <interval>', 'interval between saved points, a multiple of dt (default: the model\'s)')
    .option('--seed <s>', 'seed of the model\'s random functions (an integer; same seed → same numbers)')
    .option('--calibration <file>', 'regional model: use this calibration (written by `calibrate --out`) instead of the committed one')
    .action(async (file: string, opts: RunOptions & { calibration?: string }) => {
      // Output mistakes fail before the input is read or any model is loaded.
      const format = outFormat(opts.out, opts.format, { '.csv': 'csv', '.json': 'json' }) ?? 'csv';
      checkOutPath(opts.out);
      const run = { ...opts, format };
      if (inputKind(file) === 'scenario') {
        const calibration = readCalibrationFile(opts.calibration);
        const { runScenarioCommand } = await import('./run-scenario.ts');
        // Imported only once the inputs are valid: loading the regional model takes a while.
        const loadModel = async () => (await import('./load-model.ts')).loadScenarioModel(calibration);
        await runScenarioCommand(file, run, loadModel);
        return;
      }
      if (opts.calibration) throw new CliError('--calibration applies to the regional model (a scenario .json), not to an XMILE model');
      const { runXmileCommand } = await import('./run-xmile.ts');
      await runXmileCommand(file, run);
    });
}
