// `chengyu-sim levers`: the lever table (ids, fields, units, ranges, defaults, paper
// sections), in Chinese or English, as a table or as JSON.
import { Command } from 'commander';
import { choiceOption } from '../choice-option.ts';
import { LEVERS } from '../../model/scenario/levers.ts';
import { emit } from '../io.ts';
import { renderTable } from '../text-table.ts';
import { outFormat } from './out-format.ts';
import { checkOutPath } from './out-path.ts';

type Lang = 'zh' | 'en';

/** The lever table as aligned text; with `docs`, each lever's paragraph follows. */
export function leversTable(lang: Lang, docs: boolean): string {
  const zh = lang === 'zh';
  const header = zh
    ? ['杠杆.字段', '名称', '单位', '范围', '默认', '步长', '章节']
    : ['lever.field', 'label', 'unit', 'range', 'default', 'step', 'section'];
  const rows: string[][] = [];
  for (const l of LEVERS) {
    for (const f of l.fields) {
      rows.push([
        `${l.id}.${f.field}`,
        `${l.label[lang]}${zh ? '：' : ': '}${f.label[lang]}`,
        f.unit[lang],
        `${f.min}–${f.max}${f.integer ? (zh ? '（整数）' : ' (integer)') : ''}`,
        String(f.default),
        String(f.step),
        l.sections.join(', '),
      ]);
    }
  }
  let out = renderTable(header, rows, ['left', 'left', 'left', 'right', 'right', 'right', 'left']);
  if (docs) {
    for (const l of LEVERS) out += `\n${l.id} — ${l.label[lang]} (${zh ? '第' : 'section '}${l.sections.join(', ')}${zh ? '节' : ''})\n${l.doc[lang]}\n`;
  }
  return out;
}

/** The lever table as JSON (both languages, every field). */
export function leversJson(): string {
  return `${JSON.stringify({ levers: LEVERS }, null, 2)}\n`;
}

/** Register `levers`. */
export function register(program: Command): void {
  program
    .command('levers')
    .description('list the policy levers: ids, fields, units, ranges, defaults (--set lever.field=value)')
    .addOption(choiceOption('--lang <lang>', 'label language', ['zh', 'en']).default('en'))
    .addOption(choiceOption('--format <format>', 'output format (default: table, or from the --out extension: .txt, .json)', ['table', 'json']))
    .option('--docs', 'add the paragraph on what each lever represents and which parameters it moves')
    .option('--out <file>', 'write to a file instead of stdout (- for stdout)')
    .action(async (opts: { lang: Lang; format?: 'table' | 'json'; docs?: boolean; out?: string }) => {
      const format = outFormat(opts.out, opts.format, { '.txt': 'table', '.json': 'json' }) ?? 'table';
      checkOutPath(opts.out);
      await emit(format === 'json' ? leversJson() : leversTable(opts.lang, !!opts.docs), opts.out);
    });
}
