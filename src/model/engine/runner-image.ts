// A runner image: a batch runner as plain data (the generated source and the tables and
// plan it runs with), so a process can rebuild the runner without parsing or compiling the
// model again: a worker thread, another machine, or the next run through a disk cache.
// Rebuilt, it runs the same generated code on the same plan, so results are bit-identical.
import type { RunProgram } from './compile.ts';
import { buildGenerated } from './compile.ts';
import type { GenFn, GenFns } from './compile.ts';
import { canonicalColumn } from './names.ts';
import type { Runner } from './runner.ts';
import { makeRunner } from './runner.ts';
import type { Method } from './types.ts';

/** Format tag of runner images (bump when the image layout or generated-code contract changes). */
export const RUNNER_IMAGE_FORMAT = 'chengyu-sim/runner-image@2';

/** A batch runner as plain, JSON-serialisable data. */
export interface RunnerImage {
  format: typeof RUNNER_IMAGE_FORMAT;
  /** Hash of the model spec the image was compiled from. */
  modelHash: string;
  /** The program's generated source (init, passes, Euler loop). */
  source: string;
  /** The report pass for this runner's outputs ('' when they need none). */
  reportSource: string;
  tables: number[];
  nSlots: number;
  stockSlots: number[];
  nonNegative: number[];
  nq: number;
  delayTimeSlots: number[];
  nRandom: number;
  /** Timing of the run: start, stop, dt, nSteps. */
  tm: { start: number; stop: number; dt: number; nSteps: number };
  method: Method;
  single: boolean;
  saveSteps: number[];
  outSlots: number[];
  /** Interval-mean saving: 1 per output column to average, or null (SimSpecs.saveMode). */
  mean: number[] | null;
  columns: string[];
  defaults: number[];
  /** Canonical constant column (`name` or `name[elem]`) → position in the constants vector. */
  constants: Array<[string, number]>;
}

const isNums = (x: unknown): x is number[] => Array.isArray(x) && x.every((v) => typeof v === 'number');

/** Check that `x` is a well-formed runner image; throws naming the first problem. */
export function checkRunnerImage(x: unknown): RunnerImage {
  const img = x as Partial<RunnerImage> | null;
  const bad = (what: string): never => {
    throw new Error(`runner image: ${what}`);
  };
  if (!img || typeof img !== 'object') bad('not an object');
  if (img!.format !== RUNNER_IMAGE_FORMAT) bad(`format is ${JSON.stringify(img!.format)}, expected ${RUNNER_IMAGE_FORMAT}`);
  for (const k of ['source', 'reportSource', 'modelHash'] as const) if (typeof img![k] !== 'string') bad(`${k} is not text`);
  for (const k of ['tables', 'stockSlots', 'nonNegative', 'delayTimeSlots', 'saveSteps', 'outSlots', 'defaults'] as const) if (!isNums(img![k])) bad(`${k} is not a list of numbers`);
  for (const k of ['nSlots', 'nq', 'nRandom'] as const) if (!Number.isInteger(img![k])) bad(`${k} is not an integer`);
  if (!Array.isArray(img!.columns) || img!.columns.length !== img!.outSlots!.length) bad('columns do not match the saved slots');
  if (!Array.isArray(img!.constants)) bad('constants is not a list');
  if (img!.mean !== null && !(isNums(img!.mean) && img!.mean.length === img!.outSlots!.length)) bad('mean does not match the saved slots');
  if (img!.method !== 'euler' && img!.method !== 'rk4') bad(`unknown method ${JSON.stringify(img!.method)}`);
  return img as RunnerImage;
}

/** Rebuild the runner an image describes (no parsing or compiling). */
export function runnerFromImage(image: RunnerImage): Runner {
  const img = checkRunnerImage(image);
  const tables = Float64Array.from(img.tables);
  const p: RunProgram = {
    nSlots: img.nSlots,
    stockSlots: Int32Array.from(img.stockSlots),
    nonNegative: Uint8Array.from(img.nonNegative),
    nq: img.nq,
    delayTimeSlots: Int32Array.from(img.delayTimeSlots),
    nRandom: img.nRandom,
    fns: buildGenerated<GenFns>(img.source, tables),
  };
  const constants = new Map(img.constants);
  return makeRunner(p, {
    tm: { ...img.tm },
    method: img.method,
    single: img.single,
    saveSteps: Int32Array.from(img.saveSteps),
    outSlots: Int32Array.from(img.outSlots),
    columns: [...img.columns],
    defaults: Float64Array.from(img.defaults),
    constantIndex: (name) => constants.get(canonicalColumn(name)),
    report: img.reportSource ? buildGenerated<GenFn>(img.reportSource, tables) : null,
    mean: img.mean ? Uint8Array.from(img.mean) : null,
  });
}
