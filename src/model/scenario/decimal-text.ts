// Plain decimal numbers as typed on a command line or in a share link: digits, an optional
// point, an optional exponent; no hex, no words, no empty text (Number() accepts all three).

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The value of `text` (trimmed) when it is a plain decimal number, else NaN. */
export function decimalValue(text: string): number {
  const t = text.trim();
  return DECIMAL.test(t) ? Number(t) : NaN;
}
