// A compact, lossless text form of the posterior's draws for the web app's worker: per
// parameter, the draws' decimal mantissas as differences from the previous draw over one
// shared power of ten. It gzips to about 7 KB less than the draws as JSON rows, and decodes to
// the same doubles (each value is the correctly rounded quotient of its mantissa by an exact
// power of ten, as parsing its shortest decimal is).

/** One parameter's draws: mantissa differences over 10^e, or the values as they are. */
export type PackedColumn = { e: number; d: number[] } | { raw: number[] };

/** Draws packed column by column. */
export interface PackedDraws {
  rows: number;
  columns: PackedColumn[];
}

/** The decimal mantissa and exponent of a double's shortest round-trip form (x = m · 10^e). */
function decimalOf(x: number): { m: number; e: number } | undefined {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!match) return undefined;
  const [, sign, int, frac = '', exp = '0'] = match;
  const m = Number(`${sign}${int}${frac}`);
  return Number.isSafeInteger(m) ? { m, e: Number(exp) - frac.length } : undefined;
}

/** m · 10^e by one correctly rounded operation on exact operands (|e| ≤ 22). */
function scaled(m: number, e: number): number {
  return e < 0 ? m / 10 ** -e : m * 10 ** e;
}

/** Pack one column, or keep it raw where a value does not come back bit for bit. */
function packColumn(values: readonly number[]): PackedColumn {
  const decs = values.map(decimalOf);
  if (decs.some((d) => d === undefined)) return { raw: [...values] };
  const e = Math.max(-22, Math.min(...decs.map((d) => d!.e)));
  const ms = decs.map((d) => d!.m * 10 ** (d!.e - e));
  if (ms.some((m, i) => !Number.isSafeInteger(m) || !Object.is(scaled(m, e), values[i]))) return { raw: [...values] };
  return { e, d: ms.map((m, i) => (i === 0 ? m : m - ms[i - 1])) };
}

/** Pack draws (rows of equal length). */
export function packDraws(draws: readonly (readonly number[])[]): PackedDraws {
  const width = draws[0]?.length ?? 0;
  return { rows: draws.length, columns: Array.from({ length: width }, (_, j) => packColumn(draws.map((r) => r[j]))) };
}

/** The draws a packed form was made from. */
export function unpackDraws(p: PackedDraws): number[][] {
  const rows = Array.from({ length: p.rows }, () => new Array<number>(p.columns.length));
  p.columns.forEach((c, j) => {
    if ('raw' in c) {
      c.raw.forEach((v, i) => (rows[i][j] = v));
      return;
    }
    let m = 0;
    c.d.forEach((d, i) => {
      m += d;
      rows[i][j] = scaled(m, c.e);
    });
  });
  return rows;
}
