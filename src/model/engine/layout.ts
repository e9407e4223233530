// Model layout: variables with their dimensions, element names, parsed equations and
// slots in the flat state vector.
import type { Expr } from './ast.ts';
import { walk } from './ast.ts';
import type { DimInfo } from './dimensions.ts';
import { buildDimensions } from './dimensions.ts';
import { canonicalName } from './names.ts';
import { ENGINE_LIMITS, figure } from './limits.ts';
import { ParseFailure, parseEquation } from './parse.ts';
import type { Diagnostic, ModelSpec, VariableSpec } from './types.ts';

/** One model variable, resolved. */
export interface VarInfo {
  spec: VariableSpec;
  /** Canonical name. */
  name: string;
  display: string;
  dims: DimInfo[];
  /** Number of elements (1 for scalars). */
  size: number;
  /** Row-major strides per dimension. */
  strides: number[];
  /** First slot in the state vector. */
  base: number;
  /** Parsed equation per element (null when it failed to parse or is missing). */
  exprs: (Expr | null)[];
  /** Equation text per element (for positions in diagnostics). */
  texts: string[];
  /** Column name per element: `name`, `name[e]`, `name[a,b]`. */
  columns: string[];
  /** Constant value per element when the variable is an aux whose equations are plain numbers. */
  constValues: number[] | null;
}

/** The laid-out model. */
export interface Layout {
  dims: Map<string, DimInfo>;
  vars: Map<string, VarInfo>;
  order: VarInfo[];
  /** Slots used by model variables (hidden slots follow). */
  nSlots: number;
}

/** Element positions (one per dimension) of flat element index `i`. */
export function positionsOf(v: VarInfo, i: number): number[] {
  return v.dims.map((d, k) => Math.floor(i / v.strides[k]) % d.elements.length);
}

/** Fold an expression made only of numbers and arithmetic; undefined otherwise. */
export function foldConstant(e: Expr): number | undefined {
  switch (e.k) {
    case 'num':
      return e.v;
    case 'un': {
      const a = foldConstant(e.a);
      if (a === undefined) return undefined;
      return e.op === '-' ? -a : e.op === '+' ? a : a === 0 ? 1 : 0;
    }
    case 'bin': {
      const a = foldConstant(e.a);
      const b = foldConstant(e.b);
      if (a === undefined || b === undefined) return undefined;
      switch (e.op) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return a / b;
        case '^': return Math.pow(a, b);
        default: return undefined;
      }
    }
    default:
      return undefined;
  }
}

/** Per-element equations by canonical key ("a,b"); `*` or a dimension name matches any element there. */
function equationIndex(v: VariableSpec): Map<string, string> | null {
  if (typeof v.equation === 'string') return null;
  const index = new Map<string, string>();
  for (const [k, text] of Object.entries(v.equation)) index.set(k.split(',').map(canonicalName).join(','), text);
  return index;
}

function equationFor(v: VariableSpec, index: Map<string, string> | null, key: string[], dims: DimInfo[]): string | undefined {
  if (index === null) return v.equation as string;
  const canon = key.map(canonicalName);
  const exact = index.get(canon.join(','));
  if (exact !== undefined) return exact;
  for (const [k, text] of index) {
    const parts = k.split(',');
    if (parts.length === canon.length && parts.every((p, i) => p === canon[i] || p === '*' || p === dims[i].name)) return text;
  }
  return undefined;
}

/** What is wrong with the shape of a variable spec (from JSON, say), or undefined. */
function shapeProblem(v: VariableSpec): string | undefined {
  if (!v || typeof v !== 'object') return 'is not an object';
  if (typeof v.name !== 'string' || v.name.trim() === '') return 'has no name';
  if (!['stock', 'flow', 'aux'].includes(v.kind)) return `kind must be stock, flow or aux (got ${JSON.stringify(v.kind)})`;
  const eq = v.equation as unknown;
  if (typeof eq !== 'string' && (!eq || typeof eq !== 'object' || Object.values(eq).some((x) => typeof x !== 'string'))) {
    return 'equation must be text, or an object of texts by element';
  }
  for (const k of ['inflows', 'outflows', 'dims'] as const) {
    const l = v[k] as unknown;
    if (l !== undefined && (!Array.isArray(l) || l.some((x) => typeof x !== 'string'))) return `${k} must be a list of names`;
  }
  const gf = v.gf;
  if (gf !== undefined) {
    if (!Array.isArray(gf.xs) || !Array.isArray(gf.ys) || gf.xs.length !== gf.ys.length || gf.xs.length === 0) {
      return 'graphical function needs xs and ys of the same, non-zero length';
    }
    if ([...gf.xs, ...gf.ys].some((x) => typeof x !== 'number' || !Number.isFinite(x))) return 'graphical function points must be finite numbers';
    for (let i = 1; i < gf.xs.length; i++) if (gf.xs[i] < gf.xs[i - 1]) return 'graphical function xs must be ascending';
  }
  return undefined;
}

/** Resolve dimensions and variables, parse every equation once, allocate slots. */
export function buildLayout(spec: ModelSpec, diags: Diagnostic[]): Layout {
  const dims = buildDimensions(spec.dimensions ?? [], diags);
  // An apply-to-all equation is the same text for every element, and per-element tables
  // repeat numbers: parse each distinct text once (trees are never modified after parsing).
  const parsedTexts = new Map<string, Expr | ParseFailure>();
  const parseOnce = (text: string): Expr | ParseFailure => {
    let r = parsedTexts.get(text);
    if (r === undefined) {
      try {
        r = parseEquation(text);
      } catch (err) {
        r = err instanceof ParseFailure ? err : new ParseFailure((err as Error).message);
      }
      parsedTexts.set(text, r);
    }
    return r;
  };
  const vars = new Map<string, VarInfo>();
  const order: VarInfo[] = [];
  let slot = 0;
  if (!Array.isArray(spec.variables)) {
    diags.push({ kind: 'other', message: 'the model has no "variables" list' });
    return { dims, vars, order, nSlots: 0 };
  }
  for (const [i, vs] of spec.variables.entries()) {
    const bad = shapeProblem(vs);
    if (bad) {
      const who = typeof vs?.name === 'string' ? vs.name : `variable #${i + 1}`;
      diags.push({ kind: 'other', variable: who, message: bad });
      continue;
    }
    const name = canonicalName(vs.name);
    if (vars.has(name)) {
      diags.push({ kind: 'other', variable: vs.name, message: `"${vs.name}" is defined more than once` });
      continue;
    }
    const vdims: DimInfo[] = [];
    for (const dn of vs.dims ?? []) {
      const d = dims.get(canonicalName(dn));
      if (!d) diags.push({ kind: 'dimension', variable: vs.name, message: `unknown dimension "${dn}"` });
      else vdims.push(d);
    }
    if (vdims.length !== (vs.dims ?? []).length) continue;
    const strides = vdims.map(() => 1);
    for (let k = vdims.length - 2; k >= 0; k--) strides[k] = strides[k + 1] * vdims[k + 1].elements.length;
    const size = vdims.reduce((n, d) => n * d.elements.length, 1);
    if (size > ENGINE_LIMITS.variableElements) {
      // Before the per-element loop below, which would allocate a name and equation per element.
      diags.push({ kind: 'dimension', variable: vs.name, message: `"${vs.name}" has ${figure(size)} elements (${vdims.map((d) => d.elements.length).join(' × ')}), over the cap of ${figure(ENGINE_LIMITS.variableElements)}` });
      continue;
    }
    const info: VarInfo = {
      spec: vs, name, display: vs.name, dims: vdims, size, strides, base: slot,
      exprs: [], texts: [], columns: [], constValues: null,
    };
    slot += size;
    const index = equationIndex(vs);
    for (let i = 0; i < size; i++) {
      const pos = positionsOf(info, i);
      const elems = pos.map((p, k) => vdims[k].elements[p]);
      info.columns.push(vdims.length ? `${vs.name}[${elems.join(',')}]` : vs.name);
      const text = equationFor(vs, index, elems, vdims);
      info.texts.push(text ?? '');
      if (text === undefined) {
        diags.push({ kind: 'other', variable: info.columns[i], message: `no equation for element ${info.columns[i]}` });
        info.exprs.push(null);
        continue;
      }
      if (text.trim() === '' && vs.gf) {
        // A graphical function with no input is only a table (called as a function).
        info.exprs.push(null);
        continue;
      }
      const parsed = parseOnce(text);
      if (parsed instanceof ParseFailure) {
        diags.push({ kind: 'parse', variable: vs.name, message: parsed.message, position: parsed.position });
        info.exprs.push(null);
      } else {
        info.exprs.push(parsed);
      }
    }
    if (vs.kind === 'aux' && !vs.gf && info.exprs.every((e) => e !== null)) {
      const values = info.exprs.map((e) => foldConstant(e!));
      if (values.every((x) => x !== undefined)) info.constValues = values as number[];
    }
    vars.set(name, info);
    order.push(info);
  }
  return { dims, vars, order, nSlots: slot };
}

/** Canonical names of the variables an expression refers to (for the dependency graph). */
export function referencedNames(e: Expr, out: Set<string>): void {
  walk(e, (n) => {
    if (n.k === 'ref') out.add(n.name);
    if (n.k === 'call') out.add(n.fn);
  });
}
