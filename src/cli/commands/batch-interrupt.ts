// Ctrl-C (SIGINT) during `batch`: the chunks written so far are complete files and stay;
// say on stderr how many runs were kept and the command that resumes, then exit 130.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { listChunks, readManifest } from '../../model/analysis/node/batch-dir.ts';
import { onInterrupt } from '../interrupt.ts';

/** `args` as one shell command line (single quotes where a shell would split or expand). */
export function shellLine(args: readonly string[]): string {
  return args.map((a) => (/^[\w./=:,@%+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** What an interrupted batch in `dir` kept, in one sentence. */
export function keptRuns(dir: string, runs: number): string {
  let total = runs;
  let range: [number, number] = [0, runs];
  try {
    const m = readManifest(dir);
    if (m) [range, total] = [m.range, m.range[1] - m.range[0]];
  } catch {
    // an unreadable manifest: count the chunks against the whole batch
  }
  const kept = listChunks(dir).filter((c) => c.start >= range[0] && c.start < range[1]).reduce((n, c) => n + c.count, 0);
  return kept === 0 ? `no runs were complete yet (of ${total})` : `kept the ${kept} of ${total} runs computed so far in ${join(dir, 'chunks')}`;
}

/** Remove this process's temp files in `dir` (a runs.csv being written), so no half-written file is left. */
function removeOwnTempFiles(dir: string): void {
  if (!existsSync(dir)) return;
  const mine = `.${process.pid}.`;
  for (const f of readdirSync(dir)) if (f.startsWith('.') && f.includes(mine) && f.endsWith('.tmp')) rmSync(join(dir, f), { force: true });
}

/** Until the returned function is called, SIGINT reports the kept runs and how to resume, and exits 130. */
export function reportInterrupt(dir: string, runs: number, resume: readonly string[]): () => void {
  // Worker threads end with the process; every chunk on disk is already complete.
  return onInterrupt(() => {
    removeOwnTempFiles(dir);
    const stdin = resume.includes('-') ? ', the same scenario on its stdin' : '';
    return `batch: interrupted; ${keptRuns(dir, runs)}\nbatch: resume with the same command${stdin}: ${shellLine(['chengyu-sim', ...resume])}\n`;
  });
}
