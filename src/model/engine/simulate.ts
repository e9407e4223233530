// The time loop: plain JavaScript over preallocated arrays, calling the generated passes.
// Euler and classic RK4; stocks marked non-negative are kept ≥ 0 after each step.
import alea from 'seedrandom/lib/alea.js';
import type { GenFn, RunProgram } from './compile.ts';
import type { Method } from './types.ts';

/** Time settings of one run, resolved. */
export interface Timing {
  start: number;
  stop: number;
  dt: number;
  /** Number of steps (the run has nSteps + 1 time points). */
  nSteps: number;
}

/** Preallocated arrays for repeated runs of one program. */
export class Workspace {
  readonly v: Float64Array;
  readonly dv: Float64Array;
  readonly q: Float64Array;
  readonly ix: Int32Array;
  readonly y0: Float64Array;
  readonly acc: Float64Array;
  buf: Float64Array = new Float64Array(0);
  /** Saved values row by row (one row per saved step), transposed into the output at the end. */
  rows: Float64Array = new Float64Array(0);
  /** Every step's values of the outputs, for interval-mean saving. */
  steps: Float64Array = new Float64Array(0);
  /** Step indices 0..nSteps, for interval-mean saving. */
  allSteps: Int32Array = new Int32Array(0);
  constructor(readonly p: RunProgram) {
    this.v = new Float64Array(p.nSlots);
    const ns = p.stockSlots.length;
    this.dv = new Float64Array(ns);
    this.q = new Float64Array(p.nq);
    this.ix = new Int32Array(1 + 2 * p.delayTimeSlots.length);
    this.y0 = new Float64Array(ns);
    this.acc = new Float64Array(ns);
  }
}

/** Resolve start/stop/dt into a step count (tolerant of floating-point division). */
export function timing(start: number, stop: number, dt: number): Timing {
  const nSteps = Math.max(0, Math.round((stop - start) / dt));
  return { start, stop, dt, nSteps };
}

/** A seeded uniform source for the random builtins (null when the model draws nothing). */
export function makeRng(p: RunProgram, seed: number | string | undefined): (() => number) | null {
  if (p.nRandom === 0) return null;
  return alea(String(seed ?? 0));
}

/**
 * Run `p` once. `c` holds the constants (same order as p.constants); values of
 * `outSlots` are written at the steps in `saveSteps` (ascending) into `out`, laid out
 * column by column: out[col * saveSteps.length + i]. `report` brings the report-only
 * auxiliaries up to date before each save (by default all of them; a runner passes the
 * subset its outputs read).
 */
export function simulate(
  ws: Workspace, c: Float64Array, tm: Timing, method: Method,
  saveSteps: Int32Array, outSlots: Int32Array, out: Float64Array, R: (() => number) | null,
  single = false, report: GenFn | null = ws.p.fns.report,
): void {
  const p = ws.p;
  const { init, aux, rates, post, commit } = p.fns;
  const { v, dv, q, ix, y0, acc } = ws;
  const S = p.stockSlots;
  const nn = p.nonNegative;
  const ns = S.length;
  const nOut = outSlots.length;
  const nSave = saveSteps.length;
  const { start, stop, dt, nSteps } = tm;
  const T0 = start;
  const T1 = stop;
  ix[0] = 0;
  init(v, dv, q, c, start, dt, T0, T1, 0, ix, ws.buf, R);
  if (p.delayTimeSlots.length) {
    let off = 0;
    for (let j = 0; j < p.delayTimeSlots.length; j++) {
      const k = Math.max(1, Math.round(v[p.delayTimeSlots[j]] / dt));
      ix[1 + 2 * j] = k;
      ix[2 + 2 * j] = off;
      off += k;
    }
    if (ws.buf.length < off) ws.buf = new Float64Array(off);
  }
  const buf = ws.buf;
  // Saving row by row keeps writes sequential (column-major writes of many outputs per
  // step thrash the cache); one blocked transpose at the end gives the column layout.
  if (nOut > 1 && ws.rows.length < nOut * nSave) ws.rows = new Float64Array(nOut * nSave);
  const rows = nOut > 1 ? ws.rows : out;
  if (method === 'euler') {
    p.fns.euler(v, dv, q, c, start, stop, dt, nSteps, ix, buf, R, saveSteps, outSlots, rows, single, report);
    if (nOut > 1) transpose(rows, out, nSave, nOut);
    return;
  }
  let si = 0;
  const half = dt / 2;
  for (let n = 0; ; n++) {
    const t = start + n * dt;
    ix[0] = n;
    if (n > 0) aux(v, dv, q, c, t, dt, T0, T1, 0, ix, buf, R);
    if (si < nSave && saveSteps[si] === n) {
      if (n > 0 && report !== null) report(v, dv, q, c, t, dt, T0, T1, 0, ix, buf, R);
      const row = si * nOut;
      for (let k = 0; k < nOut; k++) rows[row + k] = v[outSlots[k]];
      si++;
    }
    if (n >= nSteps) break;
    rates(v, dv, q, c, t, dt, T0, T1, 0, ix, buf, R);
    post(v, dv, q, c, t, dt, T0, T1, 0, ix, buf, R);
    {
      for (let k = 0; k < ns; k++) {
        const s = S[k];
        y0[k] = v[s];
        acc[k] = dv[k];
        v[s] = y0[k] + half * dv[k];
      }
      aux(v, dv, q, c, t + half, dt, T0, T1, 1, ix, buf, R);
      rates(v, dv, q, c, t + half, dt, T0, T1, 1, ix, buf, R);
      for (let k = 0; k < ns; k++) {
        acc[k] += 2 * dv[k];
        v[S[k]] = y0[k] + half * dv[k];
      }
      aux(v, dv, q, c, t + half, dt, T0, T1, 2, ix, buf, R);
      rates(v, dv, q, c, t + half, dt, T0, T1, 2, ix, buf, R);
      for (let k = 0; k < ns; k++) {
        acc[k] += 2 * dv[k];
        v[S[k]] = y0[k] + dt * dv[k];
      }
      aux(v, dv, q, c, t + dt, dt, T0, T1, 3, ix, buf, R);
      rates(v, dv, q, c, t + dt, dt, T0, T1, 3, ix, buf, R);
      for (let k = 0; k < ns; k++) {
        const x = y0[k] + (dt / 6) * (acc[k] + dv[k]);
        v[S[k]] = nn[k] === 1 && x < 0 ? 0 : x;
      }
    }
    if (single) for (let k = 0; k < ns; k++) v[S[k]] = Math.fround(v[S[k]]);
    commit(v, dv, q, c, t, dt, T0, T1, 0, ix, buf, R);
  }
  if (nOut > 1) transpose(rows, out, nSave, nOut);
}

/**
 * Run `p` once like `simulate`, but save non-stock columns (`mean[k] === 1`) as their mean over
 * the steps since the previous saved point: steps s_(i-1) … s_i − 1, whose values are what the
 * integration applies over that interval (for RK4 the step-start values). Stock columns and the
 * first saved point keep the value at the saved step.
 */
export function simulateIntervalMean(
  ws: Workspace, c: Float64Array, tm: Timing, method: Method,
  saveSteps: Int32Array, outSlots: Int32Array, mean: Uint8Array, out: Float64Array, R: (() => number) | null,
  single = false, report: GenFn | null = ws.p.fns.report,
): void {
  const nT = tm.nSteps + 1;
  const nOut = outSlots.length;
  if (ws.allSteps.length !== nT) ws.allSteps = Int32Array.from({ length: nT }, (_, n) => n);
  if (ws.steps.length < nOut * nT) ws.steps = new Float64Array(nOut * nT);
  const all = ws.steps;
  simulate(ws, c, tm, method, ws.allSteps, outSlots, all, R, single, report);
  const nSave = saveSteps.length;
  for (let k = 0; k < nOut; k++) {
    const col = k * nT;
    const dst = k * nSave;
    if (mean[k] !== 1) {
      for (let i = 0; i < nSave; i++) out[dst + i] = all[col + saveSteps[i]];
      continue;
    }
    let prev = -1;
    for (let i = 0; i < nSave; i++) {
      const s = saveSteps[i];
      if (prev < 0 || s === prev) {
        out[dst + i] = all[col + s];
      } else {
        // A value constant over the interval is reported exactly (a float sum / n need not be).
        const first = all[col + prev];
        let sum = 0;
        let same = true;
        for (let n = prev; n < s; n++) {
          const x = all[col + n];
          sum += x;
          if (x !== first) same = false;
        }
        out[dst + i] = same ? first : sum / (s - prev);
      }
      prev = s;
    }
  }
}

/** rows (nRows × nCols, row-major) → out (column-major), in cache-sized blocks. */
function transpose(rows: Float64Array, out: Float64Array, nRows: number, nCols: number): void {
  const B = 32;
  for (let r0 = 0; r0 < nRows; r0 += B) {
    const r1 = Math.min(nRows, r0 + B);
    for (let c0 = 0; c0 < nCols; c0 += B) {
      const c1 = Math.min(nCols, c0 + B);
      for (let r = r0; r < r1; r++) {
        const base = r * nCols;
        for (let k = c0; k < c1; k++) out[k * nRows + r] = rows[base + k];
      }
    }
  }
}
