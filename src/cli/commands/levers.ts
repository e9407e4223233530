// `chengyu-sim levers`: the lever table (ids, fields, units, ranges, defaults, paper
// sections), in Chinese or English, as a table or as JSON.
import { Command, Option } from 'commander';
import { LEVERS } from '../../model/scenario/levers.ts';
import { emit } from '../io.ts';
import { renderTable } from '../text-table.ts';
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
    .addOption(new Option('--lang <lang>', 'label language').choices(['zh', 'en']).default('en'))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--docs', 'add the paragraph on what each lever represents and which parameters it moves')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (opts: { lang: Lang; format: 'table' | 'json'; docs?: boolean; out?: string }) => {
      checkOutPath(opts.out);
      await emit(opts.format === 'json' ? leversJson() : leversTable(opts.lang, !!opts.docs), opts.out);
    });
}
