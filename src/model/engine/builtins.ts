// The builtin functions of the equation language: arity and category. Lowering to
// JavaScript lives in lower.ts; this table is also what arity checks and docs use.

/** How a builtin is compiled. */
export type BuiltinKind = 'math' | 'time' | 'stateful' | 'reduce' | 'random' | 'lookup' | 'logic';

/** One builtin: argument count range and kind. */
export interface Builtin {
  min: number;
  max: number;
  kind: BuiltinKind;
}

const b = (min: number, max: number, kind: BuiltinKind): Builtin => ({ min, max, kind });
const INF = Number.POSITIVE_INFINITY;

/** Builtins by canonical (lower-case) name. */
export const BUILTINS: Record<string, Builtin> = {
  abs: b(1, 1, 'math'), exp: b(1, 1, 'math'), ln: b(1, 1, 'math'), log10: b(1, 1, 'math'), log: b(2, 2, 'math'),
  sqrt: b(1, 1, 'math'), sin: b(1, 1, 'math'), cos: b(1, 1, 'math'), tan: b(1, 1, 'math'),
  arcsin: b(1, 1, 'math'), arccos: b(1, 1, 'math'), arctan: b(1, 1, 'math'),
  asin: b(1, 1, 'math'), acos: b(1, 1, 'math'), atan: b(1, 1, 'math'),
  sinh: b(1, 1, 'math'), cosh: b(1, 1, 'math'), tanh: b(1, 1, 'math'),
  int: b(1, 1, 'math'), floor: b(1, 1, 'math'), ceil: b(1, 1, 'math'), round: b(1, 1, 'math'), sign: b(1, 1, 'math'),
  mod: b(2, 2, 'math'), power: b(2, 2, 'math'), pi: b(0, 0, 'math'), inf: b(0, 0, 'math'),
  xidz: b(3, 3, 'math'), zidz: b(2, 2, 'math'), safediv: b(2, 3, 'math'),
  if_then_else: b(3, 3, 'logic'),
  step: b(2, 2, 'time'), ramp: b(2, 3, 'time'), pulse: b(1, 3, 'time'),
  delay: b(2, 3, 'stateful'), delay1: b(2, 3, 'stateful'), delay3: b(2, 3, 'stateful'), delayn: b(3, 4, 'stateful'),
  smth1: b(2, 3, 'stateful'), smth3: b(2, 3, 'stateful'), smthn: b(3, 4, 'stateful'),
  trend: b(2, 3, 'stateful'), forcst: b(3, 4, 'stateful'), init: b(1, 1, 'stateful'), previous: b(1, 2, 'stateful'),
  // active_initial(active, initial): `initial` while the model initialises, `active` from then on (whole equations only).
  active_initial: b(2, 2, 'stateful'),
  sum: b(1, 1, 'reduce'), prod: b(1, 1, 'reduce'), mean: b(1, INF, 'reduce'), min: b(1, INF, 'reduce'), max: b(1, INF, 'reduce'),
  stddev: b(1, 1, 'reduce'), size: b(1, 1, 'reduce'),
  random: b(2, 3, 'random'), normal: b(2, 3, 'random'), lognormal: b(2, 3, 'random'), poisson: b(1, 2, 'random'), exprnd: b(1, 2, 'random'),
  lookup: b(2, 2, 'lookup'),
};

/** Names usable without parentheses, with the JavaScript they stand for in generated code. */
export const BUILTIN_SYMBOLS: Record<string, string> = {
  time: 't', dt: 'dt', starttime: 'T0', stoptime: 'T1', initial_time: 'T0', final_time: 'T1', time_step: 'dt',
  pi: 'Math.PI', inf: 'Infinity', infinity: 'Infinity',
};
