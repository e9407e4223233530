// The output format of a command with --out FILE: the file's extension decides
// (`--out result.json` writes JSON), and --format may only agree with it.
import { extname } from 'node:path';
import { CliError } from '../errors.ts';
import { toStdout } from '../io.ts';

/** Output format by extension, e.g. `{ '.csv': 'csv', '.json': 'json' }`. */
export type FormatsByExtension<F extends string> = Readonly<Record<string, F>>;

/**
 * The format to write: from the extension of `out` (none, `-`, or no extension: `asked`,
 * else undefined for the command's default). A --format that contradicts the extension,
 * or an extension the command does not write, is refused with one line.
 */
export function outFormat<F extends string>(out: string | undefined, asked: F | undefined, byExt: FormatsByExtension<F>, option = '--out'): F | undefined {
  if (toStdout(out)) return asked;
  const ext = extname(out).toLowerCase();
  if (ext === '') return asked; // /dev/null, a FIFO, a name without extension
  const allowed = Object.entries(byExt).map(([e, f]) => (e === `.${f}` ? e : `${e} (${f})`)).join(', ');
  const fromExt = Object.hasOwn(byExt, ext) ? byExt[ext] : undefined;
  if (fromExt === undefined) {
    throw new CliError(`${option} ${out}: unknown extension ${JSON.stringify(ext)}; allowed: ${allowed}`);
  }
  if (asked !== undefined && asked !== fromExt) {
    throw new CliError(`--format ${asked} contradicts ${option} ${out} (a ${ext} file holds ${fromExt}); drop --format or change the extension`);
  }
  return fromExt;
}
