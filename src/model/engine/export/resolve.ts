// What both exporters need from a ModelSpec: the dimension table, each variable's
// dimensions, and every equation parsed with its references resolved to explicit
// subscripts (an element, a dimension of the equation, or a position summed over), the way
// the engine's lowering binds them. Formats then print these trees in their own syntax.
import type { BinOp, Expr, Sub } from '../ast.ts';
import { BUILTINS } from '../builtins.ts';
import type { DimInfo } from '../dimensions.ts';
import { buildDimensions } from '../dimensions.ts';
import { canonicalName } from '../names.ts';
import { parseEquation, ParseFailure } from '../parse.ts';
import type { Diagnostic, ModelSpec, VariableSpec } from '../types.ts';
import { refuse } from './refusal.ts';

/** One resolved subscript of a reference. */
export type RSub =
  | { k: 'elem'; dim: DimInfo; elem: string }
  /** The equation's own dimension `dim` (bound by its left-hand side, or by the reduction around it). */
  | { k: 'dim'; dim: DimInfo }
  /** `x[*]`: every element of `dim`, inside a reduction. */
  | { k: 'wild'; dim: DimInfo };

/** A resolved expression: the engine's tree with explicit subscripts on every array reference. */
export type RExpr =
  | { k: 'num'; v: number }
  | { k: 'var'; v: ExportVar; subs: RSub[] }
  /** A builtin symbol (time, dt, …) or a dimension name used as a value. */
  | { k: 'sym'; name: string; dim?: DimInfo }
  | { k: 'call'; fn: string; raw: string; args: RExpr[]; gf?: ExportVar }
  | { k: 'bin'; op: BinOp; a: RExpr; b: RExpr }
  | { k: 'un'; op: '-' | '+' | 'not'; a: RExpr }
  | { k: 'cond'; c: RExpr; a: RExpr; b: RExpr };

/** A variable as the exporters see it. */
export interface ExportVar {
  spec: VariableSpec;
  canon: string;
  dims: DimInfo[];
}

/** A parsed model ready to print. */
export interface ExportModel {
  spec: ModelSpec;
  dims: Map<string, DimInfo>;
  vars: Map<string, ExportVar>;
  /** Variables in model order. */
  order: ExportVar[];
}

/** Build the dimension table and variable index of `spec`; refuses a model the engine would reject there. */
export function exportModel(spec: ModelSpec, format: string): ExportModel {
  const diags: Diagnostic[] = [];
  const dims = buildDimensions(spec.dimensions ?? [], diags);
  if (diags.length) refuse(format, diags.map((d) => ({ variable: d.variable ?? '(dimensions)', construct: d.message })));
  const vars = new Map<string, ExportVar>();
  const order: ExportVar[] = [];
  for (const v of spec.variables) {
    const vd = (v.dims ?? []).map((d) => {
      const info = dims.get(canonicalName(d));
      if (!info) refuse(format, [{ variable: v.name, construct: `unknown dimension "${d}"` }]);
      return info;
    });
    const ev: ExportVar = { spec: v, canon: canonicalName(v.name), dims: vd };
    vars.set(ev.canon, ev);
    order.push(ev);
  }
  return { spec, dims, vars, order };
}

/** How the left-hand side binds a dimension: apply-to-all (no element) or one element. */
export interface Binding {
  dim: DimInfo;
  elem?: string;
}

/** The bindings of an apply-to-all equation of `v`, or of its element `key` ("a" / "a,b"). */
export function bindingsOf(v: ExportVar, key?: string): Map<string, Binding> {
  const env = new Map<string, Binding>();
  const elems = key === undefined ? undefined : key.split(',').map((s) => s.trim());
  v.dims.forEach((d, i) => env.set(d.name, elems ? { dim: d, elem: d.elements[d.elemIndex.get(canonicalName(elems[i]))!] ?? elems[i] } : { dim: d }));
  return env;
}

/** Parse and resolve one equation of `v` in `env`; refusals name the variable (`owner`). */
export function resolveEquation(m: ExportModel, v: ExportVar, text: string, env: Map<string, Binding>, owner: string, format: string): RExpr {
  let e: Expr;
  try {
    e = parseEquation(text);
  } catch (err) {
    if (err instanceof ParseFailure) refuse(format, [{ variable: owner, construct: `equation does not parse (${err.message})` }]);
    throw err;
  }
  return resolve(e, { m, env, owner, format, free: new Map() });
}

/** Resolve a bare reference to the variable named `name` (a stock's flow) in `env`. */
export function resolveName(m: ExportModel, name: string, env: Map<string, Binding>, owner: string, format: string): RExpr {
  return resolveRef({ k: 'ref', name: canonicalName(name), raw: name, subs: null }, { m, env, owner, format, free: new Map() });
}

interface Rx {
  m: ExportModel;
  env: Map<string, Binding>;
  /** Dimensions a surrounding reduction iterates (named free dims and `*` keys). */
  free: Map<string, DimInfo>;
  owner: string;
  format: string;
}

function no(cx: Rx, construct: string): never {
  refuse(cx.format, [{ variable: cx.owner, construct }]);
}

function resolve(e: Expr, cx: Rx): RExpr {
  switch (e.k) {
    case 'num':
      return e;
    case 'un':
      return { k: 'un', op: e.op, a: resolve(e.a, cx) };
    case 'bin':
      return { k: 'bin', op: e.op, a: resolve(e.a, cx), b: resolve(e.b, cx) };
    case 'cond':
      return { k: 'cond', c: resolve(e.c, cx), a: resolve(e.a, cx), b: resolve(e.b, cx) };
    case 'ref':
      return resolveRef(e, cx);
    case 'call': {
      const gf = cx.m.vars.get(e.fn);
      if (gf?.spec.gf && !BUILTINS[e.fn]) return { k: 'call', fn: e.fn, raw: e.raw, args: e.args.map((a) => resolve(a, cx)), gf };
      if (BUILTINS[e.fn]?.kind === 'reduce' && e.args.length === 1) {
        const free = new Map(cx.free);
        for (const [k, d] of freeDims(e.args[0], cx)) free.set(k, d);
        return { k: 'call', fn: e.fn, raw: e.raw, args: [resolve(e.args[0], { ...cx, free })] };
      }
      if (e.fn === 'lookup') {
        const t = e.args[0];
        const lv = t?.k === 'ref' ? cx.m.vars.get(t.name) : undefined;
        if (!lv?.spec.gf) no(cx, 'LOOKUP whose first argument is not a graphical function');
        return { k: 'call', fn: lv.canon, raw: lv.spec.name, args: [resolve(e.args[1], cx)], gf: lv };
      }
      if (!BUILTINS[e.fn]) no(cx, `unknown function "${e.raw}"`);
      return { k: 'call', fn: e.fn, raw: e.raw, args: e.args.map((a) => resolve(a, cx)) };
    }
  }
}

/** The binding a bare reference over `dx` takes (same dimension, else the one of the same root), as the engine does. */
function implicit(dx: DimInfo, cx: Rx): Binding | undefined | 'ambiguous' {
  const direct = cx.env.get(dx.name);
  if (direct) return direct;
  const freeDirect = cx.free.get(dx.name);
  if (freeDirect) return { dim: freeDirect };
  let found: Binding | undefined;
  for (const b of [...cx.env.values(), ...[...cx.free].filter(([k]) => !k.startsWith('*')).map(([, d]) => ({ dim: d }))]) {
    if (b.dim.root !== dx.root) continue;
    if (found && found.dim !== b.dim) return 'ambiguous';
    found = b;
  }
  return found;
}

function bound(b: Binding): RSub {
  return b.elem !== undefined ? { k: 'elem', dim: b.dim, elem: b.elem } : { k: 'dim', dim: b.dim };
}

function resolveRef(e: Extract<Expr, { k: 'ref' }>, cx: Rx): RExpr {
  const v = cx.m.vars.get(e.name);
  if (!v) {
    if (e.subs === null) {
      const dim = cx.m.dims.get(e.name);
      if (dim && (cx.env.has(dim.name) || cx.free.has(dim.name))) return { k: 'sym', name: e.name, dim };
      return { k: 'sym', name: e.name };
    }
    no(cx, `reference to undefined "${e.raw}"`);
  }
  if (e.subs && e.subs.length !== v.dims.length) no(cx, `"${e.raw}" used with ${e.subs.length} subscript(s) for ${v.dims.length} dimension(s)`);
  const subs = v.dims.map((dx, p): RSub => {
    const s: Sub | undefined = e.subs ? e.subs[p] : undefined;
    if (s === undefined) {
      const b = implicit(dx, cx);
      if (b === undefined || b === 'ambiguous') no(cx, `"${e.raw}" over "${dx.display}" has no unambiguous subscript here`);
      return bound(b);
    }
    if (s.k === 'wild') return { k: 'wild', dim: dx };
    if (s.k === 'index') return { k: 'elem', dim: dx, elem: dx.elements[s.value - 1] };
    const ei = dx.elemIndex.get(s.name);
    if (ei !== undefined) return { k: 'elem', dim: dx, elem: dx.elements[ei] };
    const b = cx.env.get(s.name);
    if (b) return bound(b);
    const f = cx.free.get(s.name);
    if (f) return { k: 'dim', dim: f };
    no(cx, `"${e.raw}[${s.name}]": "${s.name}" is neither an element of "${dx.display}" nor a bound dimension`);
  });
  return { k: 'var', v, subs };
}

/** Dimensions a reduction's argument leaves free (as the engine's lowering finds them). */
function freeDims(arg: Expr, cx: Rx): Map<string, DimInfo> {
  const free = new Map<string, DimInfo>();
  const visit = (n: Expr): void => {
    if (n.k === 'call') {
      if (BUILTINS[n.fn]?.kind === 'reduce' && !cx.m.vars.has(n.fn)) return;
      n.args.forEach(visit);
      return;
    }
    if (n.k === 'bin') { visit(n.a); visit(n.b); return; }
    if (n.k === 'un') { visit(n.a); return; }
    if (n.k === 'cond') { visit(n.c); visit(n.a); visit(n.b); return; }
    if (n.k !== 'ref') return;
    const v = cx.m.vars.get(n.name);
    if (!v || (n.subs && n.subs.length !== v.dims.length)) return;
    v.dims.forEach((dx, p) => {
      const sub = n.subs ? n.subs[p] : undefined;
      if (sub === undefined) {
        if (implicit(dx, cx) === undefined && !free.has(dx.name)) free.set(dx.name, dx);
      } else if (sub.k === 'wild') {
        if (!free.has(`*${dx.name}`)) free.set(`*${dx.name}`, dx);
      } else if (sub.k === 'name' && !dx.elemIndex.has(sub.name)) {
        const d = cx.m.dims.get(sub.name);
        if (d && !cx.env.has(d.name) && !cx.free.has(d.name) && !free.has(d.name)) free.set(d.name, d);
      }
    });
  };
  visit(arg);
  return free;
}

/** Elements of `v` in row-major order, as "a" / "a,b" keys. */
export function elementKeys(v: ExportVar): string[] {
  let keys: string[][] = [[]];
  for (const d of v.dims) keys = keys.flatMap((k) => d.elements.map((e) => [...k, e]));
  return keys.map((k) => k.join(','));
}

/** The element equations of `v` keyed by its own element order (keys normalised), or undefined for apply-to-all. */
export function elementEquations(v: ExportVar, owner: string, format: string): Map<string, string> | undefined {
  if (typeof v.spec.equation === 'string') return undefined;
  const byCanon = new Map<string, string>();
  for (const [k, eq] of Object.entries(v.spec.equation)) byCanon.set(k.split(',').map((s) => canonicalName(s)).join(','), eq);
  const out = new Map<string, string>();
  for (const key of elementKeys(v)) {
    const eq = byCanon.get(key.split(',').map((s) => canonicalName(s)).join(','));
    if (eq === undefined) refuse(format, [{ variable: owner, construct: `no equation for element [${key}]` }]);
    out.set(key, eq);
  }
  return out;
}
