import { describe, expect, it } from 'vitest';
import { loadChengyuRuntime } from '../../src/ui/model-bridge/runtime-source.ts';
import { packMeta, unpackMeta } from '../../src/ui/model-bridge/packed-meta.ts';

describe('the model description the page embeds', () => {
  const meta = loadChengyuRuntime().meta;

  it('leaves the catalog\'s labels and units to the structure entries, and unpacks to the same description', () => {
    const packed = packMeta(meta);
    expect(packed.catalog.variables.some((v) => 'label' in v || 'units' in v)).toBe(false);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(meta).length - 10_000);
    // Same values, same key order: what the page had before packing.
    expect(JSON.stringify(unpackMeta(packed))).toBe(JSON.stringify(meta));
  });

  it('refuses a catalog that differs from its structure entry', () => {
    const v = meta.catalog.variables[0];
    const odd = { ...meta, catalog: { ...meta.catalog, variables: [{ ...v, units: `${v.units}/year` }, ...meta.catalog.variables.slice(1)] } };
    expect(() => packMeta(odd)).toThrow(`packMeta: the catalog's ${v.name} differs from its structure entry`);
  });
});
