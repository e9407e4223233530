// Model hash in pure JavaScript (runs in browsers): a stable serialisation of the spec
// hashed with two independent 32-bit FNV-1a/murmur-mixed lanes → 16 hex digits.

/** Serialise with sorted object keys, so equal specs give equal text. */
export function stableStringify(x: unknown): string {
  if (x === null || typeof x !== 'object') return JSON.stringify(x) ?? 'null';
  if (Array.isArray(x)) return `[${x.map(stableStringify).join(',')}]`;
  const o = x as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`).join(',')}}`;
}

function lane(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche (murmur3 fmix32).
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 64-bit hash of a value, as 16 hex digits. */
export function hashValue(x: unknown): string {
  const s = stableStringify(x);
  return lane(s, 0).toString(16).padStart(8, '0') + lane(s, 0x9e3779b9).toString(16).padStart(8, '0');
}
