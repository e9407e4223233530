// XMILE macros (XMILE 1.0 §3.6): user-defined functions with parameters, a result
// equation and optionally variables of their own (stocks included). Each call becomes its
// own copy of the macro, named `MACRO#n.variable`, like a module instance; its parameters
// become auxiliaries holding the call's arguments and the call reads the copy's result.
import { canonicalName } from '../engine/names.ts';
import { XmileExprError, type MacroCalls } from './expression.ts';

type Node = Record<string, unknown>;

/** One parameter of a macro; `default` is the XMILE expression used when a call omits it. */
export interface MacroParm { name: string; default?: string }

/** A macro as the file defines it (equations still in XMILE). */
export interface MacroDef {
  name: string;
  parms: MacroParm[];
  eqn: string;
  /** The macro's <variables> element (its own stocks, flows and auxiliaries), or {}. */
  variables: Node;
}

/** Makes one copy of a macro under `prefix`; `args` holds the translated arguments (undefined: use the default). */
export type Instantiate = (def: MacroDef, prefix: string, args: Array<string | undefined>) => string;

// Deeper than this, a macro calling itself is taken as endless recursion.
const MAX_DEPTH = 32;

/** The macros of a document, by canonical name; problems (unnamed, repeated) go to `problems`. */
export function readMacros(nodes: Node[], text: (x: unknown) => string, name: (n: Node) => string, problems: string[]): Map<string, MacroDef> {
  const defs = new Map<string, MacroDef>();
  for (const m of nodes) {
    const macroName = name(m);
    if (!macroName) {
      problems.push('a <macro> has no name');
      continue;
    }
    const canon = canonicalName(macroName);
    if (defs.has(canon)) problems.push(`<macro name="${macroName}"> is defined twice`);
    const parmNodes = m.parm === undefined ? [] : Array.isArray(m.parm) ? m.parm : [m.parm];
    const parms = parmNodes.map((p): MacroParm => {
      const dflt = typeof p === 'object' && p ? (p as Node)['@_default'] : undefined;
      return dflt === undefined ? { name: text(p).trim() } : { name: text(p).trim(), default: String(dflt) };
    });
    const variables = typeof m.variables === 'object' && m.variables ? (m.variables as Node) : {};
    defs.set(canon, { name: macroName, parms, eqn: text(m.eqn), variables });
  }
  return defs;
}

/** The call hook for translating equations: checks each call against its macro and instantiates it. */
export function macroCalls(defs: Map<string, MacroDef>, instantiate: Instantiate): MacroCalls {
  let count = 0;
  let depth = 0;
  return {
    has: (fn) => defs.has(fn),
    call: (fn, args, position) => {
      const def = defs.get(fn)!;
      if (args.length > def.parms.length) throw new XmileExprError(`macro ${def.name} takes ${def.parms.length} argument(s), got ${args.length}`, position);
      const missing = def.parms.slice(args.length).find((p) => p.default === undefined);
      if (missing) throw new XmileExprError(`macro ${def.name} needs its argument "${missing.name}" (${def.parms.length} argument(s), got ${args.length})`, position);
      if (depth >= MAX_DEPTH) throw new XmileExprError(`macro ${def.name} calls itself more than ${MAX_DEPTH} deep`, position);
      depth++;
      try {
        return instantiate(def, `${def.name}#${++count}.`, def.parms.map((_, i) => args[i]));
      } finally {
        depth--;
      }
    },
  };
}
