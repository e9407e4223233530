// One writer per batch directory: DIR/.batch.lock (created exclusively) holds the pid and
// host of the process writing it. A second batch into the directory is refused while that
// process lives; a lock left by a crash (its pid gone on this host) is taken over. The lock
// is removed when the batch ends, also by exit (Ctrl-C ends the process with exit 130).
// The pid check needs the same host: a lock from another machine (a shared file system)
// is refused with its owner named, for a person to judge.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Name of the lock file inside a batch directory (ignored when judging a directory empty). */
export const LOCK_FILE = '.batch.lock';

/** What the lock file holds. */
interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

/** Whether process `pid` exists on this host. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock's owner, or undefined when the file is unreadable (half-written by a crash). */
function readOwner(path: string): LockOwner | undefined {
  try {
    const o = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
    return Number.isSafeInteger(o.pid) && typeof o.host === 'string' ? o : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Take `dir`'s lock for this process (creating `dir`); returns the release function.
 * Throws naming the owner when another live process holds it.
 */
export function lockBatchDir(dir: string, what = 'batch'): () => void {
  // A directory made here and left empty (the batch refused) is removed again on release.
  const created = !existsSync(dir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(path, `${JSON.stringify(me)}\n`, { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (attempt >= 3) throw new Error(`${dir}: cannot take the lock ${path} (other processes keep taking it); rerun when they are done`);
    }
    const owner = readOwner(path);
    if (owner && owner.host !== me.host) {
      throw new Error(`${dir} is locked by process ${owner.pid} on ${owner.host} (since ${owner.started}); if that ${what} is no longer running, remove ${path}`);
    }
    if (owner && owner.pid !== me.pid && alive(owner.pid)) {
      throw new Error(`another ${what} (process ${owner.pid}, since ${owner.started}) is writing ${dir}; wait for it to finish or stop it, then rerun`);
    }
    // A stale lock (its process is gone) or our own: take it over.
    rmSync(path, { force: true });
  }
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    if (readOwner(path)?.pid === me.pid) rmSync(path, { force: true });
    if (created && existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
  };
  process.on('exit', release);
  return release;
}
