// A model's variables for readers (PySD's `model.doc`): name, kind, units, dimensions,
// documentation, zh/en names, equation and dependencies, from the spec and the compiled
// model's graph. Used by `chengyu-sim vars` and `describe`.
import type { CompiledModel } from './model.ts';
import { canonicalName } from './names.ts';
import type { HumanName, VariableSpec } from './types.ts';

/** What a variable is: a stock, a flow, an auxiliary, or a constant (an aux that may be overridden per run). */
export type CatalogueKind = 'stock' | 'flow' | 'aux' | 'constant';

/** One variable of a model, for reading. */
export interface CatalogueEntry {
  name: string;
  kind: CatalogueKind;
  units?: string;
  dims: string[];
  doc?: string;
  label?: HumanName;
  /** The equation as written (for a stock: its initial value); per element for arrays defined so. */
  equation: VariableSpec['equation'];
  inflows: string[];
  outflows: string[];
  /** Variables its equation reads, and those whose equations read it. */
  uses: string[];
  usedBy: string[];
  /** Constants: default value per element (`name` or `name[elem]` → value). */
  defaults?: Record<string, number>;
}

/** Every variable of `model`, in the spec's order. */
export function variableCatalogue(model: CompiledModel): CatalogueEntry[] {
  const constants = new Map(model.constants.map((c) => [canonicalName(c.name), c]));
  return model.spec.variables.map((v) => {
    const g = model.graph.node(v.name);
    const c = constants.get(canonicalName(v.name));
    return {
      name: v.name,
      kind: c ? 'constant' : v.kind,
      ...(v.units ? { units: v.units } : {}),
      dims: [...(v.dims ?? [])],
      ...(v.doc ? { doc: v.doc } : {}),
      ...(v.label ? { label: v.label } : {}),
      equation: v.equation,
      inflows: [...(v.inflows ?? [])],
      outflows: [...(v.outflows ?? [])],
      uses: g ? [...g.uses] : [],
      usedBy: g ? [...g.usedBy] : [],
      ...(c ? { defaults: Object.fromEntries(c.elements.map((e, i) => [e, c.defaults[i]])) } : {}),
    };
  });
}

/** The entry named `name` (case-insensitive, spaces = underscores), or undefined. */
export function findEntry(entries: readonly CatalogueEntry[], name: string): CatalogueEntry | undefined {
  const key = canonicalName(name.trim());
  return entries.find((e) => canonicalName(e.name) === key);
}
