// Dimension table: every dimension, alias and subrange, with element positions mapped to
// a root dimension so that references across aliases and subranges resolve by index.
import type { Diagnostic, DimensionSpec } from './types.ts';
import { canonicalName } from './names.ts';
import { ENGINE_LIMITS, figure } from './limits.ts';

/** A resolved dimension. */
export interface DimInfo {
  /** Canonical name. */
  name: string;
  display: string;
  /** Element display names, in order. */
  elements: string[];
  /** Canonical element name → position. */
  elemIndex: Map<string, number>;
  /** Canonical name of the root dimension (itself unless an alias or subrange). */
  root: string;
  /** Position in the root dimension of each element. */
  rootIndex: number[];
  /** Root position → position in this dimension. */
  posOfRoot: Map<number, number>;
}

function makeDim(name: string, display: string, elements: string[], root: string, rootIndex: number[]): DimInfo {
  const elemIndex = new Map<string, number>();
  elements.forEach((e, i) => elemIndex.set(canonicalName(e), i));
  const posOfRoot = new Map<number, number>();
  rootIndex.forEach((r, i) => posOfRoot.set(r, i));
  return { name, display, elements, elemIndex, root, rootIndex, posOfRoot };
}

/** Build the dimension table; problems are appended to `diags`. */
export function buildDimensions(specs: DimensionSpec[], diags: Diagnostic[]): Map<string, DimInfo> {
  const dims = new Map<string, DimInfo>();
  const pending = new Map<string, DimensionSpec>();
  for (const d of specs) {
    const key = canonicalName(d.name);
    if (pending.has(key)) diags.push({ kind: 'other', message: `dimension "${d.name}" is defined twice` });
    pending.set(key, d);
  }
  const resolving = new Set<string>();
  const resolve = (key: string): DimInfo | undefined => {
    const done = dims.get(key);
    if (done) return done;
    const d = pending.get(key);
    if (!d) return undefined;
    if (resolving.has(key)) {
      diags.push({ kind: 'cycle', message: `dimension "${d.name}" is an alias of itself` });
      return undefined;
    }
    resolving.add(key);
    let info: DimInfo;
    if (d.aliasOf) {
      const target = resolve(canonicalName(d.aliasOf));
      if (!target) {
        diags.push({ kind: 'undefined', message: `dimension "${d.name}" is an alias of unknown dimension "${d.aliasOf}"` });
        resolving.delete(key);
        return undefined;
      }
      info = makeDim(key, d.name, target.elements, target.root, target.rootIndex);
    } else {
      if (d.elements.length > ENGINE_LIMITS.dimensionElements) {
        diags.push({ kind: 'dimension', message: `dimension "${d.name}" has ${figure(d.elements.length)} elements, over the cap of ${figure(ENGINE_LIMITS.dimensionElements)}` });
        resolving.delete(key);
        return undefined;
      }
      const seen = new Set<string>();
      for (const e of d.elements) {
        if (seen.has(canonicalName(e))) diags.push({ kind: 'other', message: `dimension "${d.name}" lists element "${e}" twice` });
        seen.add(canonicalName(e));
      }
      info = makeDim(key, d.name, d.elements, key, d.elements.map((_, i) => i));
    }
    dims.set(key, info);
    resolving.delete(key);
    for (const [subName, elems] of Object.entries(d.subranges ?? {})) {
      const subKey = canonicalName(subName);
      if (dims.has(subKey) || pending.has(subKey)) {
        diags.push({ kind: 'other', message: `subrange "${subName}" of "${d.name}" has the name of another dimension` });
        continue;
      }
      const idx: number[] = [];
      for (const e of elems) {
        const p = info.elemIndex.get(canonicalName(e));
        if (p === undefined) diags.push({ kind: 'dimension', message: `subrange "${subName}" names "${e}", which is not an element of "${d.name}"` });
        else idx.push(p);
      }
      dims.set(subKey, makeDim(subKey, subName, idx.map((p) => info.elements[p]), info.root, idx.map((p) => info.rootIndex[p])));
    }
    return info;
  };
  for (const key of pending.keys()) resolve(key);
  return dims;
}
