// DIR/manifest.json of a batch: what was run (scenario, model version, seed, N, sampling)
// and how far it got. Shards of one batch share everything but their slice; resume and
// merge compare the "identity" fields and refuse to mix different batches.
import type { Shard } from './shard.ts';
import type { SamplingMethod } from './sampling.ts';
import type { Seed } from './rng.ts';

/** Manifest format tag; bump when files change incompatibly. */
export const MANIFEST_FORMAT = 'chengyu-sim-batch/1';

/** The manifest of a batch directory. */
export interface BatchManifest {
  format: string;
  /** The scenario: id, where it was read from, and a digest of its content. */
  scenario: { id: string; digest: string; path?: string };
  /** Model version (changes whenever the same inputs could give different numbers). */
  modelVersion: string;
  seed: Seed;
  /** Total runs N of the whole batch (all shards). */
  runs: number;
  sampling: SamplingMethod;
  params: string[];
  outputs: string[];
  times: number[];
  chunkSize: number;
  /** This directory's slice; null for an unsharded batch or a merge. */
  shard: Shard | null;
  /** Runs [start, end) this directory is responsible for. */
  range: [number, number];
  /** Runs whose results are on disk. */
  runsDone: number;
  complete: boolean;
  /** The tool that wrote it. */
  tool: string;
}

/** Fields that must agree for two directories to hold parts of the same batch. */
const IDENTITY = ['format', 'scenario.digest', 'modelVersion', 'seed', 'runs', 'sampling', 'params', 'outputs', 'times'] as const;

function field(m: BatchManifest, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], m);
}

/** First identity field on which two manifests differ, as "name: a ≠ b", or undefined. */
export function identityDifference(a: BatchManifest, b: BatchManifest, extra: string[] = []): string | undefined {
  for (const f of [...IDENTITY, ...extra]) {
    const x = JSON.stringify(field(a, f));
    const y = JSON.stringify(field(b, f));
    if (x !== y) {
      const short = (s: string | undefined) => (s && s.length > 60 ? `${s.slice(0, 57)}...` : s);
      return `${f}: ${short(x)} ≠ ${short(y)}`;
    }
  }
  return undefined;
}

/** Parse manifest text, checking the format; throws naming the problem. */
export function parseManifest(text: string, where: string): BatchManifest {
  let m: BatchManifest;
  try {
    m = JSON.parse(text) as BatchManifest;
  } catch (err) {
    throw new Error(`${where}: not valid JSON (${(err as Error).message})`);
  }
  if (m?.format !== MANIFEST_FORMAT) throw new Error(`${where}: not a chengyu-sim batch manifest (format ${JSON.stringify(m?.format)})`);
  return m;
}
