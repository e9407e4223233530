// CSV text for the "export the visible data" button: RFC 4180 quoting, a header row,
// numbers written in full precision so R/Python/Excel read back the same values.

/** One CSV field, quoted when it contains a comma, quote or line break. */
export function csvField(v: string | number): string {
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text (CRLF line ends, as RFC 4180 says) from a header and rows. */
export function toCsv(header: string[], rows: Array<Array<string | number>>): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A column of values over time, for `seriesTableCsv`. */
export interface Column {
  name: string;
  times: ArrayLike<number>;
  values: ArrayLike<number>;
}

/**
 * Wide table `time,<col>…`: the union of every column's times, blank where a column has
 * no value at that time (observations exist only for some years).
 */
export function seriesTable(columns: Column[]): { header: string[]; rows: Array<Array<number | string>> } {
  const times = new Set<number>();
  for (const c of columns) for (let i = 0; i < c.times.length; i++) times.add(c.times[i]);
  const sorted = [...times].sort((a, b) => a - b);
  const lookups = columns.map((c) => {
    const m = new Map<number, number>();
    for (let i = 0; i < c.times.length; i++) m.set(c.times[i], c.values[i]);
    return m;
  });
  const rows = sorted.map((t) => [t, ...lookups.map((m) => (m.has(t) ? (m.get(t) as number) : ''))]);
  return { header: ['time', ...columns.map((c) => c.name)], rows };
}
