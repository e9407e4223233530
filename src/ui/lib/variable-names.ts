// Names of model variables for readers, looked up by id from the model's structure (the
// registry's zh/en labels): for the tornado, tooltips and any list of model variables.
import type { HumanName } from '../../model/engine/types.ts';
import type { Lang } from '../i18n/i18n.ts';
import type { StructureVariable } from '../model-bridge/types.ts';

/** Variable id → its names. */
export type NameIndex = ReadonlyMap<string, HumanName>;

const cache = new WeakMap<readonly StructureVariable[], NameIndex>();

/** The names of a structure's variables by id (built once per structure). */
export function nameIndex(structure: readonly StructureVariable[]): NameIndex {
  let out = cache.get(structure);
  if (!out) {
    out = new Map(structure.filter((v) => v.label).map((v) => [v.name, v.label!]));
    cache.set(structure, out);
  }
  return out;
}

/** A variable's name in `lang` (an element `x[a]` by its variable's), or undefined when the model gives none. */
export function variableName(index: NameIndex, id: string, lang: Lang): string | undefined {
  return (index.get(id) ?? index.get(id.replace(/\[.*$/, '')))?.[lang];
}
