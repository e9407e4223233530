// Wraps a compiled model for the page: picks the output columns the app shows (every
// indicator × area the model has), runs with constant overrides through the engine's
// allocation-free runner, and describes the model's structure from its dependency graph.
// Pure apart from the model's own state; the worker exposes it, tests call it directly.
import type { CompiledModel } from '../../model/engine/model.ts';
import { canonicalName } from '../../model/engine/names.ts';
import type { VariableSpec } from '../../model/engine/types.ts';
import { columnFor, type AreaInfo, type KpiInfo, type ModelMeta, type Observation, type RailLine, type RunOutput, type StructureVariable } from './types.ts';
import type { KpiId } from '../state/app-state.ts';

/** The static, model-independent description the app shows alongside a model. */
export interface StaticMeta {
  areas: AreaInfo[];
  rail: RailLine[];
  kpis: readonly KpiInfo[];
  observations: Observation[];
}

/** A model ready for the page. */
export interface ModelRuntime {
  meta: ModelMeta;
  /** One run with constant overrides (model constant name → value). */
  run(constants: Record<string, number>): RunOutput;
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
  const columns = [...new Set(wanted)].filter((c) => have.has(c));
  const runner = model.createRunner({ outputs: columns });
  const n = runner.times.length;

  const specByName = new Map(model.spec.variables.map((v) => [canonicalName(v.name), v]));
  const structure: StructureVariable[] = model.graph.nodes
    .map((g) => {
      const v = specByName.get(canonicalName(g.name));
      return {
        name: g.name,
        kind: g.kind,
        equation: equationText(v),
        doc: v?.doc ?? '',
        units: v?.units ?? '',
        inputs: [...g.uses],
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const names = new Set(structure.map((s) => canonicalName(s.name)));
  const kpiVariables: Partial<Record<KpiId, string>> = {};
  for (const k of statics.kpis) {
    // The circle-wide output is the natural start of "what drives this indicator?".
    const candidates = k.scope === 'circle' ? [k.id] : [`${k.id}_circle`, k.id];
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
  };

  return {
    meta,
    run(constants) {
      const c = runner.defaults();
      for (const [name, value] of Object.entries(constants)) c[runner.constantIndex(name)] = value;
      const buf = runner.run(c);
      const out: Record<string, Float64Array> = {};
      // Copies: the runner reuses its buffer, and the copies are transferred to the page.
      runner.columns.forEach((col, k) => (out[col] = buf.slice(k * n, (k + 1) * n)));
      return { times: Float64Array.from(runner.times), columns: out };
    },
  };
}
