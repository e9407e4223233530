// The graphs menu's list of every model variable: name, kind (constants apart from other
// auxiliaries), units, dimensions and the human name when the model or the parameter
// registry gives one. Element names (the nodes) come with their labels, so a chart of an
// arrayed variable can say which zone it shows.
import type { CompiledModel } from '../../model/engine/model.ts';
import { canonicalName } from '../../model/engine/names.ts';
import type { Bilingual } from '../../model/scenario/levers.ts';
import type { ParameterSpec } from '../../model/chengyu/parameter-types.ts';
import type { CatalogVariable, VariableCatalog } from './types.ts';

/** Build the catalog of `model`; labels from its variables, else from `parameters`. */
export function variableCatalog(model: CompiledModel, parameters: readonly ParameterSpec[], elementLabels: Record<string, Bilingual>): VariableCatalog {
  const registry = new Map(parameters.map((p) => [canonicalName(p.id), p]));
  const constants = new Set(model.constants.map((c) => canonicalName(c.name)));
  const variables = model.spec.variables.map((v): CatalogVariable => {
    const key = canonicalName(v.name);
    const label = v.label ?? registry.get(key)?.label;
    const out: CatalogVariable = { name: v.name, kind: constants.has(key) ? 'constant' : v.kind, units: v.units ?? '' };
    if (label) out.label = { zh: label.zh, en: label.en };
    if (v.dims?.length) out.dims = [...v.dims];
    return out;
  });
  variables.sort((a, b) => a.name.localeCompare(b.name));
  const dimensions: Record<string, string[]> = {};
  for (const d of model.spec.dimensions ?? []) dimensions[d.name] = [...d.elements];
  return { variables, dimensions, elementLabels };
}
