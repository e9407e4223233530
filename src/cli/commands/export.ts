// `chengyu-sim export MODEL|SCENARIO --format xmile|mdl [--out FILE]`: write a model the
// engine loads as XMILE 1.0 or Vensim .mdl. MODEL is `chengyu` (the calibrated regional
// model), a scenario (.json: the regional model with its lever settings as named constants)
// or an XMILE model. What the format cannot express exactly is refused with one line naming
// each variable and construct, and nothing is written.
import { extname } from 'node:path';
import { Command } from 'commander';
import { choiceOption } from '../choice-option.ts';
import { CliError } from '../errors.ts';
import { emit } from '../io.ts';
import { inputName, readInput } from '../read-input.ts';
import { outFormat } from './out-format.ts';
import { checkOutPath } from './out-path.ts';
import { MDL_EXTENSIONS, XMILE_EXTENSIONS, isJsonObjectText } from './run.ts';
import { ModelError, formatDiagnostic } from '../../model/engine/index.ts';
import type { ModelSpec } from '../../model/engine/index.ts';
import { ExportRefusal, exportMdl, exportXmile } from '../../model/engine/export/index.ts';
import type { FixedDelayMode } from '../../model/engine/export/index.ts';

/** Options of `export`. */
interface ExportOptions {
  format?: 'xmile' | 'mdl';
  out?: string;
  saveMode?: 'model' | 'instant';
  fixedDelay?: FixedDelayMode;
}

const FORMATS_BY_EXT = { '.xmile': 'xmile', '.stmx': 'xmile', '.mdl': 'mdl' } as const;

/** The model named by the argument, as a ModelSpec. */
async function loadSpec(arg: string): Promise<ModelSpec> {
  if (arg === 'chengyu') return (await import('../../model/chengyu/index.ts')).buildChengyuSpec();
  const ext = extname(arg).toLowerCase();
  if (ext === '.json' || (arg === '-' && isJsonObjectText(readInput(arg)))) {
    const { loadScenarioFile } = await import('./scenario-input.ts');
    const scenario = loadScenarioFile(arg);
    return (await import('../../model/chengyu/scenario-spec.ts')).chengyuSpecForScenario(scenario);
  }
  if (arg === '-' || XMILE_EXTENSIONS.includes(ext) || MDL_EXTENSIONS.includes(ext)) {
    let text: string;
    try {
      text = readInput(arg);
    } catch (err) {
      throw new CliError(`${inputName(arg)}: cannot read the model (${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message})`);
    }
    const [{ isXmileText }, { loadMdl }, { loadXmile }] = await Promise.all([
      import('../../model/analysis/model-text.ts'), import('../../model/mdl/index.ts'), import('../../model/xmile/index.ts')]);
    try {
      // A file by its extension, stdin by its content (XMILE opens with "<").
      const mdl = arg === '-' ? !isXmileText(text) : MDL_EXTENSIONS.includes(ext);
      return mdl ? loadMdl(text) : loadXmile(text);
    } catch (err) {
      if (err instanceof ModelError) throw new CliError(`${inputName(arg)}: ${err.diagnostics.map(formatDiagnostic).join('; ')}`);
      throw err;
    }
  }
  throw new CliError(`${arg}: not a model; give chengyu (the regional model), a scenario (.json), an XMILE model (${XMILE_EXTENSIONS.join(', ')}) or a Vensim model (${MDL_EXTENSIONS.join(', ')})`);
}

/** Register `export`. */
export function register(program: Command): void {
  program
    .command('export')
    .description('write a model as XMILE 1.0 or Vensim .mdl (refuses what the format cannot express exactly)')
    .argument('<model>', 'chengyu (the regional model), a scenario (.json), an XMILE model (.xmile, .stmx, .xml) or a Vensim model (.mdl); - reads stdin')
    .addOption(choiceOption('--format <format>', 'xmile or mdl (default: from the --out extension)', ['xmile', 'mdl']))
    .option('--out <file>', 'write to a file (atomically) instead of stdout (- for stdout)')
    .addOption(choiceOption('--save-mode <mode>', "model: save as the model does; instant: report every variable's value at the saved time (needed for .mdl of a model that saves interval means, e.g. chengyu)", ['model', 'instant']).default('model'))
    .addOption(choiceOption('--fixed-delay <how>', '.mdl only: builtin writes DELAY FIXED; pipeline writes its exact Euler pipeline of levels (for SDEverywhere, whose JavaScript has no DELAY FIXED)', ['builtin', 'pipeline']).default('builtin'))
    .action(async (model: string, opts: ExportOptions) => {
      const format = outFormat(opts.out, opts.format, FORMATS_BY_EXT);
      if (!format) throw new CliError('--format is required when writing to stdout (xmile or mdl), or give --out FILE.xmile / FILE.mdl');
      checkOutPath(opts.out);
      if (format === 'xmile' && opts.fixedDelay === 'pipeline') throw new CliError('--fixed-delay applies to --format mdl only');
      let spec = await loadSpec(model);
      if (opts.saveMode === 'instant') spec = { ...spec, sim: { ...spec.sim, saveMode: 'instant' } };
      let text: string;
      try {
        const version = (await import('../../../package.json', { with: { type: 'json' } })).default.version;
        text = format === 'xmile' ? exportXmile(spec, { productVersion: version }) : exportMdl(spec, { fixedDelay: opts.fixedDelay });
      } catch (err) {
        if (err instanceof ExportRefusal) throw new CliError(err.message);
        throw err;
      }
      await emit(text, opts.out);
    });
}
