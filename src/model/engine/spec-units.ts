// Units of a model's variables by name, for outputs that carry their units (run JSON).
import type { ModelSpec } from './types.ts';

const cache = new WeakMap<ModelSpec, Map<string, string>>();

/** Lower-cased variable name (as the model writes it) → its units, for the variables that give units. */
export function unitsByName(spec: ModelSpec): Map<string, string> {
  let m = cache.get(spec);
  if (!m) {
    m = new Map();
    for (const v of spec.variables) if (v.units) m.set(v.name.toLowerCase(), v.units);
    cache.set(spec, m);
  }
  return m;
}
