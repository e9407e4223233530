// ModelSpec → Vensim .mdl, as Vensim and SDEverywhere read it: subscript ranges (an alias as
// `<->`, a subrange as its own range), INTEG levels, lookups, units, comments (the doc, with
// the Chinese name), helper variables for INITIAL and fixed delays, and the control section.
// Refused: what Vensim computes differently (see mdl-expr.ts), RK4 models (a .mdl does not
// carry the method), single precision, and interval-mean saving (Vensim reports instants:
// export with saveMode 'instant' to get a file whose outputs are ours).
import type { DimInfo } from '../dimensions.ts';
import type { ModelSpec } from '../types.ts';
import type { FixedDelayMode, MdlCx, MdlHelper } from './mdl-expr.ts';
import { lookupTableName, mdlExpr, mdlName } from './mdl-expr.ts';
import { bindingsOf, elementEquations, exportModel, resolveEquation, resolveName } from './resolve.ts';
import type { ExportModel, ExportVar } from './resolve.ts';
import { gridLayout } from './layout-grid.ts';
import { refuse } from './refusal.ts';
import type { RefusalIssue } from './refusal.ts';

const FORMAT = 'Vensim .mdl';

/** Options of the .mdl export. */
export interface MdlExportOptions {
  /** 'builtin' writes DELAY FIXED; 'pipeline' writes its exact Euler pipeline of levels (for tools without DELAY FIXED). */
  fixedDelay?: FixedDelayMode;
}

/** Vensim units of a variable ("1" is Dmnl). */
function units(u: string | undefined): string {
  if (!u) return '';
  const s = u.trim();
  return s === '1' ? 'Dmnl' : s.replace(/[~|]/g, ' ');
}

/** A comment field: the doc, then the Chinese name (Vensim ends a comment at "|"). */
function comment(doc: string | undefined, zh: string | undefined): string {
  const parts = [doc?.trim(), zh ? `中文名：${zh}` : undefined].filter((x): x is string => !!x);
  return parts.join(' ').replace(/\|/g, '/').replace(/~/g, '-');
}

function equation(lhs: string, rhs: string, u: string, c: string): string {
  return `${lhs} = ${rhs}\n\t~\t${u}\n\t~\t${c}\n\t|\n`;
}

const numberText = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Write `spec` as a Vensim .mdl; throws ExportRefusal for what Vensim cannot compute as the engine does. */
export function exportMdl(spec: ModelSpec, opts: MdlExportOptions = {}): string {
  const m = exportModel(spec, FORMAT);
  const issues: RefusalIssue[] = [];
  if ((spec.sim.method ?? 'euler') !== 'euler') issues.push({ variable: '(model)', construct: 'the RK4 method (a .mdl does not carry the integration method; Vensim runs Euler by default)' });
  if (spec.sim.precision === 'single') issues.push({ variable: '(model)', construct: 'single-precision storage of stocks' });
  if (spec.sim.saveMode === 'interval-mean') {
    issues.push({ variable: '(model)', construct: "interval-mean saving (Vensim reports each variable's value at the saved time; export the model with saveMode 'instant', e.g. --save-mode instant)" });
  }
  if (issues.length) refuse(FORMAT, issues);
  const taken = new Set<string>(m.order.map((v) => v.spec.name.toLowerCase().replace(/[\s_]+/g, ' ')));
  for (const d of m.dims.values()) taken.add(d.display.toLowerCase().replace(/[\s_]+/g, ' '));
  const fixedDelay = opts.fixedDelay ?? 'builtin';
  let out = '{UTF-8}\n';
  out += dimensions(spec);
  const helpers: MdlHelper[] = [];
  for (const v of m.order) out += variable(m, v, { helpers, taken, fixedDelay });
  for (const h of helpers) {
    const lhs = `${mdlName(h.name)}${h.dims.length ? `[${h.dims.map((d: DimInfo) => mdlName(d.display)).join(', ')}]` : ''}`;
    out += equation(lhs, h.equation, '', comment(h.doc, undefined));
  }
  out += control(spec);
  out += sketch(m);
  return out;
}

/** A sketch with every model variable on a grid (levels as boxes), so Vensim opens a readable view. */
function sketch(m: ExportModel): string {
  const lines = [
    '\\\\\\---/// Sketch information - do not modify anything except names',
    'V300  Do not put anything below this section - it will be ignored',
    '*View 1',
    '$192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|72,72,100,0',
  ];
  gridLayout(m.order).forEach((p, i) => {
    const shape = p.v.spec.kind === 'stock' ? '40,20,3' : '49,8,8';
    lines.push(`10,${i + 1},${mdlName(p.v.spec.name)},${p.x},${p.y},${shape},3,0,0,0,0,0,0`);
  });
  lines.push('///---\\\\\\');
  return `${lines.join('\n')}\n`;
}

function dimensions(spec: ModelSpec): string {
  let out = '';
  for (const d of spec.dimensions ?? []) {
    if (d.aliasOf) out += `${mdlName(d.name)} <-> ${mdlName(d.aliasOf)}\n\t~\n\t~\t\n\t|\n\n`;
    else out += `${mdlName(d.name)}: ${d.elements.map(mdlName).join(', ')}\n\t~\n\t~\t\n\t|\n\n`;
    for (const [sub, elems] of Object.entries(d.subranges ?? {})) out += `${mdlName(sub)}: ${elems.map(mdlName).join(', ')}\n\t~\n\t~\tSubrange of ${d.name}.\n\t|\n\n`;
  }
  return out;
}

interface FileCx {
  helpers: MdlHelper[];
  taken: Set<string>;
  fixedDelay: FixedDelayMode;
}

function lhsOf(v: ExportVar, key?: string): string {
  const subs = key === undefined ? v.dims.map((d) => mdlName(d.display)) : key.split(',').map((s) => mdlName(s.trim()));
  return `${mdlName(v.spec.name)}${subs.length ? `[${subs.join(', ')}]` : ''}`;
}

function variable(m: ExportModel, v: ExportVar, f: FileCx): string {
  const s = v.spec;
  const u = units(s.units);
  const c = comment(s.doc, s.label?.zh);
  let out = '';
  if (s.gf) {
    const g = s.gf;
    if (g.type === 'extrapolate') refuse(FORMAT, [{ variable: s.name, construct: 'an extrapolating graphical function (Vensim lookups hold their end values)' }]);
    const pts = g.xs.map((x, i) => `(${x},${g.ys[i]})`).join(',');
    const range = `[(${Math.min(...g.xs)},${Math.min(...g.ys)})-(${Math.max(...g.xs)},${Math.max(...g.ys)})]`;
    const table = lookupTableName(v, m);
    out += `${mdlName(table)}(\n\t${range},${pts})\n\t~\t${table === s.name ? u : ''}\n\t~\t${table === s.name ? c : `Graphical function of ${s.name}.`}\n\t|\n\n`;
    if (table === s.name) return out;
  }
  const cx = (col: string, lhsDims: DimInfo[]): MdlCx => ({ m, owner: v, col, lhsDims, helpers: f.helpers, taken: f.taken, fixedDelay: f.fixedDelay, bang: new Map() });
  const rhs = (text: string, key: string | undefined): string => {
    const col = key === undefined ? s.name : `${s.name}[${key}]`;
    const r = resolveEquation(m, v, text, bindingsOf(v, key), col, FORMAT);
    let body = mdlExpr(r, cx(col, key === undefined ? v.dims : []));
    if (s.gf) {
      const gf = s.gf.type === 'discrete' ? `LOOKUP BACKWARD(${mdlName(lookupTableName(v, m))}, ${body})` : `${mdlName(lookupTableName(v, m))}(${body})`;
      body = gf;
    }
    if (s.kind === 'flow' && s.nonNegative) body = `MAX(0, ${body})`;
    if (s.kind === 'stock') body = `INTEG(${stockRate(m, v, key, cx(col, key === undefined ? v.dims : []))}, ${body})`;
    return body;
  };
  const elems = elementEquations(v, s.name, FORMAT);
  if (!elems) return `${out}${equation(lhsOf(v), rhs(s.equation as string, undefined), u, c)}\n`;
  const values = [...elems.values()].map((t) => t.trim());
  if (s.kind === 'aux' && !s.gf && v.dims.length <= 2 && values.every((t) => numberText.test(t))) {
    // A table of numbers: Vensim's list form, one row per element of the first dimension.
    const cols = v.dims.length === 2 ? v.dims[1].elements.length : values.length;
    const rows: string[] = [];
    for (let i = 0; i < values.length; i += cols) rows.push(values.slice(i, i + cols).map((t) => String(Number(t))).join(', '));
    return `${out}${equation(lhsOf(v), v.dims.length === 2 ? `${rows.join(';\n\t\t')};` : rows[0], u, c)}\n`;
  }
  for (const [key, text] of elems) out += equation(lhsOf(v, key), rhs(text, key), u, c);
  return `${out}\n`;
}

/** The stock's net rate as the engine computes it: (in₁ + in₂) − (out₁ + out₂), clamped for a non-negative stock. */
function stockRate(m: ExportModel, v: ExportVar, key: string | undefined, cx: MdlCx): string {
  const term = (name: string): string => {
    return mdlExpr(resolveName(m, name, bindingsOf(v, key), cx.col, FORMAT), cx);
  };
  const ins = (v.spec.inflows ?? []).map(term);
  const outs = (v.spec.outflows ?? []).map(term);
  const inSum = ins.length ? ins.join(' + ') : '0';
  let rate = outs.length ? `(${inSum}) - (${outs.join(' + ')})` : inSum;
  if (v.spec.nonNegative) {
    // Euler with the engine's clamp: max(rate, −stock/dt) lands on 0 where the engine clamps
    // (exactly when TIME STEP is a power of two, as 0.125; else to rounding).
    rate = `MAX(${rate}, -${lhsOf(v, key)} / TIME STEP)`;
  }
  return rate;
}

function control(spec: ModelSpec): string {
  const s = spec.sim;
  const tu = s.timeUnits ?? '';
  const save = s.saveStep ?? s.dt;
  return `********************************************************
\t.Control
********************************************************~
\t\tSimulation Control Parameters
\t|

${equation('FINAL TIME', String(s.stop), tu, 'The final time for the simulation.')}
${equation('INITIAL TIME', String(s.start), tu, 'The initial time for the simulation.')}
${equation('SAVEPER', save === s.dt ? 'TIME STEP' : String(save), tu, 'The frequency with which output is stored.')}
${equation('TIME STEP', String(s.dt), tu, 'The time step for the simulation (Euler).')}
`;
}
