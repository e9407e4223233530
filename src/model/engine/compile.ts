// From a ModelSpec to a Program: lay out, lower every element, order the passes, generate
// JavaScript source and build it once with `new Function`.
import type { Binding, Cx, LowerState, Stmt } from './lower.ts';
import type { Expr } from './ast.ts';
import { applyLookup, lower, newSlot, resolveSlot } from './lower.ts';
import type { Layout, VarInfo } from './layout.ts';
import { buildLayout, positionsOf } from './layout.ts';
import { orderStatements } from './order.ts';
import { rollLines } from './roll.ts';
import { fuseLoops } from './fuse.ts';
import { localizeLines } from './localize.ts';
import { guardBlock, guardStatements } from './guard.ts';
import type { ReportStmt } from './report.ts';
import { reportLinesFor, slotsRead, splitReport } from './report.ts';
import { HELPERS } from './runtime.ts';
import { canonicalName } from './names.ts';
import { ModelError } from './errors.ts';
import { checkUnits } from './units.ts';
import type { Diagnostic, ModelSpec } from './types.ts';

/** Signature shared by every generated function. */
export type GenFn = (
  v: Float64Array, dv: Float64Array, q: Float64Array, c: Float64Array,
  t: number, dt: number, T0: number, T1: number, stage: number,
  ix: Int32Array, buf: Float64Array, R: (() => number) | null,
) => void;

/** The generated functions of a model. */
export interface GenFns {
  /** Everything at the start time, in dependency order (stocks from their initial equations). */
  init: GenFn;
  /** Flows and auxiliaries the integration needs, from the current stocks. */
  aux: GenFn;
  /** Report-only auxiliaries (no stock depends on them): run before saving, after `aux`; null when there are none. */
  report: GenFn | null;
  /** Rates of change of every stock into dv. */
  rates: GenFn;
  /** Stage-0 bookkeeping after the rates: memories (PREVIOUS) and delay buffers. */
  post: GenFn;
  /** After a step: memories take their new values. */
  commit: GenFn;
  /**
   * The whole Euler loop after init: steps, saves into `out` (row-major: one row per saved
   * step) at `saveSteps`, running `report` (this program's or a runner's subset) before each save.
   */
  euler: (
    v: Float64Array, dv: Float64Array, q: Float64Array, c: Float64Array, T0: number, T1: number, dt: number,
    nSteps: number, ix: Int32Array, buf: Float64Array, R: (() => number) | null,
    saveSteps: Int32Array, outSlots: Int32Array, out: Float64Array, single: boolean, report: GenFn | null,
  ) => void;
}

/** One overridable constant element. */
export interface ConstantSlot {
  /** Column name (`name` or `name[elem]`). */
  column: string;
  variable: string;
  slot: number;
  value: number;
}

/** What running a program needs (a Program, or one rebuilt from a runner image). */
export type RunProgram = Pick<Program, 'nSlots' | 'stockSlots' | 'nonNegative' | 'nq' | 'delayTimeSlots' | 'nRandom' | 'fns'>;

/** A compiled model: layout, generated code and the tables it needs. */
export interface Program {
  spec: ModelSpec;
  layout: Layout;
  nSlots: number;
  stockSlots: Int32Array;
  /** 1 where the stock (same index as stockSlots) is non-negative. */
  nonNegative: Uint8Array;
  nq: number;
  delayTimeSlots: Int32Array;
  nRandom: number;
  constants: ConstantSlot[];
  /**
   * 1 for each slot whose variable is a rate under interval-mean saving (SimSpecs.saveMode):
   * flows and auxiliaries, except stocks and variables marked `save: 'instant'`.
   */
  meanSlots: Uint8Array;
  /** Output columns (every model variable element, except table-only graphical functions). */
  columns: string[];
  columnSlots: Int32Array;
  columnIndex: Map<string, number>;
  fns: GenFns;
  /** The generated source (for inspection and tests). */
  source: string;
  /** Report-only statements, in run order (a runner builds the subset its outputs need). */
  reportStmts: ReportStmt[];
  /** Graphical-function tables the generated code reads. */
  tables: Float64Array;
  /** Problems that did not stop compilation (units, when CompileOptions.units is 'warn'). */
  warnings: Diagnostic[];
  /** Compiled with CompileOptions.optimize (the default). */
  optimized: boolean;
}

function elementEnv(v: VarInfo, i: number): Map<string, Binding> {
  const env = new Map<string, Binding>();
  positionsOf(v, i).forEach((pos, k) => env.set(v.dims[k].name, { dim: v.dims[k], pos }));
  return env;
}

// V8 optimises very large functions poorly: split generated passes into chunks. At 3 000
// characters the regional model's functions take about a quarter less optimising-compiler
// time than at 6 000 (a batch worker's warm-up) and run as fast.
const CHUNK_CHARS = 3_000;

function chunked(name: string, lines: string[], params: string, optimize: boolean): string {
  const chunks: string[][] = [[]];
  let size = 0;
  for (const l of lines) {
    if (size + l.length > CHUNK_CHARS && chunks[chunks.length - 1].length) {
      chunks.push([]);
      size = 0;
    }
    chunks[chunks.length - 1].push(l);
    size += l.length;
  }
  if (chunks.length === 1) return `function ${name}(${params}) {\n${localizeLines(chunks[0], optimize).join('\n')}\n}\n`;
  let out = '';
  chunks.forEach((c, k) => {
    out += `function ${name}_${k}(${params}) {\n${localizeLines(c, optimize).join('\n')}\n}\n`;
  });
  out += `function ${name}(${params}) {\n${chunks.map((_, k) => `${name}_${k}(${params});`).join('\n')}\n}\n`;
  return out;
}

/** How compileModel treats problems found by the units check. */
export type UnitsMode = 'error' | 'warn' | 'off';

/** Options of compilation. */
export interface CompileOptions {
  /**
   * Units problems are errors (default), warnings (kept in `warnings`; the model runs), or
   * not checked. Imported vendor models often carry inconsistent units their tools only warn about.
   */
  units?: UnitsMode;
  /**
   * Optimisations that change how results are computed but not what they are (default true):
   * change guards (guard.ts), loads of written slots once before the loops that read them and
   * locals in inlined passes (localize.ts). False compiles the plain program, as a baseline for
   * benchmarks and tests.
   */
  optimize?: boolean;
}

// Small models get their passes inlined into the Euler loop (no calls per step).
const INLINE_CHARS = 16_000;

/** The Euler time loop as generated code: passes inlined when small, stock updates unrolled. */
function eulerLoop(passes: Record<string, string[]>, stocks: Array<{ slot: number; nonNegative: boolean }>, params: string,
  optimize: boolean): string {
  const total = Object.values(passes).reduce((n, ls) => n + ls.reduce((m, l) => m + l.length, 0), 0);
  const body = (name: string): string => {
    const lines = passes[name];
    if (!lines.length) return '';
    if (total > INLINE_CHARS) return `${name}(${params});`;
    // Optimised, an inlined pass keeps its locals in a block of its own (read anew each step).
    return optimize ? `{\n${localizeLines(lines).join('\n')}\n}` : lines.join('\n');
  };
  const integrate = rollLines(stocks.map((s, k) => (s.nonNegative
    ? `{ const x = v[${s.slot}] + dt * dv[${k}]; v[${s.slot}] = x < 0 ? 0 : x; }`
    : `v[${s.slot}] += dt * dv[${k}];`))).join('\n');
  const single = rollLines(stocks.map((s) => `v[${s.slot}] = Math.fround(v[${s.slot}]);`)).join('\n');
  return `function euler(v, dv, q, c, T0, T1, dt, nSteps, ix, buf, R, saveSteps, outSlots, out, single, report) {
const stage = 0;
const nSave = saveSteps.length;
const nOut = outSlots.length;
let si = 0;
for (let n = 0; ; n++) {
const t = T0 + n * dt;
ix[0] = n;
if (n > 0) {
${body('aux')}
}
if (si < nSave && saveSteps[si] === n) {
if (n > 0 && report !== null) report(v, dv, q, c, t, dt, T0, T1, stage, ix, buf, R);
const row = si * nOut;
for (let k = 0; k < nOut; k++) out[row + k] = v[outSlots[k]];
si++;
}
if (n >= nSteps) break;
${body('rates')}
${body('post')}
${integrate}
if (single) {
${single}
}
${body('commit')}
}
}
`;
}

/** Compile a model spec into a Program; throws ModelError listing every problem. */
export function compileProgram(spec: ModelSpec, opts: CompileOptions = {}): Program {
  const diags: Diagnostic[] = [];
  validateSim(spec, diags);
  const layout = buildLayout(spec, diags);
  const st: LowerState = {
    layout, diags, next: layout.nSlots, stmts: [], stocks: [], posts: [], commits: [], nq: 0,
    delays: [], nRandom: 0, tables: [], tableOf: new Map(), owners: [], reductions: new Map(),
  };
  const constants: ConstantSlot[] = [];
  const columns: string[] = [];
  const columnSlots: number[] = [];
  const meanSlots = new Uint8Array(layout.nSlots);
  for (const v of layout.order) {
    for (let i = 0; i < v.size; i++) {
      const slot = v.base + i;
      if (v.spec.kind !== 'stock' && v.spec.save !== 'instant') meanSlots[slot] = 1;
      st.owners[slot] = v.columns[i];
      const tableOnly = v.spec.gf && v.exprs[i] === null;
      if (!tableOnly) {
        columns.push(v.columns[i]);
        columnSlots.push(slot);
      }
    }
  }
  for (const v of layout.order) lowerVariable(v, st, constants);

  const cycles: string[][] = [];
  const initStmts = st.stmts.filter((s) => s.init !== null);
  const initOrder = orderStatements(initStmts.map((s) => (s.initDeps ? { ...s, deps: s.initDeps } : s)), cycles);
  // Hoist out of the time loop what cannot change during a run: equations that read
  // neither the time nor any stock, only constants and other such equations.
  const fixed = new Set<number>();
  for (const s of initOrder) {
    if (s.fixed || (s.dyn !== null && !s.timeDep && [...s.deps].every((d) => fixed.has(d)))) fixed.add(s.target);
  }
  const dynStmts = st.stmts.filter((s) => s.dyn !== null && !fixed.has(s.target));
  const dynTargets = new Set(dynStmts.map((s) => s.target));
  const dynOrder = orderStatements(
    dynStmts.map((s) => ({ ...s, deps: new Set([...s.deps].filter((d) => dynTargets.has(d))) })),
    cycles,
  );
  const seenCycle = new Set<string>();
  for (const c of cycles) {
    const key = [...c].sort().join('\u0000');
    if (seenCycle.has(key)) continue;
    seenCycle.add(key);
    diags.push({
      kind: 'cycle', variable: c[0],
      message: c.length === 1
        ? `"${c[0]}" is defined in terms of itself (circular definition; only stocks may close a loop)`
        : `circular definition: ${[...c, c[0]].join(' → ')} (only stocks may close a loop)`,
    });
  }
  // Units only once the model is otherwise sound (the check relies on resolved names).
  const warnings: Diagnostic[] = [];
  const unitsMode = opts.units ?? 'error';
  if (diags.length === 0 && unitsMode !== 'off') checkUnits(layout, spec.sim.timeUnits, unitsMode === 'error' ? diags : warnings);
  if (diags.length) throw new ModelError(dedupe(diags));

  // What the stocks' rates, the memories and the delay lines read must be computed every
  // step; the rest only feeds outputs and runs only when they are saved.
  const roots = [...st.stocks.map((s) => s.rate), ...st.posts, ...st.commits].flatMap(slotsRead);
  const { core, report } = splitReport(dynOrder, roots);
  // Apply-to-all arrays lower element by element: roll the repetitions back into loops.
  const optimize = opts.optimize !== false;
  const guardInits: string[] = [];
  const passes: Record<string, string[]> = {
    aux: auxLines(core, !optimize ? null : { fixed, deps: new Map(st.stmts.map((s) => [s.target, s.deps])) }, () => {
      const slot = newSlot(st, 'guard');
      guardInits.push(`v[${slot}] = NaN;`);
      return slot;
    }),
    report: fuseLoops(rollLines(report.map((s) => s.line))),
    rates: rollLines(st.stocks.map((s, k) => `dv[${k}] = ${s.rate};`)),
    post: rollLines(st.posts),
    commit: rollLines(st.commits),
  };
  let src = PREAMBLE;
  src += chunked('init', rollLines([...initOrder.map((s) => s.init!), ...settleActiveInitials(st.stmts, dynOrder), ...guardInits]), PARAMS, optimize);
  for (const [name, lines] of Object.entries(passes)) src += chunked(name, lines, PARAMS, optimize);
  src += eulerLoop({ aux: passes.aux, rates: passes.rates, post: passes.post, commit: passes.commit }, st.stocks, PARAMS, optimize);
  // No report pass at all when nothing is report-only: a call per save step is not free.
  src += `return { init, aux, report: ${passes.report.length ? 'report' : 'null'}, rates, post, commit, euler };\n`;
  const tables = Float64Array.from(st.tables);
  const fns = buildGenerated<GenFns>(src, tables);

  return {
    spec, layout, nSlots: st.next,
    stockSlots: Int32Array.from(st.stocks.map((s) => s.slot)),
    nonNegative: Uint8Array.from(st.stocks.map((s) => (s.nonNegative ? 1 : 0))),
    nq: st.nq,
    delayTimeSlots: Int32Array.from(st.delays.map((d) => d.timeSlot)),
    nRandom: st.nRandom,
    constants,
    columns,
    columnSlots: Int32Array.from(columnSlots),
    meanSlots,
    columnIndex: new Map(columns.map((c, i) => [c, i])),
    fns,
    source: src,
    warnings: dedupe(warnings),
    reportStmts: report,
    tables,
    optimized: optimize,
  };
}

/**
 * The per-step pass: statements rolled into loops and fused, with change guards unless `known`
 * (the slots fixed during a run, every statement's reads) is null.
 */
function auxLines(core: Stmt[], known: { fixed: ReadonlySet<number>; deps: ReadonlyMap<number, ReadonlySet<number>> } | null,
  alloc: () => number): string[] {
  if (!known) return fuseLoops(rollLines(core.map((s) => s.dyn!)));
  const out: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    out.push(...fuseLoops(rollLines(run)));
    run = [];
  };
  for (const item of guardStatements(core, known.deps, known.fixed, alloc)) {
    if ('stmt' in item) {
      run.push(item.stmt.dyn!);
      continue;
    }
    flush();
    out.push(guardBlock(item.group, fuseLoops(rollLines(item.group.members.map((s) => s.dyn!)))));
  }
  flush();
  return out;
}

const PARAMS = 'v, dv, q, c, t, dt, T0, T1, stage, ix, buf, R';
const PREAMBLE = `"use strict";\nconst { ${Object.keys(HELPERS).join(', ')} } = H;\nconst TB = H.TB;\n`;

/** Source of the report pass that brings only `slots` up to date (for a runner that saves only those); '' when none is needed. */
export function reportSourceFor(p: Program, slots: Iterable<number>): string {
  const lines = reportLinesFor(p.reportStmts, slots);
  if (!lines.length) return '';
  return PREAMBLE + chunked('report', fuseLoops(rollLines(lines)), PARAMS, p.optimized) + 'return report;\n';
}

/** Build generated source (a program, or a report pass) with the runtime helpers and tables bound. */
export function buildGenerated<T>(src: string, tables: Float64Array): T {
  return (new Function('H', src) as (h: unknown) => T)({ ...HELPERS, TB: tables });
}

// An apply-to-all equation reports the same problem once per element: keep one.
function dedupe(diags: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diags.filter((d) => {
    const key = `${d.kind}\u0000${d.variable}\u0000${d.message}\u0000${d.position}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function validateSim(spec: ModelSpec, diags: Diagnostic[]): void {
  const s = spec.sim;
  const bad = (m: string): void => void diags.push({ kind: 'other', message: m });
  if (!s || typeof s !== 'object') return bad('the model has no sim specs (start, stop, dt)');
  for (const k of ['start', 'stop', 'dt'] as const) if (!Number.isFinite(s[k])) bad(`sim specs: ${k} must be a finite number`);
  if (s.dt <= 0) bad(`sim specs: dt must be positive (got ${s.dt})`);
  if (s.stop < s.start) bad(`sim specs: stop (${s.stop}) is before start (${s.start})`);
  if (s.saveStep !== undefined && !(s.saveStep > 0)) bad(`sim specs: saveStep must be positive (got ${s.saveStep})`);
}

function lowerVariable(v: VarInfo, st: LowerState, constants: ConstantSlot[]): void {
  const kind = v.spec.kind;
  for (let i = 0; i < v.size; i++) {
    const slot = v.base + i;
    const col = v.columns[i];
    const deps = new Set<number>();
    const cx: Cx = { v, col, text: v.texts[i], env: elementEnv(v, i), deps, time: { used: false } };
    const e = v.exprs[i];
    if (v.constValues) {
      constants.push({ column: col, variable: v.display, slot, value: v.constValues[i] });
      st.stmts.push({ target: slot, owner: col, init: `v[${slot}] = c[${constants.length - 1}];`, dyn: null, deps, fixed: true });
      continue;
    }
    if (e === null) {
      if (v.spec.gf) st.stmts.push({ target: slot, owner: col, init: `v[${slot}] = NaN;`, dyn: null, deps, fixed: true });
      continue;
    }
    if (kind !== 'stock' && e.k === 'call' && e.fn === 'active_initial' && e.args.length === 2) {
      lowerActiveInitial(v, slot, e.args, cx, st);
      continue;
    }
    let code = lower(e, cx, st);
    if (v.spec.gf) code = applyLookup(v, code, st);
    if (kind === 'stock') {
      st.stmts.push({ target: slot, owner: col, init: `v[${slot}] = ${code};`, dyn: null, deps });
      st.stocks.push({ slot, rate: stockRate(v, cx, st), nonNegative: !!v.spec.nonNegative });
      continue;
    }
    if (kind === 'flow' && v.spec.nonNegative) code = `Math.max(0, ${code})`;
    const stmt: Stmt = { target: slot, owner: col, init: `v[${slot}] = ${code};`, dyn: `v[${slot}] = ${code};`, deps, timeDep: cx.time.used };
    st.stmts.push(stmt);
  }
}

// ACTIVE INITIAL(active, initial): the init statement computes `initial` and reads only
// what it reads, so initial values may depend on it without a loop through `active`.
// Never hoisted: its value changes once the run starts.
function lowerActiveInitial(v: VarInfo, slot: number, args: Expr[], cx: Cx, st: LowerState): void {
  const initDeps = new Set<number>();
  const finish = (code: string): string => {
    const c = v.spec.gf ? applyLookup(v, code, st) : code;
    return v.spec.kind === 'flow' && v.spec.nonNegative ? `Math.max(0, ${c})` : c;
  };
  const active = finish(lower(args[0], cx, st));
  const initial = finish(lower(args[1], { ...cx, deps: initDeps }, st));
  st.stmts.push({ target: slot, owner: cx.col, init: `v[${slot}] = ${initial};`, dyn: `v[${slot}] = ${active};`, deps: cx.deps, initDeps, timeDep: true });
}

/**
 * After initialisation, the values reported at the start time are the active ones: the
 * dynamic statements of every ACTIVE INITIAL variable and of what reads it, in order
 * (random draws excepted: they are drawn once, in the init pass).
 */
function settleActiveInitials(stmts: Stmt[], dynOrder: Stmt[]): string[] {
  const tainted = new Set(stmts.filter((s) => s.initDeps).map((s) => s.target));
  if (!tainted.size) return [];
  const out: string[] = [];
  for (const s of dynOrder) {
    if (s.effect || !(tainted.has(s.target) || [...s.deps].some((d) => tainted.has(d)))) continue;
    tainted.add(s.target);
    out.push(s.dyn!);
  }
  return out;
}

function stockRate(v: VarInfo, cx: Cx, st: LowerState): string {
  const term = (name: string): string => {
    const fv = st.layout.vars.get(canonicalName(name));
    if (!fv) {
      st.diags.push({ kind: 'undefined', variable: v.display, message: `flow "${name}" of stock "${v.display}" is not defined` });
      return '0';
    }
    if (fv.spec.kind !== 'flow' && fv.spec.kind !== 'aux') {
      st.diags.push({ kind: 'other', variable: v.display, message: `"${name}" is listed as a flow of "${v.display}" but is a ${fv.spec.kind}` });
      return '0';
    }
    const slot = resolveSlot(fv, null, name, { ...cx, deps: new Set() }, st);
    return slot < 0 ? '0' : `v[${slot}]`;
  };
  const ins = (v.spec.inflows ?? []).map(term);
  const outs = (v.spec.outflows ?? []).map(term);
  const inSum = ins.length ? ins.join(' + ') : '0';
  return outs.length ? `(${inSum}) - (${outs.join(' + ')})` : inSum;
}
