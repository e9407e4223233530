// Submitting the written scripts with Slurm's `sbatch` (a side effect at the edge): the
// job array first, then the merge job depending on it with afterok.
import { spawn } from 'node:child_process';
import { parseJobId } from './sbatch-scripts.ts';

/** Ids Slurm gave the two jobs. */
export interface SubmittedJobs {
  arrayJob: string;
  mergeJob: string;
}

/** Thrown when sbatch is missing or refuses a job; the message says which and why. */
export class SubmitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SubmitError';
  }
}

/** Run `sbatch --parsable …args`; resolves to the job id. */
export async function sbatch(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { code, stdout, stderr } = await run('sbatch', ['--parsable', ...args], env);
  if (code !== 0) {
    const why = stderr.trim().split('\n').filter(Boolean).pop() ?? `exit code ${code}`;
    throw new SubmitError(`sbatch ${args.join(' ')} failed: ${why}`);
  }
  return parseJobId(stdout);
}

/** Submit the array script, then the merge script with --dependency=afterok:<array id>. */
export async function submitArrayAndMerge(
  batchScriptPath: string,
  mergeScriptPath: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SubmittedJobs> {
  const arrayJob = await sbatch([batchScriptPath], env);
  let mergeJob: string;
  try {
    mergeJob = await sbatch([`--dependency=afterok:${arrayJob}`, mergeScriptPath], env);
  } catch (err) {
    // The array alone would compute shards nobody merges; say so rather than cancel work.
    const msg = err instanceof Error ? err.message : String(err);
    throw new SubmitError(`${msg} (array job ${arrayJob} was submitted; submit the merge job by hand: sbatch --dependency=afterok:${arrayJob} ${mergeScriptPath})`);
  }
  return { arrayJob, mergeJob };
}

/** Which of `ids` Slurm still has queued, as squeue lines "id state"; [] when squeue is absent. */
export async function stillQueued(ids: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  if (ids.length === 0) return [];
  let r: { code: number; stdout: string };
  try {
    r = await run('squeue', ['-h', '-j', ids.join(','), '-o', '%i %T'], env);
  } catch {
    return [];
  }
  // squeue fails for ids it has forgotten: then none of them is queued.
  if (r.code !== 0) return [];
  return r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
}

function run(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') {
        reject(new SubmitError(`${cmd} not found on PATH: run --submit on a Slurm login node, or submit the written scripts there (see slurm/submit.sh)`));
      } else {
        reject(new SubmitError(`could not run ${cmd}: ${err.message}`));
      }
    });
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
