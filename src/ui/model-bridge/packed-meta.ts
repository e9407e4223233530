// The model description as the page embeds it: the graphs menu's catalog repeats the label and
// units of every variable the structure view already holds, so the build leaves them out of
// the catalog and the page puts them back (about 6 KB of the page's gzipped script).
import type { CatalogVariable, ModelMeta } from './types.ts';

/** A catalog variable without what its structure entry holds. */
export type PackedCatalogVariable = Omit<CatalogVariable, 'label' | 'units'>;

/** ModelMeta with the catalog's variables packed. */
export type PackedModelMeta = Omit<ModelMeta, 'catalog'> & {
  catalog: Omit<ModelMeta['catalog'], 'variables'> & { variables: PackedCatalogVariable[] };
};

/** Pack a description; refuses one whose catalog and structure disagree (unpacking would change it). */
export function packMeta(meta: ModelMeta): PackedModelMeta {
  const structure = new Map(meta.structure.map((s) => [s.name, s]));
  const variables = meta.catalog.variables.map(({ label, units, ...rest }): PackedCatalogVariable => {
    const s = structure.get(rest.name);
    if (!s || s.units !== units || JSON.stringify(s.label) !== JSON.stringify(label)) {
      throw new Error(`packMeta: the catalog's ${rest.name} differs from its structure entry`);
    }
    return rest;
  });
  return { ...meta, catalog: { ...meta.catalog, variables } };
}

/** The description a packed one was made from. */
export function unpackMeta(packed: PackedModelMeta): ModelMeta {
  const structure = new Map(packed.structure.map((s) => [s.name, s]));
  const variables = packed.catalog.variables.map((v): CatalogVariable => {
    const s = structure.get(v.name)!;
    // Keys in the catalog's own order: name, kind, units, label, dims.
    const out: CatalogVariable = { name: v.name, kind: v.kind, units: s.units };
    if (s.label) out.label = { zh: s.label.zh, en: s.label.en };
    if (v.dims) out.dims = v.dims;
    return out;
  });
  return { ...packed, catalog: { ...packed.catalog, variables } };
}
