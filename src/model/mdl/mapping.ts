// Vensim subscript mappings: `Rh: r1, r2 -> Lh` lets an equation over Lh read a variable
// over Rh element by element (r1 for Lh's first element, r2 for its second), and the
// ordered form `Rh: r1, r2 -> (Lh: lh2, Sub)` names what each element of Rh stands for
// (an element of Lh, or a subrange of it: all its elements). A range equivalent to a
// mapped range (`Other <-> Rh`) maps the same way.
import { canonicalName } from '../engine/names.ts';
import type { Diagnostic } from '../engine/types.ts';
import { refsOf, type MdlExpr, type MdlStatement } from './grammar.ts';

type Dim = Extract<MdlStatement, { k: 'dim' }>;

/**
 * Canonical mapped range → one map per range it maps to: canonical element mapped to →
 * canonical element of the mapped range (null where several map to it, which an equation
 * over that range cannot read).
 */
export type Mappings = Map<string, Array<Map<string, string | null>>>;

const at = (tok: Dim['tok']): string => `line ${tok.startLine ?? 0}, column ${tok.startColumn ?? 0}`;

/** The mappings of the subscript ranges; `elements` holds every range's and subrange's canonical elements. */
export function readMappings(defs: Dim[], elements: Map<string, string[]>, diags: Diagnostic[]): Mappings {
  const out: Mappings = new Map();
  for (const d of defs) {
    if (!d.mappings.length) continue;
    const from = elements.get(canonicalName(d.name)) ?? [];
    const maps: Array<Map<string, string | null>> = [];
    for (const m of d.mappings) {
      const to = elements.get(canonicalName(m.to));
      const bad = (msg: string): void => { diags.push({ kind: 'dimension', message: `subscript range "${d.name}" -> "${m.to}": ${msg} (${at(m.tok)})` }); };
      if (!to) { bad(`"${m.to}" is no subscript range`); continue; }
      const targets = m.list ?? to;
      if (targets.length !== from.length) { bad(`${from.length} elements map to ${targets.length}`); continue; }
      const map = new Map<string, string | null>();
      targets.forEach((t, i) => {
        const ct = canonicalName(t);
        for (const e of elements.get(ct) ?? [ct]) {
          if (!to.includes(e)) bad(`"${t}" is neither an element nor a subrange of "${m.to}"`);
          else map.set(e, map.has(e) && map.get(e) !== from[i] ? null : from[i]);
        }
      });
      maps.push(map);
    }
    out.set(canonicalName(d.name), maps);
  }
  for (const d of defs) {
    const target = d.aliasOf && out.get(canonicalName(d.aliasOf));
    if (target) out.set(canonicalName(d.name), target);
  }
  return out;
}

/** Mapped ranges the expression subscripts with, but those `own` says are the equation's own (canonical names). */
export function mappedIn(e: MdlExpr, mappings: Mappings, own: (range: string) => boolean): Set<string> {
  const out = new Set<string>();
  for (const r of refsOf(e)) {
    for (const s of r.subs) {
      const c = canonicalName(s);
      if (mappings.has(c) && !own(c)) out.add(c);
    }
  }
  return out;
}

/**
 * Binds each mapped range in `used` to the element that maps to one of the equation's
 * elements `key` (at the first position one maps to); returns what is wrong if one cannot be.
 */
export function bindMapped(used: Set<string>, key: string[], mappings: Mappings, bind: Map<string, string>): string | undefined {
  for (const r of used) {
    let found: string | null | undefined;
    let to = '';
    for (const map of mappings.get(r) ?? []) {
      to = key.find((k) => map.has(k)) ?? '';
      if (to) { found = map.get(to); break; }
    }
    if (found === undefined) return `no element of "${r}" maps to it`;
    if (found === null) return `several elements of "${r}" map to "${to}"`;
    bind.set(r, found);
  }
  return undefined;
}
