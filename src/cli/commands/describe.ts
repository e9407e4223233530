// `chengyu-sim describe NAME [MODEL]`: one variable in full: kind, units, dimensions,
// zh/en names, documentation, equation, what it uses and what uses it, and for the
// regional model's parameters and levers their range, provenance and how to set them.
import { Command } from 'commander';
import type { CatalogueEntry } from '../../model/engine/variable-catalogue.ts';
import { findEntry } from '../../model/engine/variable-catalogue.ts';
import type { VariableNotes } from '../../model/chengyu/variable-notes.ts';
import { choiceOption } from '../choice-option.ts';
import { didYouMean } from '../did-you-mean.ts';
import { CliError } from '../errors.ts';
import { emit } from '../io.ts';
import { loadCatalogue } from './catalogue-input.ts';
import { outFormat } from './out-format.ts';
import { checkOutPath } from './out-path.ts';

/** An equation as text: one line, or one line per element. */
function equationLines(eq: CatalogueEntry['equation']): string[] {
  if (typeof eq === 'string') return [eq];
  return Object.entries(eq).map(([k, v]) => `[${k}] ${v}`);
}

/** A list for reading, "—" when empty. */
const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : '—');

/** One variable as text for reading. */
export function describeText(e: CatalogueEntry, notes: VariableNotes | undefined): string {
  const lines: string[] = [`${e.name} (${e.kind}${e.dims.length ? `, dims ${e.dims.join(' × ')}` : ''})`];
  const add = (k: string, v: string | undefined) => {
    if (v !== undefined && v !== '') lines.push(`  ${`${k}:`.padEnd(12)}${v}`);
  };
  if (e.label) add('name', `${e.label.en} / ${e.label.zh}`);
  add('units', e.units ?? '—');
  add('doc', e.doc);
  const eq = equationLines(e.equation);
  add(e.kind === 'stock' ? 'initial' : 'equation', eq[0]);
  for (const l of eq.slice(1)) lines.push(`  ${''.padEnd(12)}${l}`);
  if (e.kind === 'stock') {
    add('inflows', list(e.inflows));
    add('outflows', list(e.outflows));
  }
  add('uses', list(e.uses));
  add('used by', list(e.usedBy));
  if (notes?.range) add('range', `[${notes.range.low}, ${notes.range.high}]${notes.range.unit ? ` ${notes.range.unit}` : ''}`);
  add('provenance', notes?.provenance);
  add('set with', notes?.setting);
  return `${lines.join('\n')}\n`;
}

/** One variable as JSON: the catalogue entry plus the notes (snake_case keys), absent facts as null. */
export function describeJson(model: string, e: CatalogueEntry, notes: VariableNotes | undefined): string {
  const { usedBy, ...rest } = e;
  const body = {
    model,
    ...rest,
    used_by: usedBy,
    units: e.units ?? null,
    doc: e.doc ?? null,
    label: e.label ?? null,
    range: notes?.range ?? null,
    provenance: notes?.provenance ?? null,
    setting: notes?.setting ?? null,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** Register `describe`. */
export function register(program: Command): void {
  program
    .command('describe')
    .description('show one variable in full: equation, inputs, used by, units, range, provenance')
    .argument('<name>', 'the variable (case-insensitive; spaces and underscores alike)')
    .argument('[model]', 'an XMILE (.xmile, .stmx, .xml) or Vensim (.mdl) model; - for stdin; default: the regional model')
    .addOption(choiceOption('--format <format>', 'output format (default: from the --out extension .txt, .json; else text)', ['text', 'json']))
    .option('--out <file>', 'write to a file instead of stdout (- for stdout)')
    .action(async (name: string, model: string | undefined, opts: { format?: 'text' | 'json'; out?: string }) => {
      const format = outFormat(opts.out, opts.format, { '.txt': 'text', '.json': 'json' }) ?? 'text';
      checkOutPath(opts.out);
      const cat = await loadCatalogue(model);
      const e = findEntry(cat.entries, name.replace(/\[.*$/, ''));
      if (!e) {
        const names = cat.entries.map((x) => x.name);
        throw new CliError(`describe: ${JSON.stringify(name)} is not a variable of ${cat.shown}${didYouMean(name, names) || '; `chengyu-sim vars` lists them'}`);
      }
      const notes = cat.notes(e.name);
      await emit(format === 'json' ? describeJson(cat.model, e, notes) : describeText(e, notes), opts.out);
    });
}
