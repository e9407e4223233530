// `chengyu-sim vars [MODEL]`: every variable of a model (the regional model by default, or
// an XMILE file) with its kind, units, dimensions, zh/en names and documentation, as an
// aligned table, CSV or JSON.
import { Command } from 'commander';
import type { CatalogueEntry } from '../../model/engine/variable-catalogue.ts';
import { csvField } from '../../model/scenario/result-format.ts';
import { choiceOption } from '../choice-option.ts';
import { emit } from '../io.ts';
import { renderTable } from '../text-table.ts';
import { loadCatalogue } from './catalogue-input.ts';
import { outFormat } from './out-format.ts';
import { checkOutPath } from './out-path.ts';

/** Formats of `vars`. */
export type VarsFormat = 'table' | 'csv' | 'json';

/** Kinds `--kind` may pick. */
const KINDS = ['stock', 'flow', 'aux', 'constant'] as const;

/** The first sentence of a text, at most `max` characters (tables stay one line per variable). */
function firstSentence(text: string | undefined, max = 70): string {
  if (!text) return '';
  const s = text.split(/(?<=[.。])\s/)[0];
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** The variables as an aligned table; labels in `lang`. */
export function varsTable(entries: readonly CatalogueEntry[], lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const header = zh ? ['名称', '类型', '单位', '维度', '名称（中文）', '说明'] : ['name', 'kind', 'units', 'dims', 'label', 'doc'];
  const rows = entries.map((e) => [e.name, e.kind, e.units ?? '', e.dims.join('×'), e.label?.[lang] ?? '', firstSentence(e.doc)]);
  return renderTable(header, rows);
}

/** The variables as CSV: `name,kind,units,dims,label_en,label_zh,doc` (dims joined by ";"). */
export function varsCsv(entries: readonly CatalogueEntry[]): string {
  const lines = ['name,kind,units,dims,label_en,label_zh,doc'];
  for (const e of entries) lines.push([e.name, e.kind, e.units ?? '', e.dims.join(';'), e.label?.en ?? '', e.label?.zh ?? '', e.doc ?? ''].map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}

/** The variables as JSON: `{model, variables: [{name, kind, units, dims, label, doc}]}`, absent facts as null. */
export function varsJson(model: string, entries: readonly CatalogueEntry[]): string {
  const variables = entries.map((e) => ({ name: e.name, kind: e.kind, units: e.units ?? null, dims: e.dims, label: e.label ?? null, doc: e.doc ?? null }));
  return `${JSON.stringify({ model, variables }, null, 2)}\n`;
}

/** Register `vars`. */
export function register(program: Command): void {
  program
    .command('vars')
    .description('list a model\'s variables: name, kind, units, dimensions, zh/en names, documentation')
    .argument('[model]', 'an XMILE (.xmile, .stmx, .xml) or Vensim (.mdl) model; - for stdin; default: the regional model')
    .addOption(choiceOption('--format <format>', 'output format (default: from the --out extension .txt, .csv, .json; else table)', ['table', 'csv', 'json']))
    .addOption(choiceOption('--kind <kind>', 'only variables of this kind', [...KINDS]))
    .addOption(choiceOption('--lang <lang>', 'label language of the table', ['zh', 'en']).default('en'))
    .option('--out <file>', 'write to a file instead of stdout (- for stdout)')
    .action(async (model: string | undefined, opts: { format?: VarsFormat; kind?: (typeof KINDS)[number]; lang: 'zh' | 'en'; out?: string }) => {
      const format = outFormat(opts.out, opts.format, { '.txt': 'table', '.csv': 'csv', '.json': 'json' }) ?? 'table';
      checkOutPath(opts.out);
      const cat = await loadCatalogue(model);
      const entries = opts.kind ? cat.entries.filter((e) => e.kind === opts.kind) : cat.entries;
      const text = format === 'json' ? varsJson(cat.model, entries) : format === 'csv' ? varsCsv(entries) : varsTable(entries, opts.lang);
      await emit(text, opts.out);
    });
}
