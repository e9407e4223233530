// Checking an override of a registry parameter (`--set id=value`, `--set id[node]=value`):
// the parameter exists, the node is one of its elements, the value is finite and within
// the parameter's plausible range. One sentence per problem, naming the parameter.
import { PARAMETER_INDEX } from './parameters.ts';

/** Ids of every registry parameter. */
export const PARAMETER_IDS: readonly string[] = [...PARAMETER_INDEX.keys()];

/**
 * Why `name = value` is not an allowed parameter override, or undefined when it is; with
 * `outsideRange`, values beyond the plausible range pass (extreme-condition tests).
 */
export function parameterOverrideProblem(name: string, value: number, outsideRange = false): string | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]+)\])?$/.exec(name.trim());
  const p = m ? PARAMETER_INDEX.get(m[1]) : undefined;
  if (!m || !p) return `"${name}" is not a parameter of the regional model`;
  const node = m[2]?.replace(/\s/g, '');
  if (node !== undefined) {
    if (typeof p.value === 'number') return `${p.id} is a scalar parameter; set it as ${p.id}=value`;
    if (!(node in p.value)) return `"${m[2]}" is not an element of ${p.id}; allowed: ${Object.keys(p.value).join(', ')}`;
  }
  if (!Number.isFinite(value)) return `${value} is not a finite number`;
  const [lo, hi] = p.range;
  if (!outsideRange && (value < lo || value > hi)) {
    return `${value} is outside the plausible range [${lo}, ${hi}]${p.unit && p.unit !== '1' ? ` ${p.unit}` : ''} of ${p.id} (${p.doc.replace(/\.$/, '')})`;
  }
  return undefined;
}
