// Which variables of a .mdl are data written in the model, and their series: time-value
// points (`x :HOLD BACKWARD: ((1990, 5), (2000, 7))`, a lookup's form with a data keyword
// on the left, as Vensim's grammar writes it), and data equations (`x :LOOK FORWARD: := y * 2`)
// on such data. A data equation on constants and Time alone has no points: it is read as
// an auxiliary.
import { canonicalName } from '../engine/names.ts';
import type { Diagnostic } from '../engine/types.ts';
import { unionTimes, valueAt, type DataSeries } from './data.ts';
import { evalData } from './data-eval.ts';
import { refsOf, type MdlLhs } from './grammar.ts';
import type { Eq } from './load.ts';
import { MdlTranslateError } from './translate.ts';

const where = (lhs: MdlLhs): string => `line ${lhs.tok.startLine ?? 0}, column ${lhs.tok.startColumn ?? 0}`;

/** A variable is data if one of its definitions carries a data keyword or is a `:=` equation. */
export const isData = (list: Eq[]): boolean => list.some((s) => !!s.lhs.mode || (s.k === 'eq' && !!s.data));

/**
 * The series of every data variable that has points (canonical name → series), and the data
 * variables that failed (their problems in `diags`, with the place in the .mdl). Other data
 * variables are auxiliaries.
 */
export function readDataSeries(byName: Map<string, Eq[]>, diags: Diagnostic[]): { series: Map<string, DataSeries>; failed: Set<string> } {
  const out = new Map<string, DataSeries>();
  const failed = new Set<string>();
  const none = new Set<string>();
  const busy = new Set<string>();
  const fail = (msg: string, lhs: MdlLhs): never => { throw new MdlTranslateError(`${msg} (${where(lhs)})`, 0, 0); };

  // A constant's value, or undefined if the variable is no constant (scalar, not data, on numbers and constants only).
  const constant = (c: string): number | undefined => {
    const list = byName.get(c);
    if (!list || list.length !== 1 || isData(list) || busy.has(c)) return undefined;
    const s = list[0];
    if (s.k !== 'eq' || !s.expr || s.lhs.subs.length) return undefined;
    busy.add(c);
    try {
      return evalData(s.expr, (r) => {
        const v = r.subs.length ? undefined : constant(canonicalName(r.name));
        if (v === undefined) throw new MdlTranslateError('not constant', 0, 0);
        return v;
      });
    } catch (err) {
      if (err instanceof MdlTranslateError) return undefined;
      throw err;
    } finally {
      busy.delete(c);
    }
  };

  // The series of data variable `c`, or undefined if it has no points.
  const series = (c: string): DataSeries | undefined => {
    if (out.has(c)) return out.get(c);
    if (none.has(c)) return undefined;
    const list = byName.get(c)!;
    const first = list[0];
    if (busy.has(c)) fail(`data variable "${first.lhs.name}" is computed from itself`, first.lhs);
    if (list.length > 1 || first.lhs.subs.length) fail(`"${first.lhs.name}": subscripted data variables are not supported`, first.lhs);
    const mode = first.lhs.mode ?? 'interpolate';
    if (first.k === 'lookup') {
      const { xs, ys } = first.table;
      for (let i = 1; i < xs.length; i++) if (!(xs[i] > xs[i - 1])) fail(`data "${first.lhs.name}": the times of its points must increase (${xs[i - 1]} then ${xs[i]})`, first.lhs);
      const s: DataSeries = { ts: xs, vs: ys, mode };
      out.set(c, s);
      return s;
    }
    if (!first.expr) return fail(`"${first.lhs.name}" has no equation: its values would come from a data file, which is not supported (only data written in the model: time-value points or a := equation)`, first.lhs);
    if (!first.data) return fail(`"${first.lhs.name}": the keyword :${mode.toUpperCase().replace('_', ' ')}: belongs to data, given as time-value points or a := equation`, first.lhs);
    busy.add(c);
    const inputs: DataSeries[] = [];
    try {
      for (const r of refsOf(first.expr)) {
        const rc = canonicalName(r.name);
        const rl = byName.get(rc);
        if (rc === 'time') continue;
        if (rl && isData(rl)) {
          const s = series(rc);
          if (s) inputs.push(s);
        } else if (constant(rc) === undefined || r.subs.length) {
          fail(`only data, constants and Time may appear in the data equation of "${first.lhs.name}"; "${r.name}" is none of them`, first.lhs);
        }
      }
    } finally {
      busy.delete(c);
    }
    if (!inputs.length) {
      none.add(c);
      return undefined;
    }
    const ts = unionTimes(inputs);
    const vs = ts.map((t) => evalData(first.expr!, (r) => valueOf(canonicalName(r.name), t)));
    const s: DataSeries = { ts, vs, mode };
    out.set(c, s);
    return s;
  };

  // The value at time `t` of an input of a data equation (checked by `series` to be one).
  const valueOf = (c: string, t: number): number => {
    if (c === 'time') return t;
    const s = out.get(c);
    if (s) return valueAt(s, t);
    const list = byName.get(c)!;
    const e = list[0];
    // A data equation without points (on constants and Time): its value at `t`.
    if (isData(list) && e.k === 'eq' && e.expr) return evalData(e.expr, (r) => valueOf(canonicalName(r.name), t));
    return constant(c)!;
  };

  for (const [c, list] of byName) {
    if (!isData(list)) continue;
    try {
      series(c);
    } catch (err) {
      if (!(err instanceof MdlTranslateError)) throw err;
      const place = err.line ? ` (line ${err.line}, column ${err.column})` : '';
      diags.push({ kind: 'parse', variable: list[0].lhs.name, message: `${err.message}${place}` });
      failed.add(c);
    }
  }
  return { series: out, failed };
}
