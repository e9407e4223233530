// Deterministic number and CSV formatting. Numbers use ECMAScript's shortest round-trip
// decimal form (Number.prototype.toString), which the language specification fixes
// exactly, so the same double is written as the same text on every platform.
import { STATISTICS } from './statistics.ts';

/** Shortest text that reads back as the same double; "-0" is written "0". */
export function formatNumber(x: number): string {
  if (x === 0) return '0';
  return String(x);
}

/** Quote a CSV field if it needs it (RFC 4180). */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * summary.csv in long format: `output,time,statistic,value`, outputs in model order,
 * then time, then statistic. `stats` is what describeColumns returns for columns
 * ordered output-major (output o, time t → column o·T + t).
 */
export function summaryCsv(outputs: string[], times: ArrayLike<number>, stats: Float64Array): string {
  const lines = ['output,time,statistic,value'];
  const T = times.length;
  const S = STATISTICS.length;
  outputs.forEach((name, o) => {
    const field = csvField(name);
    for (let t = 0; t < T; t++) {
      const time = formatNumber(times[t]);
      const base = (o * T + t) * S;
      for (let s = 0; s < S; s++) lines.push(`${field},${time},${STATISTICS[s]},${formatNumber(stats[base + s])}`);
    }
  });
  return lines.join('\n') + '\n';
}
