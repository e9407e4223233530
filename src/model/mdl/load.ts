// Vensim .mdl import: read the equation section (up to the sketch) into a ModelSpec, with
// equations translated into the native language. Runs in browsers (no Node APIs).
import { ModelError } from '../engine/errors.ts';
import { depthMessage, ENGINE_LIMITS, isStackOverflow } from '../engine/limits.ts';
import { canonicalName } from '../engine/names.ts';
import type { Diagnostic, DimensionSpec, ModelSpec, VariableSpec } from '../engine/types.ts';
import { MdlSyntaxError, parseMdl, type MdlExpr, type MdlLhs, type MdlStatement } from './grammar.ts';
import { MdlTranslateError, renamed, translate, type TranslateContext } from './translate.ts';
import { macroExpander } from './macro.ts';
import { seriesTable } from './data.ts';
import { readDataSeries } from './data-vars.ts';
import { bindMapped, mappedIn, readMappings, type Mappings } from './mapping.ts';

/** An equation or lookup definition. */
export type Eq = Extract<MdlStatement, { k: 'eq' | 'lookup' }>;
type Dim = Extract<MdlStatement, { k: 'dim' }>;

/** Where a variable is defined in the .mdl (1-based line and column). */
export interface MdlPlace { line: number; column: number }

/** An imported model with the place of each variable's definition, for diagnostics. */
export interface MdlImport {
  spec: ModelSpec;
  /** Line and column of the first definition of `variable` (as the spec names it). */
  placeOf(variable: string): MdlPlace | undefined;
}

const CONTROL = ['initial_time', 'final_time', 'time_step', 'saveper'];

/** The text before the sketch section (`\\\---///`), which holds only the diagram. */
export function equationSection(text: string): string {
  let i = text.indexOf('\\---///');
  if (i < 0) return text;
  while (i > 0 && text[i - 1] === '\\') i--;
  return text.slice(0, i);
}

const placeOfTok = (lhs: MdlLhs): MdlPlace => ({ line: lhs.tok.startLine ?? 0, column: lhs.tok.startColumn ?? 0 });
const where = (p: MdlPlace): string => `line ${p.line}, column ${p.column}`;

/** The first line (1-based) where brackets nest deeper than the engine's cap, or 0. */
function tooDeepLine(text: string): number {
  let d = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    // Each equation, unit and comment part counts on its own (a comment's stray bracket must not add up).
    else if (c === 124 || c === 126) d = 0;
    else if (c === 40 || c === 91) {
      if (++d > ENGINE_LIMITS.bracketDepth) return line;
    } else if (c === 41 || c === 93) d = Math.max(0, d - 1);
  }
  return 0;
}

/** Read a Vensim .mdl document into a ModelSpec; throws ModelError with line and column. */
export function loadMdl(text: string): ModelSpec {
  return importMdl(text).spec;
}

/** Like loadMdl, and keep where each variable is defined. */
export function importMdl(text: string): MdlImport {
  let stmts: MdlStatement[];
  const section = equationSection(text);
  // The parser recurses per bracket: refuse deep nesting before it can overflow the stack.
  const deep = tooDeepLine(section);
  if (deep) throw new ModelError([{ kind: 'parse', message: `${depthMessage()} (line ${deep})` }]);
  try {
    stmts = parseMdl(section);
  } catch (err) {
    if (err instanceof MdlSyntaxError) throw new ModelError([{ kind: 'parse', message: `${err.message} (line ${err.line}, column ${err.column})` }]);
    if (isStackOverflow(err)) throw new ModelError([{ kind: 'parse', message: depthMessage() }]);
    throw err;
  }
  const diags: Diagnostic[] = [];
  const dims = readDimensions(stmts.filter((s): s is Dim => s.k === 'dim'), diags);
  const eqs = stmts.filter((s): s is Eq => s.k === 'eq' || s.k === 'lookup');
  const byName = new Map<string, Eq[]>();
  for (const s of eqs) {
    const c = canonicalName(s.lhs.name);
    byName.set(c, [...(byName.get(c) ?? []), s]);
  }
  const sim = readControl(byName, diags);
  const lookups = new Set<string>();
  // A lookup with a data keyword on the left is data (time-value points), read without an input.
  for (const [c, list] of byName) if (list.every((s) => s.k === 'lookup' && !s.lhs.mode)) lookups.add(c);
  const data = readDataSeries(byName, diags);
  const stocks = new Set<string>();
  for (const [c, list] of byName) if (list.some((s) => s.k === 'eq' && isCall(s.expr, 'integ'))) stocks.add(c);
  const places = new Map<string, MdlPlace>();
  const variables: VariableSpec[] = [];
  const flows = new Set<string>();
  const macro = macroExpander(stmts, (list, cx) => readVariable(list, dims, cx, stocks, flows), stocks, variables);
  for (const [c, list] of byName) {
    if (c !== 'saveper' && CONTROL.includes(c)) continue;
    places.set(c, placeOfTok(list[0].lhs));
    if (data.failed.has(c)) continue;
    const series = data.series.get(c);
    if (series) {
      variables.push({ name: list[0].lhs.name, kind: 'aux', equation: 'time', gf: seriesTable(series), ...unitsAndDoc(list[0]) });
      continue;
    }
    try {
      variables.push(...readVariable(list, dims, { lookups, macro }, stocks, flows));
    } catch (err) {
      if (!(err instanceof MdlTranslateError)) throw err;
      const p = err.line ? { line: err.line, column: err.column } : placeOfTok(list[0].lhs);
      diags.push({ kind: 'parse', variable: list[0].lhs.name, message: `${err.message} (${where(p)})` });
    }
  }
  for (const v of variables) if (flows.has(canonicalName(v.name)) && v.kind === 'aux' && !v.gf) v.kind = 'flow';
  if (diags.length) throw new ModelError(diags);
  return { spec: { sim, dimensions: dims.specs, variables }, placeOf: (v) => places.get(canonicalName(v.replace(/\[.*$/, ''))) };
}

const isCall = (e: MdlExpr | null, fn: string): e is Extract<MdlExpr, { k: 'call' }> => !!e && e.k === 'call' && canonicalName(e.fn) === fn;

/** Dimensions, with subranges (a dimension whose elements all belong to a larger one) folded into their parent. */
interface Dims {
  specs: DimensionSpec[];
  /** Canonical dimension or subrange name → its canonical elements. */
  elements: Map<string, string[]>;
  /** Canonical element → canonical name of its (root) dimension. */
  dimOfElement: Map<string, string>;
  /** Subscript mappings (`->`) of the ranges. */
  mappings: Mappings;
}

function readDimensions(defs: Dim[], diags: Diagnostic[]): Dims {
  const raw = new Map<string, Dim>();
  for (const d of defs) raw.set(canonicalName(d.name), d);
  // A definition may list other dimensions (subranges) among its elements: expand them.
  const expand = (d: Dim, seen: Set<string>): string[] => d.elements.flatMap((e) => {
    const sub = raw.get(canonicalName(e));
    if (sub && !seen.has(canonicalName(e))) return expand(sub, new Set([...seen, canonicalName(e)]));
    return [e];
  });
  const elems = new Map<string, string[]>();
  for (const [c, d] of raw) if (!d.aliasOf) elems.set(c, expand(d, new Set([c])));
  const parentOf = new Map<string, string>();
  for (const [c, es] of elems) {
    const set = new Set(es.map(canonicalName));
    let best: string | undefined;
    for (const [o, os] of elems) {
      if (o === c || os.length <= es.length) continue;
      const oset = new Set(os.map(canonicalName));
      if ([...set].every((e) => oset.has(e)) && (!best || os.length > elems.get(best)!.length)) best = o;
    }
    if (best) parentOf.set(c, best);
  }
  const specs: DimensionSpec[] = [];
  const elements = new Map<string, string[]>();
  const dimOfElement = new Map<string, string>();
  for (const [c, d] of raw) {
    if (d.aliasOf) continue;
    const es = elems.get(c)!;
    if (!es.length) diags.push({ kind: 'dimension', message: `subscript range "${d.name}" has no elements (${where({ line: d.tok.startLine ?? 0, column: d.tok.startColumn ?? 0 })})` });
    elements.set(c, es.map(canonicalName));
    if (parentOf.has(c)) continue;
    specs.push({ name: d.name, elements: es });
    for (const e of es) dimOfElement.set(canonicalName(e), c);
  }
  for (const [c, p] of parentOf) {
    const spec = specs.find((s) => canonicalName(s.name) === p) ?? specs.find((s) => canonicalName(s.name) === parentOf.get(p));
    if (spec) spec.subranges = { ...(spec.subranges ?? {}), [raw.get(c)!.name]: elems.get(c)! };
  }
  for (const [c, d] of raw) {
    if (!d.aliasOf) continue;
    const target = canonicalName(d.aliasOf);
    const es = elements.get(target);
    if (!es) {
      diags.push({ kind: 'undefined', message: `subscript range "${d.name}" is equivalent to unknown range "${d.aliasOf}"` });
      continue;
    }
    const spec = specs.find((s) => canonicalName(s.name) === target);
    specs.push({ name: d.name, elements: spec ? spec.elements : es, aliasOf: d.aliasOf });
    elements.set(c, es);
  }
  return { specs, elements, dimOfElement, mappings: readMappings(defs, elements, diags) };
}

/** A constant of the control section: a number, or arithmetic on other control values. */
function constant(e: MdlExpr, byName: Map<string, Eq[]>, depth = 0): number {
  switch (e.k) {
    case 'num': return e.v;
    case 'un': return e.op === '-' ? -constant(e.a, byName, depth) : NaN;
    case 'bin': {
      const a = constant(e.a, byName, depth);
      const b = constant(e.b, byName, depth);
      return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : e.op === '/' ? a / b : e.op === '^' ? a ** b : NaN;
    }
    case 'ref': {
      const d = byName.get(canonicalName(e.name))?.[0];
      return d && d.k === 'eq' && d.expr && depth < 20 ? constant(d.expr, byName, depth + 1) : NaN;
    }
    default: return NaN;
  }
}

function readControl(byName: Map<string, Eq[]>, diags: Diagnostic[]): ModelSpec['sim'] {
  const value = (name: string, fallback?: number): number => {
    const d = byName.get(name)?.[0];
    if (!d) {
      if (fallback !== undefined) return fallback;
      diags.push({ kind: 'other', message: `the control section has no ${name.toUpperCase().replace(/_/g, ' ')}` });
      return NaN;
    }
    const v = d.k === 'eq' && d.expr ? constant(d.expr, byName) : NaN;
    if (!Number.isFinite(v)) diags.push({ kind: 'parse', message: `${d.lhs.name} must be a number (${where(placeOfTok(d.lhs))})` });
    return v;
  };
  const dt = value('time_step');
  const sim: ModelSpec['sim'] = { start: value('initial_time'), stop: value('final_time'), dt, saveStep: value('saveper', dt), method: 'euler', precision: 'single' };
  const units = byName.get('time_step')?.[0]?.units.replace(/\[.*$/, '').trim();
  if (units) sim.timeUnits = units;
  return sim;
}

/** All combinations of the subscripts' elements (a dimension stands for all its elements). */
function combos(subs: string[], dims: Dims): string[][] {
  let out: string[][] = [[]];
  for (const s of subs) {
    const c = canonicalName(s);
    const es = dims.elements.get(c) ?? [c];
    out = out.flatMap((prefix) => es.map((e) => [...prefix, e]));
  }
  return out;
}

/** A definition's units (without Vensim's range `[min, max]`) and comment, as spec fields. */
function unitsAndDoc(first: Eq): Pick<VariableSpec, 'units' | 'doc'> {
  const units = first.units.replace(/\[[^\]]*\]\s*$/, '').trim();
  return { ...(units ? { units } : {}), ...(first.doc ? { doc: first.doc } : {}) };
}

/** One variable (with the flow made for its rate, if a stock) from its equations. */
export function readVariable(list: Eq[], dims: Dims, cx: TranslateContext, stocks: Set<string>, flows: Set<string>): VariableSpec[] {
  const first = list[0];
  const name = first.lhs.name;
  const canon = canonicalName(name);
  const base = unitsAndDoc(first);
  if (first.k === 'lookup') return [{ name, kind: 'aux', equation: '', gf: { xs: first.table.xs, ys: first.table.ys, type: 'continuous' }, ...base }];
  const eqs = list as Array<Extract<Eq, { k: 'eq' }>>;
  const fail = (msg: string, lhs: MdlLhs): never => { const p = placeOfTok(lhs); throw new MdlTranslateError(msg, p.line, p.column); };
  for (const e of eqs) {
    if (!e.expr) fail(`"${name}" has no equation (data variables are not supported)`, e.lhs);
    if (e.lhs.subs.length !== first.lhs.subs.length) fail(`"${name}" is defined with ${e.lhs.subs.length} subscripts here and ${first.lhs.subs.length} elsewhere`, e.lhs);
  }
  const isStock = stocks.has(canon);
  // The variable's dimensions: the one range each position uses, or the range of its elements.
  const dimsOf = first.lhs.subs.map((_, p) => {
    const at = new Set(eqs.map((e) => canonicalName(e.lhs.subs[p])));
    if (at.size === 1) {
      const only = [...at][0];
      if (dims.elements.has(only)) return first.lhs.subs[p];
    }
    const some = [...at].map((s) => dims.dimOfElement.get(s) ?? dims.dimOfElement.get(dims.elements.get(s)?.[0] ?? '')).find(Boolean);
    if (!some) fail(`subscript "${first.lhs.subs[p]}" of "${name}" is neither a subscript range nor an element of one`, first.lhs);
    return dims.specs.find((d) => canonicalName(d.name) === some)!.name;
  });
  for (const s of eqs.flatMap((e) => e.lhs.subs)) {
    const c = canonicalName(s);
    if (!dims.elements.has(c) && !dims.dimOfElement.has(c)) fail(`subscript "${s}" of "${name}" is neither a subscript range nor an element of one`, first.lhs);
  }
  const parts = (e: MdlExpr | null): { eq: MdlExpr; rate?: MdlExpr; table?: { xs: number[]; ys: number[] } } => {
    if (isStock) {
      if (!isCall(e, 'integ') || e.args.length !== 2) return fail(`"${name}": every equation of a stock must be INTEG(rate, initial value)`, first.lhs);
      return { eq: e.args[1], rate: e.args[0] };
    }
    if (isCall(e, 'with_lookup')) {
      if (!e.table || e.args.length !== 1) return fail(`"${name}": WITH LOOKUP takes an input and a table`, first.lhs);
      return { eq: e.args[0], table: e.table };
    }
    return { eq: e! };
  };
  // Ranges on the right that map (`->`) to the equation's ranges, per equation; a range of
  // the family of one on the left (itself, a subrange, an equivalent) is read as usual.
  const familyOf = (c: string): string => dims.dimOfElement.get(dims.elements.get(c)?.[0] ?? c) ?? c;
  const mapped = eqs.map((e) => {
    const own = new Set(e.lhs.subs.map((s) => familyOf(canonicalName(s))));
    return mappedIn(e.expr!, dims.mappings, (r) => own.has(familyOf(r)));
  });
  const single = eqs.length === 1 && first.lhs.except.length === 0 && first.lhs.subs.every((s) => dims.elements.has(canonicalName(s)))
    && first.expr!.k !== 'list' && mapped[0].size === 0;
  const v: VariableSpec = { name, kind: isStock ? 'stock' : 'aux', equation: '', ...(dimsOf.length ? { dims: dimsOf } : {}), ...base };
  let rateOf: Record<string, string> | string = '';
  if (single) {
    const p = parts(first.expr);
    v.equation = translate(p.eq, cx);
    if (p.rate) rateOf = translate(p.rate, cx);
    if (p.table) v.gf = { xs: p.table.xs, ys: p.table.ys, type: 'continuous' };
    if (p.rate && decompose(p.rate, first.lhs.subs, v, stocks, cx)) {
      for (const f of [...v.inflows!, ...v.outflows!]) flows.add(canonicalName(f));
      return [v];
    }
  } else {
    const out: Record<string, string> = {};
    const rates: Record<string, string> = {};
    eqs.forEach((e, n) => {
      const except = new Set(e.lhs.except.flatMap((x) => combos(x, dims)).map((k) => k.join(',')));
      const keys = combos(e.lhs.subs, dims).filter((k) => !except.has(k.join(',')));
      const p = parts(e.expr);
      if (p.table) fail(`"${name}": WITH LOOKUP is only supported in a single equation`, e.lhs);
      const items = p.eq.k === 'list' ? p.eq.items : null;
      if (items && items.length !== keys.length) fail(`"${name}" lists ${items.length} values for ${keys.length} elements`, e.lhs);
      keys.forEach((k, i) => {
        // Bind each range on the left to this element, so `x[Dim]` on the right reads x[elem].
        const bind = new Map<string, string>();
        e.lhs.subs.forEach((s, j) => { if (dims.elements.has(canonicalName(s))) bind.set(canonicalName(s), k[j]); });
        // A mapped range reads the element that maps to this one.
        const wrong = bindMapped(mapped[n], k, dims.mappings, bind);
        if (wrong) fail(`"${name}[${k.join(',')}]": ${wrong}`, e.lhs);
        const key = k.join(',');
        out[key] = translate(items ? items[i] : p.eq, { ...cx, bind });
        if (p.rate) rates[key] = translate(p.rate, { ...cx, bind });
      });
    });
    v.equation = elementNames(out, dims);
    rateOf = elementNames(rates, dims);
  }
  if (!isStock) return [v];
  // A rate that is not a sum of flows becomes its own auxiliary, the stock's one inflow.
  const rateName = `${name} net flow`;
  v.inflows = [rateName];
  v.outflows = [];
  return [v, { name: rateName, kind: 'flow', equation: rateOf, ...(dimsOf.length ? { dims: dimsOf } : {}) }];
}

/** Per-element equations keyed by the elements' names as the model writes them. */
function elementNames(eqs: Record<string, string>, dims: Dims): Record<string, string> {
  const display = new Map<string, string>();
  for (const d of dims.specs) for (const e of d.elements) display.set(canonicalName(e), e);
  const out: Record<string, string> = {};
  for (const [k, eq] of Object.entries(eqs)) out[k.split(',').map((e) => display.get(e) ?? e).join(',')] = eq;
  return out;
}

/** If a stock's rate is a sum and difference of other variables (on the same subscripts), list them as its flows. */
function decompose(rate: MdlExpr, subs: string[], v: VariableSpec, stocks: Set<string>, cx: TranslateContext): boolean {
  const ins: string[] = [];
  const outs: string[] = [];
  const same = (a: string[]): boolean => a.length === subs.length && a.every((s, i) => canonicalName(s) === canonicalName(subs[i]));
  const walk = (e: MdlExpr, sign: 1 | -1): boolean => {
    if (e.k === 'bin' && (e.op === '+' || e.op === '-')) return walk(e.a, sign) && walk(e.b, e.op === '-' ? (-sign as 1 | -1) : sign);
    if (e.k === 'un' && e.op === '-') return walk(e.a, -sign as 1 | -1);
    const name = e.k === 'ref' ? renamed(cx, canonicalName(e.name)) : '';
    if (e.k === 'ref' && same(e.subs) && !stocks.has(name)) {
      (sign > 0 ? ins : outs).push(name === canonicalName(e.name) ? e.name : name);
      return true;
    }
    return false;
  };
  if (!walk(rate, 1)) return false;
  const all = [...ins, ...outs].map(canonicalName);
  if (new Set(all).size !== all.length) return false;
  v.inflows = ins;
  v.outflows = outs;
  return true;
}
