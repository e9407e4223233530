// Node-only file output shared by the CLI and on-disk batches: a file is either the old
// one or complete, never half-written (temp file in the same directory, then rename).
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A temp file name beside `path` (its directory created if needed). */
function tempBeside(path: string): string {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  // pid + random: concurrent writers (workers, array tasks) never share a temp name.
  return join(dir, `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
}

/** Write `data` to `path` atomically: the file is either the old one or complete. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = tempBeside(path);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** A file written piece by piece to a temp file, moved into place only when complete. */
export class AtomicFileWriter {
  private readonly tmp: string;
  private readonly fd: number;

  constructor(private readonly path: string) {
    this.tmp = tempBeside(path);
    this.fd = openSync(this.tmp, 'w');
  }

  /** Append `text`. */
  write(text: string): void {
    writeSync(this.fd, text);
  }

  /** Close, then move into place (ok) or remove the temp file. */
  end(ok: boolean): void {
    closeSync(this.fd);
    if (ok) renameSync(this.tmp, this.path);
    else rmSync(this.tmp, { force: true });
  }
}
