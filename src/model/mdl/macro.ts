// Vensim macros (:MACRO: … :END OF MACRO:), expanded inline: each call gets its own copy
// of the macro's variables, named `MACRO#n.variable`, its parameters become auxiliaries
// holding the call's arguments, and the call reads the copy's result (the variable named
// like the macro).
import { canonicalName } from '../engine/names.ts';
import type { VariableSpec } from '../engine/types.ts';
import type { MdlExpr, MdlStatement } from './grammar.ts';
import type { Eq } from './load.ts';
import { MdlTranslateError, translate, type TranslateContext } from './translate.ts';

interface Macro { name: string; params: string[]; body: Eq[] }

// Deeper than this, a macro calling itself is taken as endless recursion.
const MAX_DEPTH = 32;

/**
 * The macro hook of a translation context: instantiates a macro call into `out` (reading
 * each copied variable with `read`) and returns the canonical name of its result.
 */
export function macroExpander(stmts: MdlStatement[], read: (list: Eq[], cx: TranslateContext) => VariableSpec[],
  stocks: Set<string>, out: VariableSpec[]): TranslateContext['macro'] {
  const macros = new Map<string, Macro>();
  for (const s of stmts) {
    if (s.k !== 'macro') continue;
    const body = s.body.filter((b): b is Eq => b.k === 'eq' || b.k === 'lookup');
    macros.set(canonicalName(s.name), { name: s.name, params: s.params, body });
  }
  let count = 0;
  let depth = 0;
  const expand = (fn: string, args: MdlExpr[], outer: TranslateContext): string | undefined => {
    const m = macros.get(fn);
    if (!m) return undefined;
    if (args.length !== m.params.length) throw new MdlTranslateError(`macro ${m.name} takes ${m.params.length} argument(s), got ${args.length}`, 0, 0);
    if (depth >= MAX_DEPTH) throw new MdlTranslateError(`macro ${m.name} calls itself more than ${MAX_DEPTH} deep`, 0, 0);
    const prefix = `${m.name}#${++count}.`;
    const rename = new Map<string, string>();
    for (const p of m.params) rename.set(canonicalName(p), canonicalName(prefix + p));
    for (const e of m.body) rename.set(canonicalName(e.lhs.name), canonicalName(prefix + e.lhs.name));
    m.params.forEach((p, i) => out.push({ name: prefix + p, kind: 'aux', equation: translate(args[i], outer) }));
    const groups = new Map<string, Eq[]>();
    for (const e of m.body) {
      const copy = { ...e, lhs: { ...e.lhs, name: prefix + e.lhs.name } } as Eq;
      const c = canonicalName(copy.lhs.name);
      groups.set(c, [...(groups.get(c) ?? []), copy]);
      if (e.k === 'eq' && e.expr?.k === 'call' && canonicalName(e.expr.fn) === 'integ') stocks.add(c);
    }
    const inner: TranslateContext = { lookups: outer.lookups, rename, macro: expand };
    depth++;
    try {
      for (const list of groups.values()) out.push(...read(list, inner));
    } finally {
      depth--;
    }
    return canonicalName(prefix + m.name);
  };
  return expand;
}
