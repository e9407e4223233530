// Lowering: turn one element's checked expression into JavaScript source over the flat
// state vector `v`. Everything emitted is built here from the tree: slots are integers,
// numbers are re-printed from parsed values, functions are fixed helper names. Stateful
// builtins become hidden stocks (integrated with the model), memories or delay buffers.
import type { Expr, Sub } from './ast.ts';
import { walk } from './ast.ts';
import { BUILTINS, BUILTIN_SYMBOLS } from './builtins.ts';
import type { DimInfo } from './dimensions.ts';
import type { Layout, VarInfo } from './layout.ts';
import { foldConstant } from './layout.ts';
import type { Diagnostic } from './types.ts';

/** A computation in the init pass and/or the per-step pass, writing one slot. */
export interface Stmt {
  target: number;
  /** Display name of the variable (or element) it belongs to, for cycle messages. */
  owner: string;
  init: string | null;
  dyn: string | null;
  deps: Set<number>;
  /** Value fixed for the whole run once initialised (constants, INIT memories, delay settings). */
  fixed?: boolean;
  /** Reads the time (or draws, or reads a delay line): never hoisted out of the time loop. */
  timeDep?: boolean;
  /** Has an effect beyond its slot (a random draw advances the stream): run every step. */
  effect?: boolean;
  /** What the init statement reads, when it differs from what `dyn` reads (ACTIVE INITIAL). */
  initDeps?: Set<number>;
}

/** A stock (model or hidden): its slot and the JavaScript of its rate of change. */
export interface StockRate {
  slot: number;
  rate: string;
  nonNegative: boolean;
}

/** A fixed-delay site: where its delay time is computed at start. */
export interface DelaySite {
  timeSlot: number;
}

/** Everything lowering produces besides the expressions themselves. */
export interface LowerState {
  layout: Layout;
  diags: Diagnostic[];
  next: number;
  stmts: Stmt[];
  stocks: StockRate[];
  /** Stage-0 code after the per-step pass: memories into q[], writes into delay buffers. */
  posts: string[];
  /** Code after a step: q[] into the memory slots. */
  commits: string[];
  nq: number;
  delays: DelaySite[];
  nRandom: number;
  /** Graphical-function tables: [n, xs..., ys...] concatenated. */
  tables: number[];
  tableOf: Map<string, { off: number; type: string }>;
  /** Which slots hold what, for messages: slot → owner. */
  owners: string[];
  /** Reductions already computed into a slot, by generated code (shared across elements). */
  reductions: Map<string, number>;
}

/** Binding of a dimension (or a wildcard key) to one element position. */
export interface Binding {
  dim: DimInfo;
  pos: number;
}

/** Lowering context of one element's equation. */
export interface Cx {
  v: VarInfo;
  /** Column (element) name, e.g. `x[a]`. */
  col: string;
  text: string;
  env: Map<string, Binding>;
  deps: Set<number>;
  /** Set when the code reads the time (shared by everything lowered for one statement). */
  time: { used: boolean };
  /** Inside a conditional branch: evaluated only when taken, so reductions stay in place. */
  lazy?: boolean;
}

/** Print a number as JavaScript (from the parsed value, never from model text). */
export function num(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '(-Infinity)';
  if (Object.is(x, -0)) return '(-0)';
  const s = String(x);
  return x < 0 ? `(${s})` : s;
}

/** Position of `word` (case-insensitive, as a whole word) in `text`, or undefined. */
export function findWord(text: string, word: string): number | undefined {
  const lower = text.toLowerCase();
  const w = word.toLowerCase();
  let from = 0;
  for (;;) {
    const i = lower.indexOf(w, from);
    if (i < 0) return undefined;
    const before = i === 0 ? '' : lower[i - 1];
    const after = lower[i + w.length] ?? '';
    if (!/[a-z0-9_]/.test(before) && !/[a-z0-9_]/.test(after)) return i;
    from = i + 1;
  }
}

/** Allocate a hidden slot owned by `owner`. */
export function newSlot(st: LowerState, owner: string): number {
  st.owners[st.next] = owner;
  return st.next++;
}

function diag(st: LowerState, cx: Cx, kind: Diagnostic['kind'], message: string, word?: string): void {
  st.diags.push({ kind, variable: cx.v.display, message, position: word ? findWord(cx.text, word) : undefined });
}

const MATH1: Record<string, string> = {
  abs: 'Math.abs', exp: 'Math.exp', ln: 'Math.log', log10: 'Math.log10', sqrt: 'Math.sqrt',
  sin: 'Math.sin', cos: 'Math.cos', tan: 'Math.tan', arcsin: 'Math.asin', arccos: 'Math.acos', arctan: 'Math.atan',
  asin: 'Math.asin', acos: 'Math.acos', atan: 'Math.atan', sinh: 'Math.sinh', cosh: 'Math.cosh', tanh: 'Math.tanh',
  int: 'Math.floor', floor: 'Math.floor', ceil: 'Math.ceil', round: 'H_round', sign: 'Math.sign',
};

const CMP: Record<string, string> = { '==': '===', '!=': '!==', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/** Lower `e` in context `cx` to a JavaScript expression. */
export function lower(e: Expr, cx: Cx, st: LowerState): string {
  switch (e.k) {
    case 'num':
      return num(e.v);
    case 'un': {
      const a = lower(e.a, cx, st);
      if (e.op === '-') return `(-${a})`;
      if (e.op === '+') return a;
      return `(${a} === 0 ? 1 : 0)`;
    }
    case 'bin': {
      const a = lower(e.a, cx, st);
      const b = lower(e.b, cx, st);
      switch (e.op) {
        case '+': case '-': case '*': case '/':
          return `(${a} ${e.op} ${b})`;
        case '^':
          // A literal integer exponent stays Math.pow (exact); otherwise the fast helper.
          return e.b.k === 'num' && Number.isInteger(e.b.v) ? `Math.pow(${a}, ${b})` : `H_pow(${a}, ${b})`;
        case 'mod':
          return `H_mod(${a}, ${b})`;
        case 'and':
          return `(${a} !== 0 && ${b} !== 0 ? 1 : 0)`;
        case 'or':
          return `(${a} !== 0 || ${b} !== 0 ? 1 : 0)`;
        case 'xor':
          return `((${a} !== 0) !== (${b} !== 0) ? 1 : 0)`;
        default:
          return `(${a} ${CMP[e.op]} ${b} ? 1 : 0)`;
      }
    }
    case 'cond':
      return `(${lower(e.c, cx, st)} !== 0 ? ${lower(e.a, cx, st)} : ${lower(e.b, cx, st)})`;
    case 'ref':
      return lowerRef(e, cx, st);
    case 'call':
      return lowerCall(e, cx, st);
  }
}

function lowerRef(e: Extract<Expr, { k: 'ref' }>, cx: Cx, st: LowerState): string {
  const vi = st.layout.vars.get(e.name);
  if (!vi) {
    if (e.subs === null) {
      const sym = BUILTIN_SYMBOLS[e.name];
      if (sym) {
        if (sym === 't') cx.time.used = true;
        return sym;
      }
      // A dimension name as a value: the 1-based position of the current element.
      const b = cx.env.get(e.name);
      if (b && st.layout.dims.has(e.name)) return num(b.pos + 1);
    }
    diag(st, cx, 'undefined', `"${e.raw}" is not defined`, e.raw);
    return '0';
  }
  const slot = resolveSlot(vi, e.subs, e.raw, cx, st);
  if (slot < 0) return '0';
  cx.deps.add(slot);
  return `v[${slot}]`;
}

/** Slot of a reference to `vi` with subscripts `subs` in context `cx`; -1 after a diagnostic. */
export function resolveSlot(vi: VarInfo, subs: Sub[] | null, raw: string, cx: Cx, st: LowerState): number {
  if (subs && subs.length !== vi.dims.length) {
    diag(st, cx, 'dimension', `"${raw}" has ${vi.dims.length} dimension(s) but is used with ${subs.length} subscript(s)`, raw);
    return -1;
  }
  let slot = vi.base;
  for (let p = 0; p < vi.dims.length; p++) {
    const pos = resolvePos(vi.dims[p], subs ? subs[p] : undefined, raw, cx, st);
    if (pos < 0) return -1;
    slot += pos * vi.strides[p];
  }
  return slot;
}

function mapBinding(dx: DimInfo, b: Binding, raw: string, cx: Cx, st: LowerState): number {
  if (b.dim.root !== dx.root) {
    diag(st, cx, 'dimension', `"${raw}" is indexed by "${b.dim.display}", which does not match its dimension "${dx.display}"`, raw);
    return -1;
  }
  const pos = dx.posOfRoot.get(b.dim.rootIndex[b.pos]);
  if (pos === undefined) {
    diag(st, cx, 'dimension', `"${raw}" has no element "${b.dim.elements[b.pos]}" (not in "${dx.display}")`, raw);
    return -1;
  }
  return pos;
}

/** The binding a bare reference over `dx` takes: same dimension, else the one dimension of the same root. */
export function implicitBinding(dx: DimInfo, env: Map<string, Binding>): Binding | undefined | 'ambiguous' {
  const direct = env.get(dx.name);
  if (direct) return direct;
  let found: Binding | undefined;
  for (const [key, b] of env) {
    if (key.startsWith('*') || b.dim.root !== dx.root) continue;
    if (found) return 'ambiguous';
    found = b;
  }
  return found;
}

function resolvePos(dx: DimInfo, sub: Sub | undefined, raw: string, cx: Cx, st: LowerState): number {
  if (sub === undefined) {
    const b = implicitBinding(dx, cx.env);
    if (b === 'ambiguous') {
      diag(st, cx, 'dimension', `"${raw}" over "${dx.display}" is ambiguous here: write its subscripts`, raw);
      return -1;
    }
    if (!b) {
      diag(st, cx, 'dimension', `"${raw}" is arrayed over "${dx.display}", which this equation does not bind (reduce it with SUM/MEAN/MIN/MAX or pick an element)`, raw);
      return -1;
    }
    return mapBinding(dx, b, raw, cx, st);
  }
  if (sub.k === 'wild') {
    const b = cx.env.get(`*${dx.name}`);
    if (!b) {
      diag(st, cx, 'dimension', `"${raw}[*]" (every element) is only allowed inside SUM, MEAN, MIN, MAX or PROD`, raw);
      return -1;
    }
    return b.pos;
  }
  if (sub.k === 'index') {
    if (sub.value < 1 || sub.value > dx.elements.length) {
      diag(st, cx, 'dimension', `index ${sub.value} of "${raw}" is outside 1..${dx.elements.length}`, raw);
      return -1;
    }
    return sub.value - 1;
  }
  const e = dx.elemIndex.get(sub.name);
  if (e !== undefined) return e;
  const d = st.layout.dims.get(sub.name);
  if (d) {
    const b = cx.env.get(d.name);
    if (!b) {
      diag(st, cx, 'dimension', `"${raw}[${d.display}]": dimension "${d.display}" is not bound here (reduce it with SUM/MEAN/MIN/MAX)`, raw);
      return -1;
    }
    return mapBinding(dx, b, raw, cx, st);
  }
  diag(st, cx, 'dimension', `"${raw}" has no element or dimension "${sub.name}" (its dimension is "${dx.display}")`, raw);
  return -1;
}

/** Dimensions a reduction's argument leaves free in `env`: key → dimension to iterate. */
function freeDims(arg: Expr, env: Map<string, Binding>, st: LowerState): Map<string, DimInfo> {
  const free = new Map<string, DimInfo>();
  walk(arg, (n) => {
    if (n.k === 'call' && BUILTINS[n.fn]?.kind === 'reduce' && !st.layout.vars.has(n.fn)) return false;
    if (n.k !== 'ref') return true;
    const vi = st.layout.vars.get(n.name);
    if (!vi || (n.subs && n.subs.length !== vi.dims.length)) return true;
    vi.dims.forEach((dx, p) => {
      const sub = n.subs ? n.subs[p] : undefined;
      if (sub === undefined) {
        if (!implicitBinding(dx, env) && !free.has(dx.name)) free.set(dx.name, dx);
      } else if (sub.k === 'wild') {
        if (!free.has(`*${dx.name}`)) free.set(`*${dx.name}`, dx);
      } else if (sub.k === 'name' && !dx.elemIndex.has(sub.name)) {
        const d = st.layout.dims.get(sub.name);
        if (d && !env.has(d.name) && !free.has(d.name)) free.set(d.name, d);
      }
    });
    return true;
  });
  return free;
}

/** Lower `arg` once per combination of its free dimensions. */
function expand(arg: Expr, cx: Cx, st: LowerState): string[] {
  const free = [...freeDims(arg, cx.env, st)];
  const out: string[] = [];
  const env = new Map(cx.env);
  const rec = (k: number): void => {
    if (k === free.length) {
      out.push(lower(arg, { ...cx, env }, st));
      return;
    }
    const [key, dim] = free[k];
    for (let pos = 0; pos < dim.elements.length; pos++) {
      env.set(key, { dim, pos });
      rec(k + 1);
    }
    env.delete(key);
  };
  rec(0);
  return out;
}

// Reductions over more than this many terms get their own slot, computed once per step
// and shared by every element whose equation reduces the same thing.
const SHARED_REDUCTION_TERMS = 4;

function lowerReduce(fn: string, args: Expr[], cx: Cx, st: LowerState): string {
  if (args.length === 1) {
    const deps = new Set<number>();
    const time = { used: false };
    const terms = { n: 0 };
    const code = reduceCode(fn, args, { ...cx, deps, time }, st, terms);
    // A reduction inside an IF_THEN_ELSE branch stays inline, so it costs nothing on the
    // steps where the other branch is taken (a shared slot would compute it every step).
    if (terms.n <= SHARED_REDUCTION_TERMS || deps.size === 0 || cx.lazy) {
      for (const d of deps) cx.deps.add(d);
      if (time.used) cx.time.used = true;
      return code;
    }
    let slot = st.reductions.get(code);
    if (slot === undefined) {
      slot = newSlot(st, cx.col);
      st.reductions.set(code, slot);
      addStmt(st, cx.col, slot, `v[${slot}] = ${code};`, `v[${slot}] = ${code};`, deps, { timeDep: time.used });
    }
    cx.deps.add(slot);
    return `v[${slot}]`;
  }
  return reduceCode(fn, args, cx, st, { n: 0 });
}

function reduceCode(fn: string, args: Expr[], cx: Cx, st: LowerState, count: { n: number }): string {
  if (args.length > 1) {
    const xs = args.map((a) => lower(a, cx, st));
    if (fn === 'min') return `Math.min(${xs.join(', ')})`;
    if (fn === 'max') return `Math.max(${xs.join(', ')})`;
    if (fn === 'mean') return `((${xs.join(' + ')}) / ${xs.length})`;
  }
  const terms = expand(args[0], cx, st);
  count.n = terms.length;
  switch (fn) {
    case 'sum': return `(${terms.join(' + ')})`;
    case 'prod': return `(${terms.join(' * ')})`;
    case 'mean': return `((${terms.join(' + ')}) / ${terms.length})`;
    case 'min': return terms.length === 1 ? terms[0] : `Math.min(${terms.join(', ')})`;
    case 'max': return terms.length === 1 ? terms[0] : `Math.max(${terms.join(', ')})`;
    case 'size': return num(terms.length);
    default: return `H_stddev([${terms.join(', ')}])`;
  }
}

/** Evaluate an argument that must be known when the model compiles (e.g. the order of DELAYN). */
function compileTimeValue(e: Expr, st: LowerState): number | undefined {
  const c = foldConstant(e);
  if (c !== undefined) return c;
  if (e.k === 'ref' && e.subs === null) {
    const vi = st.layout.vars.get(e.name);
    if (vi?.constValues && vi.size === 1) return vi.constValues[0];
  }
  return undefined;
}

/** Lower with fresh dependencies (for inputs of stateful builtins); returns code and deps. */
function lowerSub(e: Expr, cx: Cx, st: LowerState): { code: string; deps: Set<number> } {
  const deps = new Set<number>();
  const code = lower(e, { ...cx, deps }, st);
  return { code, deps };
}

function addStmt(st: LowerState, owner: string, target: number, init: string | null, dyn: string | null, deps: Set<number>,
  flags: { fixed?: boolean; timeDep?: boolean; effect?: boolean } = {}): void {
  st.stmts.push({ target, owner, init, dyn, deps, ...flags });
}

/** A chain of `n` first-order stocks: returns the slots; stage k's rate is (in_k - s_k / tau) for delays or (in_k - s_k)/tau for smooths. */
function chain(n: number, input: { code: string; deps: Set<number> }, tau: { code: string; deps: Set<number> },
  init: { code: string; deps: Set<number> }, mode: 'delay' | 'smooth', cx: Cx, st: LowerState): number[] {
  const slots: number[] = [];
  for (let k = 0; k < n; k++) slots.push(newSlot(st, cx.col));
  const tauCode = `(${tau.code} / ${n})`;
  slots.forEach((s, k) => {
    const initDeps = new Set([...init.deps, ...tau.deps]);
    if (mode === 'delay') {
      addStmt(st, cx.col, s, `v[${s}] = ${init.code} * ${tauCode};`, null, initDeps);
      const inflow = k === 0 ? input.code : `v[${slots[k - 1]}] / ${tauCode}`;
      st.stocks.push({ slot: s, rate: `${inflow} - v[${s}] / ${tauCode}`, nonNegative: false });
    } else {
      addStmt(st, cx.col, s, `v[${s}] = ${init.code};`, null, init.deps);
      const upstream = k === 0 ? input.code : `v[${slots[k - 1]}]`;
      st.stocks.push({ slot: s, rate: `(${upstream} - v[${s}]) / ${tauCode}`, nonNegative: false });
    }
  });
  return slots;
}

function lowerStateful(fn: string, args: Expr[], raw: string, cx: Cx, st: LowerState): string {
  const input = lowerSub(args[0], cx, st);
  switch (fn) {
    case 'active_initial':
      // Whole equations are lowered in compile.ts; inside an expression it has no meaning.
      diag(st, cx, 'other', `${raw.toUpperCase()} must be the whole equation of an auxiliary or flow`, raw);
      return input.code;
    case 'init': {
      const m = newSlot(st, cx.col);
      addStmt(st, cx.col, m, `v[${m}] = ${input.code};`, null, input.deps, { fixed: true });
      cx.deps.add(m);
      return `v[${m}]`;
    }
    case 'previous': {
      const m = newSlot(st, cx.col);
      const init = args[1] ? lowerSub(args[1], cx, st) : input;
      addStmt(st, cx.col, m, `v[${m}] = ${init.code};`, null, init.deps);
      const q = st.nq++;
      st.posts.push(`q[${q}] = ${input.code};`);
      st.commits.push(`v[${m}] = q[${q}];`);
      cx.deps.add(m);
      return `v[${m}]`;
    }
    case 'delay': {
      const time = lowerSub(args[1], cx, st);
      const init = args[2] ? lowerSub(args[2], cx, st) : input;
      const ts = newSlot(st, cx.col);
      const iv = newSlot(st, cx.col);
      const out = newSlot(st, cx.col);
      const j = st.delays.length;
      st.delays.push({ timeSlot: ts });
      addStmt(st, cx.col, ts, `v[${ts}] = ${time.code};`, null, time.deps, { fixed: true });
      addStmt(st, cx.col, iv, `v[${iv}] = ${init.code};`, null, init.deps, { fixed: true });
      const k = `ix[${1 + 2 * j}]`;
      const at = `ix[${2 + 2 * j}] + ix[0] % ${k}`;
      addStmt(st, cx.col, out, `v[${out}] = v[${iv}];`, `if (stage === 0) v[${out}] = ix[0] >= ${k} ? buf[${at}] : v[${iv}];`, new Set([iv]), { timeDep: true });
      st.posts.push(`buf[${at}] = ${input.code};`);
      cx.deps.add(out);
      return `v[${out}]`;
    }
    case 'delay1': case 'delay3': case 'delayn': {
      const n = fn === 'delay1' ? 1 : fn === 'delay3' ? 3 : orderArg(args[2], raw, cx, st);
      const tau = lowerSub(args[1], cx, st);
      const initArg = fn === 'delayn' ? args[3] : args[2];
      const init = initArg ? lowerSub(initArg, cx, st) : input;
      const slots = chain(n, input, tau, init, 'delay', cx, st);
      const last = slots[slots.length - 1];
      cx.deps.add(last);
      for (const d of tau.deps) cx.deps.add(d);
      return `(v[${last}] / (${tau.code} / ${n}))`;
    }
    case 'smth1': case 'smth3': case 'smthn': {
      const n = fn === 'smth1' ? 1 : fn === 'smth3' ? 3 : orderArg(args[2], raw, cx, st);
      const tau = lowerSub(args[1], cx, st);
      const initArg = fn === 'smthn' ? args[3] : args[2];
      const init = initArg ? lowerSub(initArg, cx, st) : input;
      const slots = chain(n, input, tau, init, 'smooth', cx, st);
      const last = slots[slots.length - 1];
      cx.deps.add(last);
      return `v[${last}]`;
    }
    default: {
      // TREND and FORCST: an exponential average s of the input, initialised so that the
      // initial trend is `init` (default 0); trend = (input - s) / (s * time).
      const tau = lowerSub(args[1], cx, st);
      const initArg = fn === 'trend' ? args[2] : args[3];
      const trend0 = initArg ? lowerSub(initArg, cx, st) : { code: '0', deps: new Set<number>() };
      const s = newSlot(st, cx.col);
      addStmt(st, cx.col, s, `v[${s}] = ${input.code} / (1 + ${trend0.code} * ${tau.code});`, null,
        new Set([...input.deps, ...tau.deps, ...trend0.deps]));
      st.stocks.push({ slot: s, rate: `(${input.code} - v[${s}]) / ${tau.code}`, nonNegative: false });
      for (const d of [...input.deps, ...tau.deps, s]) cx.deps.add(d);
      const trend = `H_zidz(${input.code} - v[${s}], v[${s}] * ${tau.code})`;
      if (fn === 'trend') return trend;
      const horizon = lower(args[2], cx, st);
      return `(${input.code} * (1 + ${horizon} * ${trend}))`;
    }
  }
}

function orderArg(e: Expr, raw: string, cx: Cx, st: LowerState): number {
  const n = compileTimeValue(e, st);
  if (n === undefined || !Number.isInteger(n) || n < 1 || n > 1000) {
    diag(st, cx, 'other', `the order of ${raw.toUpperCase()} must be a constant whole number from 1 to 1000`, raw);
    return 1;
  }
  return n;
}

const RANDOM_HELPER: Record<string, string> = {
  random: 'H_uniform', normal: 'H_normal', lognormal: 'H_lognormal', poisson: 'H_poisson', exprnd: 'H_exprnd',
};

function lookupTable(vi: VarInfo, st: LowerState): { off: number; type: string } {
  let t = st.tableOf.get(vi.name);
  if (!t) {
    const gf = vi.spec.gf!;
    t = { off: st.tables.length, type: gf.type ?? 'continuous' };
    st.tables.push(gf.xs.length, ...gf.xs, ...gf.ys);
    st.tableOf.set(vi.name, t);
  }
  return t;
}

/** Code applying the graphical function of `vi` to `x`. */
export function applyLookup(vi: VarInfo, x: string, st: LowerState): string {
  const t = lookupTable(vi, st);
  const f = t.type === 'discrete' ? 'H_lkd' : t.type === 'extrapolate' ? 'H_lkx' : 'H_lk';
  return `${f}(TB, ${t.off}, ${x})`;
}

function lowerCall(e: Extract<Expr, { k: 'call' }>, cx: Cx, st: LowerState): string {
  const { fn, args, raw } = e;
  // A graphical function used as a function: gf(x).
  const gfVar = st.layout.vars.get(fn);
  if (gfVar && gfVar.spec.gf && !BUILTINS[fn]) {
    if (args.length !== 1) {
      diag(st, cx, 'arity', `lookup "${raw}" takes 1 argument, got ${args.length}`, raw);
      return '0';
    }
    return applyLookup(gfVar, lower(args[0], cx, st), st);
  }
  const bi = BUILTINS[fn];
  if (!bi) {
    diag(st, cx, 'undefined', gfVar ? `"${raw}" is not a graphical function, so it cannot be called` : `unknown function "${raw}"`, raw);
    return '0';
  }
  if (args.length < bi.min || args.length > bi.max) {
    const want = bi.min === bi.max ? `${bi.min}` : bi.max === Infinity ? `at least ${bi.min}` : `${bi.min} to ${bi.max}`;
    diag(st, cx, 'arity', `${raw.toUpperCase()} takes ${want} argument(s), got ${args.length}`, raw);
    return '0';
  }
  switch (bi.kind) {
    case 'reduce':
      return lowerReduce(fn, args, cx, st);
    case 'stateful':
      return lowerStateful(fn, args, raw, cx, st);
    case 'lookup': {
      const t = args[0];
      const lv = t.k === 'ref' ? st.layout.vars.get(t.name) : undefined;
      if (!lv || !lv.spec.gf) {
        diag(st, cx, 'other', `the first argument of LOOKUP must be a graphical function`, raw);
        return '0';
      }
      return applyLookup(lv, lower(args[1], cx, st), st);
    }
    case 'random': {
      const xs = args.slice(0, fn === 'poisson' || fn === 'exprnd' ? 1 : 2).map((a) => lowerSub(a, cx, st));
      const r = newSlot(st, cx.col);
      const call = `${RANDOM_HELPER[fn]}(R, ${xs.map((x) => x.code).join(', ')})`;
      const deps = new Set<number>();
      for (const x of xs) for (const d of x.deps) deps.add(d);
      addStmt(st, cx.col, r, `v[${r}] = ${call};`, `if (stage === 0) v[${r}] = ${call};`, deps, { timeDep: true, effect: true });
      st.nRandom++;
      cx.deps.add(r);
      return `v[${r}]`;
    }
    default:
  }
  const xs = fn === 'if_then_else'
    ? [lower(args[0], cx, st), lower(args[1], { ...cx, lazy: true }, st), lower(args[2], { ...cx, lazy: true }, st)]
    : args.map((a) => lower(a, cx, st));
  if (bi.kind === 'time') cx.time.used = true;
  switch (fn) {
    case 'pi': return 'Math.PI';
    case 'inf': return 'Infinity';
    case 'log': return `(Math.log(${xs[0]}) / Math.log(${xs[1]}))`;
    case 'mod': return `H_mod(${xs[0]}, ${xs[1]})`;
    case 'power': return `H_pow(${xs[0]}, ${xs[1]})`;
    case 'xidz': return `H_xidz(${xs[0]}, ${xs[1]}, ${xs[2]})`;
    case 'zidz': return `H_zidz(${xs[0]}, ${xs[1]})`;
    case 'safediv': return `H_xidz(${xs[0]}, ${xs[1]}, ${xs[2] ?? '0'})`;
    case 'if_then_else': return `(${xs[0]} !== 0 ? ${xs[1]} : ${xs[2]})`;
    case 'step': return `H_step(t, dt, ${xs[0]}, ${xs[1]})`;
    case 'ramp': return `H_ramp(t, ${xs[0]}, ${xs[1]}, ${xs[2] ?? 'Infinity'})`;
    case 'pulse': return `H_pulse(t, dt, ${xs[0]}, ${xs[1] ?? 'T0'}, ${xs[2] ?? '0'})`;
    default: return `${MATH1[fn]}(${xs[0]})`;
  }
}
