// CompiledModel: the object compileModel returns. Runs (with method, time and constant
// overrides), a fast batch runner that allocates nothing per run, the constants table and
// the dependency graph.
import type { CompileOptions, ConstantSlot, GenFn, Program } from './compile.ts';
import { buildGenerated, compileProgram, reportSourceFor } from './compile.ts';
import { ModelError } from './errors.ts';
import type { ModelGraph } from './graph.ts';
import { buildGraph } from './graph.ts';
import { hashValue } from './hash.ts';
import { canonicalColumn, canonicalName } from './names.ts';
import type { Runner, RunnerPlan } from './runner.ts';
import { makeRunner } from './runner.ts';
import type { RunnerImage } from './runner-image.ts';
import { RUNNER_IMAGE_FORMAT } from './runner-image.ts';
import type { Timing } from './simulate.ts';
import { Workspace, makeRng, simulate, simulateIntervalMean, timing } from './simulate.ts';
import type { Diagnostic, Method, ModelSpec, RunMeta, RunOptions, RunResult, SimSpecs } from './types.ts';

/** One overridable constant of a model (a variable whose equations are plain numbers). */
export interface ConstantInfo {
  /** Variable name as the model writes it. */
  name: string;
  /** Column names of its elements (`[name]` for a scalar, `name[elem]`… for arrays). */
  elements: string[];
  /** Default values, one per element. */
  defaults: number[];
  /** Index of the first element in the constants vector a Runner takes. */
  index: number;
}

/** Options of a batch runner. */
export interface RunnerOptions {
  /** Output columns: variable names (an arrayed name means all its elements) or `name[elem]`. */
  outputs: string[];
  /** Times to record (on the dt grid of the run); default: every save step. */
  saveTimes?: number[];
  method?: Method;
  sim?: Partial<SimSpecs>;
}

import { depthMessage, isStackOverflow, modelLabel, runSavedProblem, runWorkProblem } from './limits.ts';

export type { Runner } from './runner.ts';


/** A model compiled to JavaScript, ready to run many times. */
export class CompiledModel {
  /** Hash of the model spec (equations, dimensions, sim specs). */
  readonly hash: string;
  /** Overridable constants, in the order of the constants vector. */
  readonly constants: ConstantInfo[];
  /** Dependency graph by variable ("what drives this?", feedback loops). */
  readonly graph: ModelGraph;
  /** Output column names of a full run. */
  readonly columns: string[];
  private readonly p: Program;
  private readonly defaultsVec: Float64Array;
  private readonly constIndex = new Map<string, number[]>();
  private readonly colIndex = new Map<string, number[]>();
  private ws: Workspace | null = null;
  /** Report passes built for runners, by the slots they save (runners often share outputs). */
  private readonly reportPasses = new Map<string, { fn: GenFn | null; source: string }>();

  /** Problems that did not stop compilation (see CompileOptions.units). */
  readonly warnings: Diagnostic[];

  constructor(readonly spec: ModelSpec, opts: CompileOptions = {}) {
    this.p = compileProgram(spec, opts);
    this.warnings = this.p.warnings;
    this.hash = modelHash(spec);
    this.graph = buildGraph(this.p.layout);
    this.columns = this.p.columns;
    this.defaultsVec = Float64Array.from(this.p.constants.map((c) => c.value));
    const byVar = new Map<string, ConstantInfo>();
    this.constants = [];
    this.p.constants.forEach((c: ConstantSlot, k) => {
      let info = byVar.get(c.variable);
      if (!info) {
        info = { name: c.variable, elements: [], defaults: [], index: k };
        byVar.set(c.variable, info);
        this.constants.push(info);
      }
      info.elements.push(c.column);
      info.defaults.push(c.value);
      const add = (key: string): void => {
        const l = this.constIndex.get(key) ?? [];
        l.push(k);
        this.constIndex.set(key, l);
      };
      add(canonicalColumn(c.column));
      if (c.column !== c.variable) add(canonicalName(c.variable));
    });
    this.p.columns.forEach((col, k) => {
      const add = (key: string): void => {
        const l = this.colIndex.get(key) ?? [];
        l.push(k);
        this.colIndex.set(key, l);
      };
      add(canonicalColumn(col));
      const base = col.indexOf('[');
      if (base > 0) add(canonicalName(col.slice(0, base)));
    });
  }

  /** The generated JavaScript (for inspection). */
  get source(): string {
    return this.p.source;
  }

  private resolveSim(opts: { method?: Method; sim?: Partial<SimSpecs> }): { tm: Timing; method: Method; saveStep: number; single: boolean; intervalMean: boolean } {
    const s = { ...this.spec.sim, ...(opts.sim ?? {}) };
    const method = opts.method ?? s.method ?? 'euler';
    const bad = (m: string): never => {
      throw new ModelError([{ kind: 'other', message: m }]);
    };
    if (method !== 'euler' && method !== 'rk4') bad(`unknown method "${String(method)}" (use euler or rk4)`);
    if (!(s.dt > 0) || !Number.isFinite(s.dt)) bad(`dt must be a positive number (got ${s.dt})`);
    if (!Number.isFinite(s.start) || !Number.isFinite(s.stop) || s.stop < s.start) bad(`invalid time range ${s.start}..${s.stop}`);
    const saveStep = s.saveStep ?? s.dt;
    if (!(saveStep > 0)) bad(`saveStep must be positive (got ${saveStep})`);
    const mode = s.saveMode ?? 'instant';
    if (mode !== 'instant' && mode !== 'interval-mean') bad(`unknown saveMode "${String(mode)}" (use instant or interval-mean)`);
    const tm = timing(s.start, s.stop, s.dt);
    // Before any per-step array exists: a typo'd dt must not exhaust memory or time.
    const tooBig = runWorkProblem(this.spec.name, tm.nSteps, this.p.nSlots);
    if (tooBig) bad(tooBig);
    return { tm, method, saveStep, single: s.precision === 'single', intervalMean: mode === 'interval-mean' };
  }

  private constantsVector(overrides: Record<string, number> | undefined): Float64Array {
    const c = Float64Array.from(this.defaultsVec);
    for (const [name, value] of Object.entries(overrides ?? {})) {
      const idx = this.constIndex.get(canonicalColumn(name));
      if (!idx) {
        const known = this.constants.map((x) => x.name).slice(0, 12).join(', ');
        throw new ModelError([{ kind: 'other', variable: name, message: `"${name}" is not a constant of the model (constants: ${known}${this.constants.length > 12 ? ', …' : ''})` }]);
      }
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new ModelError([{ kind: 'other', variable: name, message: `value of constant "${name}" must be a finite number (got ${String(value)})` }]);
      }
      for (const k of idx) c[k] = value;
    }
    return c;
  }

  private reportPass(slots: Int32Array): { fn: GenFn | null; source: string } {
    const key = [...slots].sort((a, b) => a - b).join(',');
    let r = this.reportPasses.get(key);
    if (!r) {
      const source = reportSourceFor(this.p, slots);
      r = { fn: source ? buildGenerated<GenFn>(source, this.p.tables) : null, source };
      this.reportPasses.set(key, r);
    }
    return r;
  }

  private workspace(): Workspace {
    if (!this.ws) this.ws = new Workspace(this.p);
    return this.ws;
  }

  /** Run the model once and return every variable's series. */
  run(opts: RunOptions = {}): RunResult {
    const { tm, method, saveStep, single, intervalMean } = this.resolveSim(opts);
    const c = this.constantsVector(opts.constants);
    const every = Math.max(1, Math.round(saveStep / tm.dt));
    this.checkSaved(Math.floor(tm.nSteps / every) + 1, this.p.columns.length);
    const steps: number[] = [];
    for (let n = 0; n <= tm.nSteps; n += every) steps.push(n);
    const saveSteps = Int32Array.from(steps);
    const nSave = steps.length;
    const nCol = this.p.columns.length;
    const out = new Float64Array(nCol * nSave);
    const rng = makeRng(this.p, opts.seed);
    if (intervalMean) simulateIntervalMean(this.workspace(), c, tm, method, saveSteps, this.p.columnSlots, (this.columnMean ??= this.meanMask(this.p.columnSlots)), out, rng, single);
    else simulate(this.workspace(), c, tm, method, saveSteps, this.p.columnSlots, out, rng, single);
    const series = new Map<string, Float64Array>();
    this.p.columns.forEach((name, k) => series.set(name, out.subarray(k * nSave, (k + 1) * nSave)));
    const meta: RunMeta = {
      modelHash: this.hash, method, dt: tm.dt, start: tm.start, stop: tm.stop, saveStep: every * tm.dt,
    };
    if (opts.seed !== undefined) meta.seed = opts.seed;
    else if (this.p.nRandom > 0) meta.seed = 0;
    return {
      times: Float64Array.from(steps, (n) => tm.start + n * tm.dt),
      names: [...this.p.columns],
      series,
      meta,
    };
  }

  /** Column indices of an output name (a whole array or one element). */
  private outputColumns(name: string): number[] {
    const idx = this.colIndex.get(canonicalColumn(name));
    if (!idx) throw new ModelError([{ kind: 'undefined', variable: name, message: `"${name}" is not a variable of the model` }]);
    return idx;
  }

  /** Create a batch runner: fixed outputs and times, a constants vector in, a reused buffer out. */
  createRunner(opts: RunnerOptions): Runner {
    return makeRunner(this.p, this.plan(opts));
  }

  /** The runner createRunner(opts) gives, as plain data (see runner-image.ts). */
  runnerImage(opts: RunnerOptions): RunnerImage {
    const plan = this.plan(opts);
    const p = this.p;
    return {
      format: RUNNER_IMAGE_FORMAT,
      modelHash: this.hash,
      source: p.source,
      reportSource: this.reportPass(plan.outSlots).source,
      tables: [...p.tables],
      nSlots: p.nSlots,
      stockSlots: [...p.stockSlots],
      nonNegative: [...p.nonNegative],
      nq: p.nq,
      delayTimeSlots: [...p.delayTimeSlots],
      nRandom: p.nRandom,
      tm: { ...plan.tm },
      method: plan.method,
      single: plan.single,
      saveSteps: [...plan.saveSteps],
      outSlots: [...plan.outSlots],
      mean: plan.mean ? [...plan.mean] : null,
      columns: plan.columns,
      defaults: [...plan.defaults],
      constants: [...this.constIndex].map(([k, idx]) => [k, idx[0]]),
    };
  }

  /** Refuse a run whose saved values would exceed ENGINE_LIMITS.savedValues. */
  private checkSaved(saved: number, columns: number): void {
    const tooBig = runSavedProblem(this.spec.name, saved, columns);
    if (tooBig) throw new ModelError([{ kind: 'other', message: tooBig }]);
  }

  /** The interval-mean mask of run()'s columns (every variable), built on first use. */
  private columnMean: Uint8Array | undefined;

  /** 1 for each output slot averaged under interval-mean saving. */
  private meanMask(slots: Int32Array): Uint8Array {
    return Uint8Array.from(slots, (s) => this.p.meanSlots[s]);
  }

  private plan(opts: RunnerOptions): RunnerPlan {
    const { tm, method, saveStep, single, intervalMean } = this.resolveSim(opts);
    const cols = opts.outputs.flatMap((o) => this.outputColumns(o));
    const columns = cols.map((k) => this.p.columns[k]);
    const outSlots = Int32Array.from(cols, (k) => this.p.columnSlots[k]);
    let steps: number[];
    if (opts.saveTimes) {
      steps = opts.saveTimes.map((t) => {
        const n = Math.round((t - tm.start) / tm.dt);
        if (n < 0 || n > tm.nSteps || Math.abs(tm.start + n * tm.dt - t) > 1e-6 * Math.max(1, Math.abs(t))) {
          throw new ModelError([{ kind: 'other', message: `save time ${t} is not a step of the run (${tm.start}..${tm.stop} by ${tm.dt})` }]);
        }
        return n;
      });
      for (let i = 1; i < steps.length; i++) {
        if (steps[i] <= steps[i - 1]) throw new ModelError([{ kind: 'other', message: 'save times must be strictly increasing' }]);
      }
    } else {
      const every = Math.max(1, Math.round(saveStep / tm.dt));
      this.checkSaved(Math.floor(tm.nSteps / every) + 1, cols.length);
      steps = [];
      for (let n = 0; n <= tm.nSteps; n += every) steps.push(n);
    }
    return {
      tm, method, single, outSlots, columns,
      saveSteps: Int32Array.from(steps),
      defaults: this.defaultsVec,
      constantIndex: (name) => this.constIndex.get(canonicalColumn(name))?.[0],
      report: this.reportPass(outSlots).fn,
      mean: intervalMean ? this.meanMask(outSlots) : null,
    };
  }
}

/** Hash of a model spec (equations, dimensions, sim specs): CompiledModel.hash, without compiling. */
export function modelHash(spec: ModelSpec): string {
  return hashValue({ sim: spec.sim, dimensions: spec.dimensions ?? [], variables: spec.variables });
}

/** Compile a model spec; throws ModelError (with `.diagnostics`) when the model has problems. */
export function compileModel(spec: ModelSpec, opts: CompileOptions = {}): CompiledModel {
  try {
    return new CompiledModel(spec, opts);
  } catch (err) {
    // A backstop: the parser caps nesting (limits.ts); any recursion it misses ends here, not in a raw RangeError.
    if (isStackOverflow(err)) throw new ModelError([{ kind: 'other', message: `${modelLabel(spec.name)}: ${depthMessage()}` }]);
    throw err;
  }
}
