// How numbers that JSON cannot hold appear in chengyu-sim's JSON outputs: NaN, Infinity
// and -Infinity are written as the strings "NaN", "Infinity" and "-Infinity" (as Python's
// json module and R's jsonlite read them back with a flag, and distinguishable, where
// JSON.stringify would write all three as null). A tally lets the writer warn about them.

/** Counts of the non-finite values encoded so far. */
export interface NonFiniteTally {
  nan: number;
  infinity: number;
  negativeInfinity: number;
}

/** A fresh, zero tally. */
export function newTally(): NonFiniteTally {
  return { nan: 0, infinity: 0, negativeInfinity: 0 };
}

/** A number as JSON: itself when finite, else "NaN", "Infinity" or "-Infinity" (counted in `tally`). */
export function jsonNumber(x: number, tally?: NonFiniteTally): number | string {
  if (Number.isFinite(x)) return x;
  if (Number.isNaN(x)) {
    if (tally) tally.nan++;
    return 'NaN';
  }
  if (x > 0) {
    if (tally) tally.infinity++;
    return 'Infinity';
  }
  if (tally) tally.negativeInfinity++;
  return '-Infinity';
}

/** Every value of `a` through jsonNumber. */
export function jsonNumbers(a: ArrayLike<number>, tally?: NonFiniteTally): Array<number | string> {
  return Array.from(a, (x) => jsonNumber(x, tally));
}

/** One sentence about the non-finite values of a tally, or undefined when there are none. */
export function nonFiniteNote(t: NonFiniteTally): string | undefined {
  const parts = [
    t.nan ? `${t.nan} NaN` : '',
    t.infinity ? `${t.infinity} Infinity` : '',
    t.negativeInfinity ? `${t.negativeInfinity} -Infinity` : '',
  ].filter(Boolean);
  if (parts.length === 0) return undefined;
  return `the output holds ${parts.join(', ')} value${t.nan + t.infinity + t.negativeInfinity > 1 ? 's' : ''}, written in JSON as the strings "NaN", "Infinity", "-Infinity"`;
}
