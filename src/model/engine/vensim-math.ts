// Vensim's integer arithmetic written in the engine's equation language, for readers of
// Vensim-made files (.mdl, and XMILE whose header names Vensim): INTEGER truncates toward
// zero and MODULO takes the sign of the dividend, where the engine's int and mod floor.

/** Equation text of Vensim's INTEGER(x): x truncated toward zero. */
export const vensimInteger = (x: string): string => `IF_THEN_ELSE(${x} >= 0, floor(${x}), ceil(${x}))`;

/** Equation text of Vensim's MODULO(a, b): the remainder with the sign of `a`. */
export const vensimModulo = (a: string, b: string): string => `(${a} - ${b} * ${vensimInteger(`(${a} / ${b})`)})`;
