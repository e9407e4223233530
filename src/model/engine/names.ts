// Canonical names: references match case-insensitively and treat spaces as underscores.
// A model's display name maps to one identifier of the equation language; characters an
// identifier cannot hold are escaped (so "a/b" and "a*b" stay distinct and parseable).

// Words mathjs's parser treats as operators or keywords: a variable with such a name gets a
// prefix so its identifier still parses.
const RESERVED = new Set(['mod', 'and', 'or', 'not', 'xor', 'to', 'in', 'end']);

const cache = new Map<string, string>();

/** Identifier of a model name in the equation language (lower case, spaces → "_"). */
export function canonicalName(name: string): string {
  let c = cache.get(name);
  if (c === undefined) {
    c = canonicalize(name);
    if (cache.size > 100_000) cache.clear();
    cache.set(name, c);
  }
  return c;
}

function canonicalize(name: string): string {
  let s = name.trim().toLowerCase().replace(/[\s_]+/g, '_');
  s = s.replace(/[^a-z0-9_]/g, (c) => `_u${c.codePointAt(0)!.toString(16)}_`).replace(/_+/g, '_');
  if (/^[0-9]/.test(s) || RESERVED.has(s)) s = `_${s}`;
  return s;
}

/** Parse a column reference "name" or "name[a, b]" into canonical form. */
export function canonicalColumn(s: string): string {
  const m = /^(.*?)\s*\[(.*)\]\s*$/.exec(s);
  if (!m) return canonicalName(s);
  return `${canonicalName(m[1])}[${m[2].split(',').map(canonicalName).join(',')}]`;
}
