// `chengyu-sim merge DIR… --out DIR`: combine the shard directories of one batch into a
// summary.csv byte-identical to the unsharded batch's.
import type { Command } from 'commander';
import { mergeBatches } from '../../model/analysis/node/merge-batches.ts';
import { CliError } from '../errors.ts';
import { checkOutDir } from './out-path.ts';

/** Register `merge`. */
export function register(program: Command): void {
  program
    .command('merge')
    .description('merge the shard directories of one batch / 合并同一批量运行的分片结果')
    .argument('<dirs...>', 'shard directories written by `batch --shard`')
    .requiredOption('--out <dir>', 'output directory for the merged batch')
    .action((dirs: string[], o: { out: string }) => {
      checkOutDir(o.out);
      let m;
      try {
        m = mergeBatches(dirs, o.out);
      } catch (err) {
        throw new CliError(err instanceof Error ? err.message : String(err));
      }
      process.stderr.write(`merge: ${dirs.length} director${dirs.length === 1 ? 'y' : 'ies'}, ${m.runs} runs → ${o.out}/summary.csv\n`);
    });
}
