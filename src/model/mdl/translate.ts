// Print a parsed Vensim expression in the engine's equation language: canonical names,
// Vensim functions mapped onto the engine's builtins, Vensim semantics kept (INTEGER
// truncates toward zero, MODULO takes the sign of the dividend, PULSE is start/width).
import { canonicalName } from '../engine/names.ts';
import { vensimInteger, vensimModulo } from '../engine/vensim-math.ts';
import type { MdlExpr } from './grammar.ts';

/** A translation failure at a token of the .mdl. */
export class MdlTranslateError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(message);
  }
}

/** Vensim name → engine builtin, where only the name differs (argument order kept). */
const RENAMED: Record<string, string> = {
  if_then_else: 'IF_THEN_ELSE', initial: 'init', smooth: 'smth1', smoothi: 'smth1', smooth3: 'smth3', smooth3i: 'smth3',
  delay1i: 'delay1', delay3i: 'delay3', delay_fixed: 'delay', trend: 'trend', xidz: 'xidz', zidz: 'zidz',
  abs: 'abs', exp: 'exp', ln: 'ln', sqrt: 'sqrt', log: 'log', sin: 'sin', cos: 'cos', tan: 'tan',
  arcsin: 'arcsin', arccos: 'arccos', arctan: 'arctan', sinh: 'sinh', cosh: 'cosh', tanh: 'tanh',
  min: 'min', max: 'max', step: 'step', ramp: 'ramp', delay1: 'delay1', delay3: 'delay3', power: 'power',
};

/** Vensim functions whose last two arguments swap places in the engine (`n` before `init`). */
const SWAP_LAST: Record<string, string> = { delay_n: 'delayn', smooth_n: 'smthn' };

/** Context of one translation: names of the model's lookups, and dimension → element substitutions. */
export interface TranslateContext {
  lookups: Set<string>;
  /** Canonical dimension name → canonical element, when an equation is written out per element. */
  bind?: Map<string, string>;
  /** Canonical name → canonical name it stands for (the local variables of a macro instance). */
  rename?: Map<string, string>;
  /** Instantiate the macro `fn` (canonical) called with `args`; returns the canonical name of its result, or undefined if `fn` is no macro. */
  macro?: (fn: string, args: MdlExpr[], cx: TranslateContext) => string | undefined;
}

/** A canonical variable name as the context renames it. */
export const renamed = (cx: TranslateContext, name: string): string => cx.rename?.get(name) ?? name;

/** The engine's equation text for a Vensim expression. */
export function translate(e: MdlExpr, cx: TranslateContext): string {
  switch (e.k) {
    case 'num':
      return String(e.v);
    case 'ref': {
      const name = renamed(cx, canonicalName(e.name));
      if (!e.subs.length) return name;
      return `${name}[${e.subs.map((s) => { const c = canonicalName(s); return cx.bind?.get(c) ?? c; }).join(', ')}]`;
    }
    case 'un':
      return e.op === 'not' ? `(not ${translate(e.a, cx)})` : `(${e.op}${translate(e.a, cx)})`;
    case 'bin':
      return `(${translate(e.a, cx)} ${e.op} ${translate(e.b, cx)})`;
    case 'list':
      throw new MdlTranslateError('a list of numbers is only allowed as the whole equation of an array', 0, 0);
    case 'call':
      return call(e, cx);
  }
}

function call(e: Extract<MdlExpr, { k: 'call' }>, cx: TranslateContext): string {
  const fn = canonicalName(e.fn);
  const at = (msg: string): never => { throw new MdlTranslateError(msg, e.tok.startLine ?? 0, e.tok.startColumn ?? 0); };
  if (e.table) at(`${e.fn.toUpperCase()}: an inline lookup table is only allowed in WITH LOOKUP as the whole equation`);
  const inst = cx.macro?.(fn, e.args, cx);
  if (inst !== undefined) return inst;
  const xs = e.args.map((a) => translate(a, cx));
  const arity = (n: number): void => { if (xs.length !== n) at(`${e.fn.toUpperCase()} takes ${n} argument(s), got ${xs.length}`); };
  if (cx.lookups.has(fn)) {
    arity(1);
    return `${renamed(cx, fn)}(${xs[0]})`;
  }
  switch (fn) {
    case 'integer': arity(1); return vensimInteger(xs[0]);
    case 'modulo': arity(2); return vensimModulo(xs[0], xs[1]);
    case 'game': arity(1); return xs[0];
    case 'pulse':
      // Vensim: 1 from start for `width` (at least one step), sampled mid-step.
      arity(2);
      return `IF_THEN_ELSE((time + time_step / 2 >= ${xs[0]}) and (time + time_step / 2 < ${xs[0]} + max(${xs[1]}, time_step)), 1, 0)`;
    case 'active_initial':
      // The engine's active_initial: `initial` while initialising, `active` from then on.
      arity(2);
      return `active_initial(${xs[0]}, ${xs[1]})`;
    default:
  }
  if (SWAP_LAST[fn]) {
    arity(4);
    return `${SWAP_LAST[fn]}(${xs[0]}, ${xs[1]}, ${xs[3]}, ${xs[2]})`;
  }
  const native = RENAMED[fn];
  if (!native) return at(`unknown Vensim function ${e.fn.toUpperCase()}`);
  return `${native}(${xs.join(', ')})`;
}
