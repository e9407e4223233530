// `chengyu-sim doc`: print the regional model's documentation, generated from the
// parameter registry and the equations (the committed copy is docs/model.md).
import { Command } from 'commander';
import { CliError } from '../errors.ts';
import { EXIT } from '../exit-codes.ts';
import { emit } from '../io.ts';
import { inputName, readInput } from '../read-input.ts';
import { outFormat } from './out-format.ts';
import { checkOutPath } from './out-path.ts';

/** Register `doc`. */
export function register(program: Command): void {
  program
    .command('doc')
    .description('print the model documentation generated from the registry and equations (commit it as docs/model.md)')
    .option('--out <file>', 'write to a file (atomically) instead of stdout (- for stdout), e.g. docs/model.md')
    .option('--check <file>', 'exit non-zero if <file> (- for stdin) differs from the generated documentation (for CI)')
    .action(async (opts: { out?: string; check?: string }) => {
      // The documentation is Markdown: `--out model.txt` is a mistake worth a message.
      outFormat(opts.out, undefined, { '.md': 'markdown' });
      checkOutPath(opts.out);
      const { generateModelDoc } = await import('../../model/chengyu/index.ts');
      const text = generateModelDoc();
      if (opts.check) {
        let current: string;
        try {
          current = readInput(opts.check);
        } catch {
          throw new CliError(`${inputName(opts.check)}: cannot read the file to check`);
        }
        const name = inputName(opts.check);
        if (current !== text) throw new CliError(`${name} is out of date; run: chengyu-sim doc --out ${opts.check === '-' ? 'FILE' : opts.check}`, EXIT.failure);
        process.stderr.write(`${name} is up to date\n`);
        return;
      }
      await emit(text, opts.out);
    });
}
