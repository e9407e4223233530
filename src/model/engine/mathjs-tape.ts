// A mathjs tape: what the engine asked mathjs while compiling a fixed model (each equation's
// parse tree, as plain data with only the fields parse.ts and units.ts read, and which unit
// names mathjs knows, with their dimensions), and a replay of it with the interface of the
// "#mathjs" import. A browser bundle that only ever compiles that model (the web app's
// worker) replays the tape recorded at build time instead of bundling mathjs: the same
// answers, so the same compiled model, without the parser's 90 KB (gzipped).

/** A parse tree node as plain data: the fields of mathjs nodes the engine reads. */
export interface TapeNode {
  type: string;
  value?: unknown;
  name?: string;
  fn?: string | TapeNode;
  op?: string;
  args?: TapeNode[];
  content?: TapeNode;
  object?: TapeNode;
  index?: { dimensions: TapeNode[]; dotNotation: boolean };
  condition?: TapeNode;
  trueExpr?: TapeNode;
  falseExpr?: TapeNode;
  start?: TapeNode;
  end?: TapeNode;
  step?: TapeNode | null;
}

/** The recorded answers. */
export interface MathjsTape {
  /** Parsed text → its tree. */
  parses: Record<string, TapeNode>;
  /** Unit name asked about → its dimension exponents when mathjs knows it as a unit, else null. */
  units: Record<string, number[] | null>;
  /** mathjs's base dimensions (the order of the exponents). */
  baseDimensions: string[];
}

const CHILD_FIELDS = ['content', 'object', 'condition', 'trueExpr', 'falseExpr', 'start', 'end'] as const;

/** A mathjs node as plain data (only the fields the engine reads). */
export function tapeNode(n: unknown): TapeNode {
  const m = n as TapeNode & { index?: { dimensions: unknown[]; dotNotation: boolean } };
  const out: TapeNode = { type: m.type };
  if (m.value !== undefined) out.value = m.value;
  if (typeof m.name === 'string') out.name = m.name;
  if (m.fn !== undefined) out.fn = typeof m.fn === 'string' ? m.fn : tapeNode(m.fn);
  if (typeof m.op === 'string') out.op = m.op;
  if (Array.isArray(m.args)) out.args = m.args.map(tapeNode);
  for (const k of CHILD_FIELDS) if (m[k]) out[k] = tapeNode(m[k]);
  if (m.step !== undefined) out.step = m.step ? tapeNode(m.step) : null;
  if (m.index) out.index = { dimensions: m.index.dimensions.map(tapeNode), dotNotation: !!m.index.dotNotation };
  return out;
}

/** The "#mathjs" interface answering from a tape; text or a unit not on it is refused by name. */
export function replayMathjs(tape: MathjsTape): { parse: (text: string) => TapeNode; unitClass: () => unknown } {
  const parses = new Map(Object.entries(tape.parses));
  const units = new Map(Object.entries(tape.units));
  const dims = (name: string): number[] | null => {
    const d = units.get(name);
    if (d === undefined) throw new Error(`unit "${name}" was not recorded when this bundle was built`);
    return d;
  };
  const unit = {
    BASE_DIMENSIONS: tape.baseDimensions,
    isValuelessUnit: (name: string) => dims(name) !== null,
    parse: (name: string) => ({ dimensions: dims(name) ?? [] }),
  };
  return {
    parse(text) {
      const n = parses.get(text);
      if (!n) throw new Error(`equation "${text}" was not recorded when this bundle was built`);
      return n;
    },
    unitClass: () => unit,
  };
}
