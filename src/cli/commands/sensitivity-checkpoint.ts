// `sensitivity --checkpoint DIR`: the blocks of design rows computed so far, one file each
// (raw little-endian float64, written atomically), under a subdirectory named by a digest of
// everything that decides their values (model version, design, KPIs, block size). The same
// command finds them again and computes only the rest; another analysis gets another
// subdirectory, so it never reuses numbers that are not its own. Removed once the report
// is written.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stableStringify } from '../../model/engine/hash.ts';
import { writeFileAtomic } from '../../io/write-atomic.ts';
import { errnoWords } from '../errno-words.ts';
import { CliError } from '../errors.ts';
import { EXIT } from '../exit-codes.ts';
import type { BlockOptions } from '../../model/worker/pool-evaluate.ts';

/** One evaluation's checkpoint. */
export interface Checkpoint {
  /** Its directory. */
  dir: string;
  /** Blocks found on disk. */
  done: Map<number, Float64Array>;
  /** Rows kept so far (for the interrupt message). */
  rowsKept(): number;
  /** The evaluator's block options (reuse, keep each new block). */
  blocks(onRows?: BlockOptions['onRows']): BlockOptions;
  /** Remove it (the report is written). */
  remove(): void;
}

const BLOCK = /^block-(\d+)\.f64$/;

/** Open (or start) the checkpoint of the evaluation `identity` in `root`; `rowsPerBlock` × `width` values per full block. */
export function openCheckpoint(root: string, identity: unknown, width: number): Checkpoint {
  const key = createHash('sha256').update(stableStringify(identity)).digest('hex').slice(0, 16);
  const dir = join(root, `sensitivity-${key}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(join(dir, 'identity.json'), `${JSON.stringify(identity, null, 2)}\n`);
  } catch (err) {
    throw new CliError(`--checkpoint ${root}: cannot write (${errnoWords(err)})`, EXIT.failure);
  }
  const done = new Map<number, Float64Array>();
  let rows = 0;
  for (const f of readdirSync(dir)) {
    const m = BLOCK.exec(f);
    if (!m) continue;
    const buf = readFileSync(join(dir, f));
    // A block is whole rows of `width` values; anything else is not one of ours.
    if (buf.length === 0 || buf.length % (8 * width) !== 0) continue;
    const values = new Float64Array(buf.length / 8);
    for (let i = 0; i < values.length; i++) values[i] = buf.readDoubleLE(8 * i);
    done.set(Number(m[1]), values);
    rows += values.length / width;
  }
  return {
    dir,
    done,
    rowsKept: () => rows,
    blocks: (onRows) => ({
      done,
      onBlock: (i, values) => {
        const buf = Buffer.alloc(values.length * 8);
        for (let k = 0; k < values.length; k++) buf.writeDoubleLE(values[k], 8 * k);
        writeFileAtomic(join(dir, `block-${i}.f64`), buf);
        rows += values.length / width;
      },
      ...(onRows ? { onRows } : {}),
    }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
