// ModelSpec → XMILE 1.0 (OASIS): header, sim_specs, dimensions, <behavior> for
// non-negative stocks, variables with units, docs, arrays (apply-to-all or per element)
// and graphical functions. What XMILE 1.0 has no element for and the engine needs to
// reproduce a run bit for bit (a dimension alias, interval-mean saving, the save step,
// single precision) is written as namespaced extension elements, which other tools ignore
// and our reader (src/model/xmile) reads back.
import type { ModelSpec } from '../types.ts';
import { canonicalName } from '../names.ts';
import { bindingsOf, elementEquations, exportModel, resolveEquation } from './resolve.ts';
import type { ExportModel, ExportVar } from './resolve.ts';
import { refuse } from './refusal.ts';
import type { RefusalIssue } from './refusal.ts';
import { xmileExpr, xmileIdent } from './xmile-expr.ts';
import { gridLayout } from './layout-grid.ts';

/** Namespace of chengyu-sim's XMILE extension elements. */
export const XMILE_EXTENSION_NS = 'urn:chengyu-sim:xmile-extensions:1';

const FORMAT = 'XMILE';

/** Escape text for XML content and attributes. */
export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A display name as an XMILE name attribute (XMILE writes spaces as underscores in identifiers, but names keep them). */
const nameAttr = (n: string) => xmlEscape(n);

/** Options of the XMILE export. */
export interface XmileExportOptions {
  /** Version of the tool written into the header. */
  productVersion?: string;
}

/** Write `spec` as an XMILE 1.0 document; throws ExportRefusal for what XMILE cannot hold. */
export function exportXmile(spec: ModelSpec, opts: XmileExportOptions = {}): string {
  const m = exportModel(spec, FORMAT);
  const issues: RefusalIssue[] = [];
  for (const d of spec.dimensions ?? []) {
    if (d.subranges && Object.keys(d.subranges).length) issues.push({ variable: `dimension ${d.name}`, construct: 'subranges (XMILE 1.0 has no subrange of a dimension)' });
  }
  if (issues.length) refuse(FORMAT, issues);
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="utf-8"?>');
  out.push(`<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0" xmlns:chengyu="${XMILE_EXTENSION_NS}">`);
  out.push('  <header>');
  if (spec.name) out.push(`    <name>${xmlEscape(spec.name)}</name>`);
  out.push('    <vendor>chengyu-sim</vendor>');
  out.push(`    <product version="${xmlEscape(opts.productVersion ?? '0')}" lang="en">chengyu-sim</product>`);
  out.push('    <options><uses_arrays maximum_dimensions="' + Math.max(1, ...m.order.map((v) => v.dims.length)) + '"/></options>');
  out.push('  </header>');
  out.push(...simSpecs(spec));
  out.push(...dimensions(spec));
  const stocks = m.order.filter((v) => v.spec.kind === 'stock');
  const allNonNeg = stocks.length > 0 && stocks.every((v) => v.spec.nonNegative);
  if (allNonNeg) out.push('  <behavior>', '    <stock><non_negative/></stock>', '  </behavior>');
  out.push('  <model>', '    <variables>');
  for (const v of m.order) out.push(...variable(m, v, allNonNeg));
  out.push('    </variables>', ...view(m), '  </model>', '</xmile>');
  return `${out.join('\n')}\n`;
}

/** A stock-and-flow view with every variable on a grid (flows as unconnected pipes), so Stella opens a readable diagram. */
function view(m: ExportModel): string[] {
  const out = ['    <views>', '      <view type="stock_flow">'];
  for (const p of gridLayout(m.order)) {
    const s = p.v.spec;
    const name = xmlEscape(xmileIdent(s.name).replace(/^"|"$/g, ''));
    if (s.kind === 'flow') {
      out.push(`        <flow name="${name}" x="${p.x}" y="${p.y}"><pts><pt x="${p.x - 40}" y="${p.y}"/><pt x="${p.x + 40}" y="${p.y}"/></pts></flow>`);
    } else {
      out.push(`        <${s.kind} name="${name}" x="${p.x}" y="${p.y}"/>`);
    }
  }
  out.push('      </view>', '    </views>');
  return out;
}

function simSpecs(spec: ModelSpec): string[] {
  const s = spec.sim;
  const method = (s.method ?? 'euler') === 'rk4' ? 'RK4' : 'Euler';
  const tu = s.timeUnits ? ` time_units="${xmlEscape(s.timeUnits)}"` : '';
  const out = [`  <sim_specs method="${method}"${tu}>`, `    <start>${s.start}</start>`, `    <stop>${s.stop}</stop>`, `    <dt>${s.dt}</dt>`];
  if (s.saveStep !== undefined && s.saveStep !== s.dt) out.push(`    <chengyu:save_step>${s.saveStep}</chengyu:save_step>`);
  if (s.saveMode === 'interval-mean') out.push('    <chengyu:save_mode>interval-mean</chengyu:save_mode>');
  if (s.precision === 'single') out.push('    <chengyu:precision>single</chengyu:precision>');
  out.push('  </sim_specs>');
  return out;
}

function dimensions(spec: ModelSpec): string[] {
  const dims = spec.dimensions ?? [];
  if (!dims.length) return [];
  const byName = new Map(dims.map((d) => [d.name.toLowerCase(), d]));
  const out = ['  <dimensions>'];
  for (const d of dims) {
    // An alias has its target's elements (XMILE has no alias: the extension says which).
    let elements = d.elements;
    for (let t = d; t.aliasOf; ) {
      t = byName.get(t.aliasOf.toLowerCase())!;
      elements = t.elements;
    }
    out.push(`    <dim name="${nameAttr(d.name)}">`);
    for (const e of elements) out.push(`      <elem name="${nameAttr(e)}"/>`);
    if (d.aliasOf) out.push(`      <chengyu:alias_of>${xmlEscape(d.aliasOf)}</chengyu:alias_of>`);
    out.push('    </dim>');
  }
  out.push('  </dimensions>');
  return out;
}

function variable(m: ExportModel, v: ExportVar, behaviorNonNeg: boolean): string[] {
  const s = v.spec;
  const ind = '      ';
  const out: string[] = [];
  const tableOnly = s.gf && typeof s.equation === 'string' && s.equation.trim() === '';
  const tag = tableOnly ? 'gf' : s.kind;
  const gfType = tableOnly ? ` type="${s.gf!.type ?? 'continuous'}"` : '';
  out.push(`${ind}<${tag} name="${nameAttr(s.name)}"${gfType}>`);
  if (s.label?.zh) out.push(`${ind}  <!-- ${xmlEscape(s.label.zh).replace(/--/g, '- -')} -->`);
  if (s.doc) out.push(`${ind}  <doc>${xmlEscape(s.doc)}</doc>`);
  if (tableOnly) {
    out.push(...gfBody(v, `${ind}  `));
    out.push(`${ind}</gf>`);
    return out;
  }
  if (v.dims.length) {
    out.push(`${ind}  <dimensions>`);
    for (const d of v.dims) out.push(`${ind}    <dim name="${nameAttr(d.display)}"/>`);
    out.push(`${ind}  </dimensions>`);
  }
  const elems = elementEquations(v, s.name, FORMAT);
  if (elems) {
    for (const [key, eq] of elems) {
      const text = xmileExpr(resolveEquation(m, v, eq, bindingsOf(v, key), `${s.name}[${key}]`, FORMAT), s.name);
      out.push(`${ind}  <element subscript="${nameAttr(key.split(',').join(', '))}">`, `${ind}    <eqn>${xmlEscape(text)}</eqn>`, `${ind}  </element>`);
    }
  } else {
    const text = xmileExpr(resolveEquation(m, v, s.equation as string, bindingsOf(v), s.name, FORMAT), s.name);
    out.push(`${ind}  <eqn>${xmlEscape(text)}</eqn>`);
  }
  if (s.kind === 'stock') {
    for (const f of s.inflows ?? []) out.push(`${ind}  <inflow>${xmlEscape(flowName(m, f))}</inflow>`);
    for (const f of s.outflows ?? []) out.push(`${ind}  <outflow>${xmlEscape(flowName(m, f))}</outflow>`);
  }
  if (s.nonNegative && !(s.kind === 'stock' && behaviorNonNeg)) out.push(`${ind}  <non_negative/>`);
  if (s.kind === 'stock' && behaviorNonNeg === true && !s.nonNegative) out.push(`${ind}  <non_negative>false</non_negative>`);
  if (s.units) out.push(`${ind}  <units>${xmlEscape(s.units)}</units>`);
  if (s.gf) out.push(...gfBody(v, `${ind}  `, true));
  if (s.save === 'instant') out.push(`${ind}  <chengyu:save>instant</chengyu:save>`);
  out.push(`${ind}</${tag}>`);
  return out;
}

/** The flow's display name as the model writes it (the stock lists it by any spelling). */
function flowName(m: ExportModel, f: string): string {
  return m.vars.get(canonicalName(f))?.spec.name ?? f;
}

function gfBody(v: ExportVar, ind: string, wrapped = false): string[] {
  const g = v.spec.gf!;
  const pad = wrapped ? `${ind}  ` : ind;
  const points = [
    `${pad}<xscale min="${Math.min(...g.xs)}" max="${Math.max(...g.xs)}"/>`,
    `${pad}<xpts>${g.xs.map(String).join(',')}</xpts>`,
    `${pad}<ypts>${g.ys.map(String).join(',')}</ypts>`,
  ];
  return wrapped ? [`${ind}<gf type="${g.type ?? 'continuous'}">`, ...points, `${ind}</gf>`] : points;
}
