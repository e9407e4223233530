// XMILE import: read a .xmile/.stmx document into a ModelSpec (equations translated into
// the native language). Runs in browsers (fast-xml-parser, no Node APIs).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ModelError } from '../engine/errors.ts';
import type { Diagnostic, DimensionSpec, GraphicalSpec, Method, ModelSpec, VariableKind, VariableSpec } from '../engine/types.ts';
import { XmileExprError, mapPositionToXmile, translateExpression, type MacroCalls } from './expression.ts';
import { macroCalls, readMacros, type MacroDef } from './macro.ts';
import { canonicalName } from '../engine/names.ts';
import { ENGINE_LIMITS, figure } from '../engine/limits.ts';

type Node = Record<string, unknown>;

// Elements that may repeat: always read as arrays.
const ARRAYS = new Set(['eqn', 'model', 'stock', 'flow', 'aux', 'gf', 'dim', 'elem', 'inflow', 'outflow', 'element', 'module', 'macro', 'group']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  textNodeName: '#text',
  isArray: (name) => ARRAYS.has(name),
});

function text(x: unknown): string {
  if (x === undefined || x === null) return '';
  if (typeof x === 'string') return x;
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  if (Array.isArray(x)) return text(x[0]);
  const t = (x as Node)['#text'];
  return t === undefined ? '' : text(t);
}

const attr = (n: Node | undefined, a: string): string | undefined => {
  const v = n?.[`@_${a}`];
  return v === undefined ? undefined : String(v);
};

const list = (x: unknown): Node[] => (Array.isArray(x) ? (x as Node[]) : x === undefined || x === '' ? [] : [x as Node]);

/** XMILE display names: `\n` escapes become spaces, quotes dropped, whitespace collapsed. */
export function xmileName(raw: string): string {
  let s = raw.trim();
  if (s.startsWith('"') && s.endsWith('"') && s.length >= 2) s = s.slice(1, -1);
  return s.replace(/\\n/g, ' ').replace(/\\"/g, '"').replace(/\s+/g, ' ');
}

/** A flag element such as <non_negative/>: present and not "false". */
function flag(n: Node, key: string): boolean | undefined {
  if (!(key in n)) return undefined;
  return text(n[key]).trim().toLowerCase() !== 'false';
}

function num(s: string, what: string, diags: Diagnostic[]): number {
  const v = Number(s.trim());
  if (s.trim() === '' || !Number.isFinite(v)) {
    diags.push({ kind: 'parse', message: `<${what}> must be a number (got "${s.trim()}")` });
    return NaN;
  }
  return v;
}

/** Numeric conventions of the tool that wrote the file. */
interface Vendor {
  /** Vensim's own XMILE export writes method="RK4" whatever the model's method; its runs are Euler. */
  ignoreMethod: boolean;
  /** Models converted by xmutil come from single-precision Vensim. */
  single: boolean;
  /** Written by Vensim (directly or through xmutil): Vensim's INTEGER and MODULO. */
  vensim: boolean;
}

function readVendor(header: Node | undefined): Vendor {
  const who = `${text(header?.vendor)} ${text(header?.product)}`.toLowerCase();
  return {
    ignoreMethod: who.includes('ventana') && !who.includes('xmutil'), single: who.includes('xmutil'),
    vensim: who.includes('ventana') || who.includes('vensim'),
  };
}

function readSim(ss: Node | undefined, vendor: Vendor, diags: Diagnostic[]): ModelSpec['sim'] {
  if (!ss) {
    diags.push({ kind: 'other', message: 'the model has no <sim_specs> (start, stop, dt)' });
    return { start: 0, stop: 0, dt: 1 };
  }
  const start = num(text(ss.start), 'start', diags);
  const stop = num(text(ss.stop), 'stop', diags);
  let dt = 1;
  if (ss.dt !== undefined) {
    dt = num(text(ss.dt), 'dt', diags);
    const dtNode = ss.dt as Node;
    if (typeof dtNode === 'object' && attr(dtNode, 'reciprocal')?.toLowerCase() === 'true') dt = 1 / dt;
  }
  const sim: ModelSpec['sim'] = { start, stop, dt };
  const m = attr(ss, 'method')?.toLowerCase();
  if (m && !vendor.ignoreMethod) sim.method = (m.startsWith('rk') ? 'rk4' : 'euler') as Method;
  if (vendor.single) sim.precision = 'single';
  const tu = attr(ss, 'time_units');
  if (tu) sim.timeUnits = tu;
  const save = ss.save_step ?? ss.savestep ?? ss.save_interval;
  const saveAttr = attr(ss, 'save_interval') ?? attr(ss, 'save_step');
  if (save !== undefined) sim.saveStep = num(text(save), 'save_step', diags);
  else if (saveAttr !== undefined) sim.saveStep = num(saveAttr, 'save_interval', diags);
  // chengyu-sim's extension elements (namespace prefix dropped by the parser): how it saves.
  if (text(ss.save_mode).trim() === 'interval-mean') sim.saveMode = 'interval-mean';
  if (text(ss.precision).trim() === 'single') sim.precision = 'single';
  return sim;
}

function readDims(node: Node | undefined, diags: Diagnostic[]): DimensionSpec[] {
  return list(node?.dim).map((d) => {
    const name = xmileName(attr(d, 'name') ?? '');
    const elems = list(d.elem).map((e) => xmileName(attr(e, 'name') ?? ''));
    const size = Number(attr(d, 'size') ?? 0);
    // Checked before the element names are made: size="2000000000" must not exhaust memory.
    if (!elems.length && !(Number.isSafeInteger(size) && size >= 0 && size <= ENGINE_LIMITS.dimensionElements)) {
      diags.push({ kind: 'dimension', message: `dimension "${name}" has size ${attr(d, 'size')}; allowed: a whole number up to the cap of ${figure(ENGINE_LIMITS.dimensionElements)} elements` });
      return { name, elements: [] };
    }
    const elements = elems.length ? elems : Array.from({ length: size }, (_, i) => String(i + 1));
    // chengyu-sim's extension: this dimension is an alias of another (same elements, own index).
    const aliasOf = xmileName(text(d.alias_of));
    return aliasOf ? { name, elements, aliasOf } : { name, elements };
  });
}

function readGf(g: Node, owner: string, diags: Diagnostic[]): GraphicalSpec | undefined {
  const splitPts = (x: unknown): number[] => {
    const sep = typeof x === 'object' && x ? attr(x as Node, 'sep') ?? ',' : ',';
    return text(x).split(sep).map((s) => s.trim()).filter((s) => s !== '').map(Number);
  };
  const ys = splitPts(g.ypts);
  let xs: number[];
  if (g.xpts !== undefined) xs = splitPts(g.xpts);
  else {
    const xscale = g.xscale as Node | undefined;
    const lo = Number(attr(xscale, 'min') ?? 0);
    const hi = Number(attr(xscale, 'max') ?? ys.length - 1);
    xs = ys.map((_, i) => (ys.length === 1 ? lo : lo + ((hi - lo) * i) / (ys.length - 1)));
  }
  if (!ys.length || xs.length !== ys.length || [...xs, ...ys].some((v) => !Number.isFinite(v))) {
    diags.push({ kind: 'parse', variable: owner, message: `graphical function of "${owner}" has unreadable points (${xs.length} x, ${ys.length} y)` });
    return undefined;
  }
  const type = attr(g, 'type')?.toLowerCase();
  const discrete = attr(g, 'discrete')?.toLowerCase() === 'true';
  return { xs, ys, type: type === 'discrete' || discrete ? 'discrete' : type === 'extrapolate' ? 'extrapolate' : 'continuous' };
}

/** How names of one (sub)model map to the flattened model: prefix and local names. */
interface Scope {
  prefix: string;
  local: Set<string>;
  /** The document's macros, when it defines any. */
  macros?: MacroCalls;
  /** Set while translating an apply-to-all arrayed equation: the variable's name. */
  arrayed?: string;
  /** The file was written by Vensim (its integer arithmetic applies). */
  vensim?: boolean;
}

const ROOT: Scope = { prefix: '', local: new Set() };

function scopedName(scope: Scope, canon: string): string {
  return scope.prefix && scope.local.has(canon) ? canonicalName(`${scope.prefix}${canon}`) : canon;
}

/** Original XMILE equations by translated-variable name, for mapping diagnostic positions back. */
let sources: Map<string, { xmile: string; native: string; scope: Scope }> | null = null;

function translate(eqn: string, owner: string, diags: Diagnostic[], scope: Scope = ROOT): string {
  // Empty, or only a {comment} (a module input left for its connection).
  if (eqn.replace(/\{[^}]*\}/g, '').trim() === '') return '';
  try {
    const macros = scope.macros && scope.arrayed ? refuseArrayedCalls(scope.macros, scope.arrayed) : scope.macros;
    const native = translateExpression(eqn, (n) => scopedName(scope, n), { macros, vensim: scope.vensim });
    sources?.set(owner, { xmile: eqn, native, scope });
    return native;
  } catch (err) {
    if (err instanceof XmileExprError) {
      diags.push({ kind: 'parse', variable: owner, message: `equation "${eqn.trim().slice(0, 80)}": ${err.message}`, position: err.position });
      return '0';
    }
    throw err;
  }
}

// A macro's copy is scalar: called from an apply-to-all arrayed equation it would give
// every element the same value, so such a call is refused rather than run wrongly.
function refuseArrayedCalls(macros: MacroCalls, owner: string): MacroCalls {
  return {
    has: macros.has,
    call: (fn, _args, position) => {
      throw new XmileExprError(`macro ${fn} is called in the arrayed equation of "${owner}"; macros are supported in scalar and per-element equations only`, position);
    },
  };
}

/** Numbers listed for an array ("1, 2, 3" or "1,2;3,4"), or undefined if the text is an expression. */
function numberList(eqn: string): Array<number | string> | undefined {
  const parts = eqn.trim().replace(/;$/, '').split(/[,;]/).map((s) => s.trim());
  if (parts.length < 2 || parts.some((p) => p === '' || !Number.isFinite(Number(p)))) return undefined;
  return parts.map(Number);
}

function readVariable(n: Node, kind: VariableKind, dims: DimensionSpec[], behavior: { stock: boolean; flow: boolean }, diags: Diagnostic[], scope: Scope = ROOT): VariableSpec {
  const name = scope.prefix + xmileName(attr(n, 'name') ?? '');
  const v: VariableSpec = { name, kind, equation: '' };
  const vdims = list((n.dimensions as Node | undefined)?.dim).map((d) => xmileName(attr(d, 'name') ?? ''));
  if (vdims.length) v.dims = vdims;
  const elements = list(n.element);
  if (elements.length) {
    const eqs: Record<string, string> = {};
    for (const el of elements) {
      const sub = (attr(el, 'subscript') ?? '').split(',').map((s) => xmileName(s)).join(',');
      eqs[sub] = translate(text(el.eqn), `${name}[${sub}]`, diags, scope);
    }
    v.equation = eqs;
  } else {
    const eqns = list(n.eqn).map(text);
    const raw = eqns[0] ?? '';
    // One number per element ("1, 2, 3"), or one <eqn> per element (Vensim's export).
    const values = vdims.length ? (eqns.length > 1 ? eqns : numberList(raw)) : undefined;
    if (values) {
      const sizes = vdims.map((d) => dims.find((x) => x.name.toLowerCase() === d.toLowerCase())?.elements ?? []);
      const total = sizes.reduce((a, e) => a * e.length, 1);
      if (values.length !== total) {
        diags.push({ kind: 'dimension', variable: name, message: `lists ${values.length} values for ${total} elements` });
      } else {
        const eqs: Record<string, string> = {};
        values.forEach((x, i) => {
          let r = i;
          const key: string[] = [];
          for (let k = sizes.length - 1; k >= 0; k--) {
            key.unshift(sizes[k][r % sizes[k].length]);
            r = Math.floor(r / sizes[k].length);
          }
          eqs[key.join(',')] = typeof x === 'number' ? String(x) : translate(x, `${name}[${key.join(',')}]`, diags, scope);
        });
        v.equation = eqs;
      }
    } else {
      v.equation = translate(raw, name, diags, vdims.length ? { ...scope, arrayed: name } : scope);
    }
  }
  if (kind === 'stock') {
    const flowName = (x: Node) => (scope.prefix ? scope.prefix : '') + xmileName(text(x));
    v.inflows = list(n.inflow).map(flowName);
    v.outflows = list(n.outflow).map(flowName);
  }
  const nn = flag(n, 'non_negative');
  const nonNeg = nn ?? (kind === 'stock' ? behavior.stock : kind === 'flow' ? behavior.flow : false);
  if (nonNeg && kind !== 'aux') v.nonNegative = true;
  const gf = list(n.gf)[0];
  if (gf) {
    const g = readGf(gf, name, diags);
    if (g) v.gf = g;
  }
  const units = text(n.units).trim();
  if (units) v.units = units;
  const doc = text(n.doc).trim();
  if (doc) v.doc = doc;
  // chengyu-sim's extension: report the value at the saved time under interval-mean saving.
  if (text(n.save).trim() === 'instant') v.save = 'instant';
  return v;
}

/**
 * The element holding a model's variables: <variables>, or the <model> itself in the
 * legacy layout of Stella 10 era files, which list stocks, flows and auxiliaries directly.
 */
function variablesOf(model: Node): Node {
  const v = model.variables;
  if (v !== undefined) return typeof v === 'object' && v ? (v as Node) : {};
  return model;
}

/** The variables of one model, with its modules flattened in as `module.variable`. */
function readModelVariables(vars: Node, scope: Scope, models: Node[], dims: DimensionSpec[],
  behavior: { stock: boolean; flow: boolean }, diags: Diagnostic[], depth: number): VariableSpec[] {
  const out: VariableSpec[] = [];
  for (const [tag, kind] of [['stock', 'stock'], ['flow', 'flow'], ['aux', 'aux']] as const) {
    for (const n of list(vars[tag])) out.push(readVariable(n, kind, dims, behavior, diags, scope));
  }
  for (const g of list(vars.gf)) {
    const name = scope.prefix + xmileName(attr(g, 'name') ?? '');
    const gf = readGf(g, name, diags);
    if (gf) out.push({ name, kind: 'aux', equation: '', gf });
  }
  for (const m of list(vars.module)) {
    const modName = xmileName(attr(m, 'name') ?? '');
    const sub = models.find((x) => xmileName(attr(x, 'name') ?? '').toLowerCase() === modName.toLowerCase());
    if (!sub || depth > 20) {
      diags.push({ kind: 'other', message: `<module name="${modName}">: no <model name="${modName}"> to instantiate` });
      continue;
    }
    const subVars = variablesOf(sub);
    const local = new Set<string>();
    for (const tag of ['stock', 'flow', 'aux', 'gf', 'module']) for (const n of list(subVars[tag])) local.add(canonicalName(xmileName(attr(n, 'name') ?? '')));
    const inner: Scope = { ...scope, prefix: `${scope.prefix}${modName}.`, local };
    const flat = readModelVariables(subVars, inner, models, dims, behavior, diags, depth + 1);
    // Connections: an input of the module takes the value of a variable outside it
    // ("from" is relative to the enclosing model; a leading "." names its own variable).
    for (const c of list(m.connect)) {
      // Stella names the input with the module's own prefix (to="hares.area"), XMILE without.
      const toRaw = xmileName(attr(c, 'to') ?? '');
      const own = `${modName}.`;
      const to = `${inner.prefix}${toRaw.toLowerCase().startsWith(own.toLowerCase()) && !local.has(canonicalName(toRaw)) ? toRaw.slice(own.length) : toRaw}`;
      const fromRaw = xmileName(attr(c, 'from') ?? '').replace(/^\./, '');
      const from = canonicalName(`${scope.prefix}${fromRaw}`);
      const i = flat.findIndex((v) => canonicalName(v.name) === canonicalName(to));
      if (i < 0) {
        diags.push({ kind: 'undefined', message: `<module name="${modName}">: <connect to="${attr(c, 'to')}"> names no variable of the module` });
        continue;
      }
      flat[i] = { name: flat[i].name, kind: 'aux', equation: from };
    }
    out.push(...flat);
  }
  return out;
}

/** The name of a macro copy's result variable: the macro's name, unless one of its variables has it. */
function resultName(def: MacroDef): string {
  const own = new Set(['stock', 'flow', 'aux', 'gf'].flatMap((tag) => list(def.variables[tag]).map((n) => canonicalName(xmileName(attr(n, 'name') ?? '')))));
  return own.has(canonicalName(def.name)) ? `${def.name} result` : def.name;
}

/** The variables of one copy of a macro under `prefix`: its parameters, own variables and result. */
function macroCopy(def: MacroDef, prefix: string, args: Array<string | undefined>, outer: Scope,
  readVars: (vars: Node, scope: Scope) => VariableSpec[], diags: Diagnostic[]): VariableSpec[] {
  const result = resultName(def);
  const local = new Set([result, ...def.parms.map((p) => p.name)].map(canonicalName));
  for (const tag of ['stock', 'flow', 'aux', 'gf', 'module']) for (const n of list(def.variables[tag])) local.add(canonicalName(xmileName(attr(n, 'name') ?? '')));
  const inner: Scope = { ...outer, prefix, local, arrayed: undefined };
  const out: VariableSpec[] = def.parms.map((p, i) => ({
    name: prefix + p.name, kind: 'aux',
    // An omitted argument takes the parameter's default, which may name the other parameters.
    equation: args[i] ?? translate(p.default ?? '', prefix + p.name, diags, inner),
  }));
  out.push(...readVars(def.variables, inner));
  out.push({ name: prefix + result, kind: 'aux', equation: translate(def.eqn, prefix + result, diags, inner) });
  return out;
}

const VARIABLE_TAG = /<(\/?)(stock|flow|aux|module|variables)\b[^>]*?(\/?)>/g;

/** Insert missing closing tags of stock/flow/aux/module elements (see loadXmile). */
export function closeUnclosedVariables(xml: string): string {
  let out = '';
  let last = 0;
  let open: string | null = null;
  for (const m of xml.matchAll(VARIABLE_TAG)) {
    const [whole, closing, tag, selfClosing] = m;
    out += xml.slice(last, m.index);
    last = m.index! + whole.length;
    if (tag === 'variables') {
      if (open) out += `</${open}>`;
      open = null;
    } else if (closing) {
      open = null;
    } else {
      if (open) out += `</${open}>`;
      open = selfClosing ? null : tag;
    }
    out += whole;
  }
  return out + xml.slice(last);
}

/** An imported model with the XMILE equations it was translated from. */
export interface XmileImport {
  spec: ModelSpec;
  /** Map a diagnostic's position (in the translated equation of `variable`) into its XMILE equation. */
  xmilePosition(variable: string, position: number): number | undefined;
}

/** Like loadXmile, and keep the original equations so diagnostics can point into them. */
export function importXmile(input: string): XmileImport {
  const found = new Map<string, { xmile: string; native: string; scope: Scope }>();
  sources = found;
  let spec: ModelSpec;
  try {
    spec = loadXmile(input);
  } finally {
    sources = null;
  }
  return {
    spec,
    xmilePosition: (variable, position) => {
      const src = found.get(variable);
      return src ? mapPositionToXmile(src.xmile, src.native, position, (n) => scopedName(src.scope, n)) : undefined;
    },
  };
}

/** Read an XMILE (.xmile / .stmx) document into a ModelSpec; throws ModelError naming the element. */
export function loadXmile(input: string): ModelSpec {
  let xml = input;
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    // Some tools write a variable element without its closing tag; close it where the
    // next variable (or the end of <variables>) starts, and accept the file if that fixes it.
    const repaired = closeUnclosedVariables(xml);
    if (repaired === xml || XMLValidator.validate(repaired) !== true) {
      const e = valid.err;
      throw new ModelError([{ kind: 'parse', message: `not well-formed XML at line ${e.line}, column ${e.col}: ${e.msg}` }]);
    }
    xml = repaired;
  }
  const doc = parser.parse(xml) as Node;
  const root = doc.xmile as Node | undefined;
  if (!root || typeof root !== 'object') throw new ModelError([{ kind: 'parse', message: 'not an XMILE document: no <xmile> root element' }]);
  const diags: Diagnostic[] = [];
  const vendor = readVendor(root.header as Node | undefined);
  const sim = readSim(root.sim_specs as Node | undefined, vendor, diags);
  const dimensions = readDims(root.dimensions as Node | undefined, diags);
  const beh = root.behavior as Node | undefined;
  const behavior = {
    stock: (beh && (flag(beh, 'non_negative') || (typeof beh.stock === 'object' && flag(list(beh.stock)[0] ?? {}, 'non_negative')))) || false,
    flow: (beh && (flag(beh, 'non_negative') || (typeof beh.flow === 'object' && flag(list(beh.flow)[0] ?? {}, 'non_negative')))) || false,
  };
  const models = list(root.model);
  const main = models.find((m) => !attr(m, 'name') || attr(m, 'name') === 'default') ?? models[0];
  if (!main) throw new ModelError([{ kind: 'parse', message: 'the XMILE document has no <model>' }]);
  const vars = variablesOf(main);
  const problems: string[] = [];
  const defs = readMacros(list(root.macro), text, (n) => xmileName(attr(n, 'name') ?? ''), problems);
  for (const message of problems) diags.push({ kind: 'parse', message });
  const copies: VariableSpec[] = [];
  const scope: Scope = { prefix: '', local: new Set(), vensim: vendor.vensim };
  if (defs.size) {
    scope.macros = macroCalls(defs, (def, prefix, args) => {
      copies.push(...macroCopy(def, prefix, args, scope, (v, inner) => readModelVariables(v, inner, models, dimensions, behavior, diags, 0), diags));
      return canonicalName(prefix + resultName(def));
    });
  }
  const variables = [...readModelVariables(vars, scope, models, dimensions, behavior, diags, 0), ...copies];
  if (diags.length) throw new ModelError(diags);
  const name = text((root.header as Node | undefined)?.name).trim();
  return { ...(name ? { name } : {}), sim, dimensions, variables };
}
