// Wraps a compiled model for the page: picks the output columns the app shows (every
// indicator × area the model has), runs with constant overrides through the engine's
// allocation-free runner, and describes the model's structure from its dependency graph.
// Pure apart from the model's own state; the worker exposes it, tests call it directly.
import type { CompiledModel } from '../../model/engine/model.ts';
import { canonicalName } from '../../model/engine/names.ts';
import type { VariableSpec } from '../../model/engine/types.ts';
import { columnFor, type AreaInfo, type KpiInfo, type ModelMeta, type Observation, type RailLine, type RunOutput, type StructureVariable, type ParameterNote } from './types.ts';
import type { KpiId } from '../state/app-state.ts';
import type { ParameterSpec } from '../../model/chengyu/parameter-types.ts';
import type { Bilingual } from '../../model/scenario/levers.ts';
import type { Runner } from '../../model/engine/model.ts';
import { variableCatalog } from './chart-catalog.ts';

/** The static, model-independent description the app shows alongside a model. */
export interface StaticMeta {
  areas: AreaInfo[];
  rail: RailLine[];
  kpis: readonly KpiInfo[];
  observations: Observation[];
  /** The parameter registry (provenance of every number), when the model has one. */
  parameters?: readonly ParameterSpec[];
  /** Output columns run besides the indicators' (who pays the policy cost). */
  extraColumns?: readonly string[];
  /** Readers' names of the model's array elements (nodes), for charts of arrayed variables. */
  elementLabels?: Record<string, Bilingual>;
}

/** The provenance of a registry parameter in words. */
function provenanceText(p: ParameterSpec): ParameterNote['provenance'] {
  const v = p.provenance;
  if (v.kind === 'source') return { kind: 'source', text: v.ref };
  if (v.kind === 'assumption') return { kind: 'assumption', text: v.reason };
  return { kind: 'calibrated', text: v.against };
}

/** A model ready for the page. */
export interface ModelRuntime {
  meta: ModelMeta;
  /** One run with constant overrides (model constant name → value); `extra` output columns are added to the usual ones. */
  run(constants: Record<string, number>, extra?: readonly string[]): RunOutput;
}

/** An equation as text for the structure view (per-element equations listed). */
function equationText(v: VariableSpec | undefined): string {
  if (!v) return '';
  if (typeof v.equation === 'string') return v.equation;
  return Object.entries(v.equation)
    .map(([k, e]) => `[${k}] ${e}`)
    .join('\n');
}

/** Build the runtime: `model` compiled by the engine, `statics` from the regional model's data. */
export function createModelRuntime(model: CompiledModel, statics: StaticMeta): ModelRuntime {
  const have = new Set(model.columns);
  const wanted: string[] = [];
  for (const k of statics.kpis) for (const a of statics.areas) wanted.push(columnFor(k, a));
  wanted.push(...(statics.extraColumns ?? []));
  const columns = [...new Set(wanted)].filter((c) => have.has(c));
  const runner = model.createRunner({ outputs: columns });
  const n = runner.times.length;

  const specByName = new Map(model.spec.variables.map((v) => [canonicalName(v.name), v]));
  const registry = new Map((statics.parameters ?? []).map((p) => [canonicalName(p.id), p]));
  const constants = new Map(model.constants.map((c) => [canonicalName(c.name), c]));
  const note = (name: string): ParameterNote | undefined => {
    const p = registry.get(canonicalName(name));
    const c = constants.get(canonicalName(name));
    if (!p || !c) return undefined;
    const value: ParameterNote['value'] = c.defaults.length === 1 ? c.defaults[0] : [Math.min(...c.defaults), Math.max(...c.defaults)];
    return { value, unit: p.unit, range: [p.range[0], p.range[1]], provenance: provenanceText(p) };
  };
  const structure: StructureVariable[] = model.graph.nodes
    .map((g) => {
      const v = specByName.get(canonicalName(g.name));
      const out: StructureVariable = {
        name: g.name,
        kind: g.kind,
        equation: equationText(v),
        doc: v?.doc ?? '',
        units: v?.units ?? '',
        inputs: [...g.uses],
      };
      if (v?.label) out.label = v.label;
      if (v?.kind === 'stock') {
        out.inflows = [...(v.inflows ?? [])];
        out.outflows = [...(v.outflows ?? [])];
      }
      const pn = note(g.name);
      if (pn) out.parameter = pn;
      return out;
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const names = new Set(structure.map((s) => canonicalName(s.name)));
  const kpiVariables: Partial<Record<KpiId, string>> = {};
  for (const k of statics.kpis) {
        // The per-node variable carries the feedback loops; the circle total only sums it.
    const candidates = k.scope === 'circle' ? [k.id] : [k.id, `${k.id}_circle`];
    const hit = candidates.find((c) => names.has(canonicalName(c)));
    if (hit) kpiVariables[k.id] = structure.find((s) => canonicalName(s.name) === canonicalName(hit))?.name;
  }

  const meta: ModelMeta = {
    areas: statics.areas,
    rail: statics.rail,
    kpis: [...statics.kpis],
    observations: statics.observations.filter((o) => have.has(o.column)),
    structure,
    kpiVariables,
    modelHash: model.hash,
    columns,
    catalog: variableCatalog(model, statics.parameters ?? [], statics.elementLabels ?? {}),
  };

  // Runners for the usual columns plus a chart's extra ones, by the extra columns (a few at most).
  const runners = new Map<string, Runner>([['', runner]]);
  const runnerFor = (extra: readonly string[]): Runner => {
    const more = [...new Set(extra)].filter((c) => !columns.includes(c));
    const key = more.join('\n');
    let r = runners.get(key);
    if (!r) {
      r = model.createRunner({ outputs: [...columns, ...more] });
      // Oldest out first: a person trying variable after variable does not grow memory.
      if (runners.size > 8) runners.delete([...runners.keys()][1]);
      runners.set(key, r);
    }
    return r;
  };

  return {
    meta,
    run(constants, extra = []) {
      const r = extra.length ? runnerFor(extra) : runner;
      const c = r.defaults();
      for (const [name, value] of Object.entries(constants)) c[r.constantIndex(name)] = value;
      const buf = r.run(c);
      const out: Record<string, Float64Array> = {};
      // Copies: the runner reuses its buffer, and the copies are transferred to the page.
      r.columns.forEach((col, k) => (out[col] = buf.slice(k * n, (k + 1) * n)));
      return { times: Float64Array.from(r.times), columns: out };
    },
  };
}
