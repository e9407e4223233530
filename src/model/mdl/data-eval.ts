// The value of a data equation's expression at one time, worked out when the model is
// read: Vensim computes data equations (`x := expr`) at their inputs' points before the
// run, so only numbers, other data, constants, Time and pure functions may appear.
import { canonicalName } from '../engine/names.ts';
import type { MdlExpr } from './grammar.ts';
import { MdlTranslateError } from './translate.ts';

/** A reference's value: `name` canonical; throws MdlTranslateError if it cannot appear here. */
export type RefValue = (e: Extract<MdlExpr, { k: 'ref' }>) => number;

const trunc = Math.trunc;

/** Pure Vensim functions a data equation may call (Vensim semantics: INTEGER truncates, MODULO has the dividend's sign). */
const FUNCTIONS: Record<string, { n: number; f: (...a: number[]) => number }> = {
  abs: { n: 1, f: Math.abs }, exp: { n: 1, f: Math.exp }, ln: { n: 1, f: Math.log }, sqrt: { n: 1, f: Math.sqrt },
  log: { n: 2, f: (x, b) => Math.log(x) / Math.log(b) },
  sin: { n: 1, f: Math.sin }, cos: { n: 1, f: Math.cos }, tan: { n: 1, f: Math.tan },
  arcsin: { n: 1, f: Math.asin }, arccos: { n: 1, f: Math.acos }, arctan: { n: 1, f: Math.atan },
  min: { n: 2, f: Math.min }, max: { n: 2, f: Math.max }, power: { n: 2, f: (a, b) => a ** b },
  integer: { n: 1, f: trunc }, modulo: { n: 2, f: (a, b) => a % b },
  if_then_else: { n: 3, f: (c, a, b) => (c !== 0 ? a : b) },
  xidz: { n: 3, f: (a, b, x) => (b === 0 ? x : a / b) }, zidz: { n: 2, f: (a, b) => (b === 0 ? 0 : a / b) },
};

const BINARY: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b, '-': (a, b) => a - b, '*': (a, b) => a * b, '/': (a, b) => a / b, '^': (a, b) => a ** b,
  '==': (a, b) => +(a === b), '!=': (a, b) => +(a !== b), '<': (a, b) => +(a < b), '<=': (a, b) => +(a <= b),
  '>': (a, b) => +(a > b), '>=': (a, b) => +(a >= b), and: (a, b) => +(a !== 0 && b !== 0), or: (a, b) => +(a !== 0 || b !== 0),
};

/** The expression's value, with references read by `ref`. */
export function evalData(e: MdlExpr, ref: RefValue): number {
  switch (e.k) {
    case 'num': return e.v;
    case 'ref': return ref(e);
    case 'un': return e.op === 'not' ? +(evalData(e.a, ref) === 0) : -evalData(e.a, ref);
    case 'bin': return BINARY[e.op](evalData(e.a, ref), evalData(e.b, ref));
    case 'list': throw new MdlTranslateError('a list of numbers cannot be a data equation', 0, 0);
    case 'call': {
      const fn = FUNCTIONS[canonicalName(e.fn)];
      const at = (msg: string): never => { throw new MdlTranslateError(msg, e.tok.startLine ?? 0, e.tok.startColumn ?? 0); };
      if (!fn || e.table) return at(`${e.fn.toUpperCase()} cannot be used in a data equation (:=) on data written in the model`);
      if (e.args.length !== fn.n) at(`${e.fn.toUpperCase()} takes ${fn.n} argument(s), got ${e.args.length}`);
      return fn.f(...e.args.map((a) => evalData(a, ref)));
    }
  }
}
