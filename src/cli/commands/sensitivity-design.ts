// `sensitivity --save-design DIR`: the design and the model's outputs as files SALib (or any
// other tool) reads: X and Y as CSV and as NumPy .npy, a SALib problem and a note of how the
// rows are ordered. Sobol rows are written in SALib's order (per base row A, AB_1…AB_k, B,
// without second-order rows), so `SALib.analyze.sobol.analyze(problem, Y[:, j],
// calc_second_order=False)` reads them as they are; Morris rows are trajectory-major, as
// `SALib.analyze.morris.analyze(problem, X, Y[:, j], num_levels=levels)` expects.
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { quantile } from '../../model/analysis/distributions.ts';
import type { UncertainParameter } from '../../model/analysis/sampling.ts';
import type { KpiSelector, SensitivityReport } from '../../model/analysis/sensitivity.ts';
import { UNBOUNDED_TAIL } from '../../model/analysis/unit-space.ts';
import { writeFileAtomic } from '../../io/write-atomic.ts';
import { errnoWords } from '../errno-words.ts';
import { CliError } from '../errors.ts';
import { EXIT } from '../exit-codes.ts';
import { csvCell } from './run-xmile.ts';

/** A 2-D float64 array as a NumPy .npy file (format 1.0, little-endian, C order). */
export function npyBytes(values: Float64Array, rows: number, cols: number): Buffer {
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`;
  // Magic (6) + version (2) + length (2) + header, padded with spaces to a multiple of 64, ending in \n.
  const total = Math.ceil((10 + header.length + 1) / 64) * 64;
  header = header.padEnd(total - 10 - 1, ' ') + '\n';
  const buf = Buffer.alloc(total + values.length * 8);
  buf.write('\x93NUMPY', 0, 'latin1');
  buf[6] = 1;
  buf[7] = 0;
  buf.writeUInt16LE(header.length, 8);
  buf.write(header, 10, 'latin1');
  for (let i = 0; i < values.length; i++) buf.writeDoubleLE(values[i], total + 8 * i);
  return buf;
}

/** Rows of a CSV of `cols` columns, full precision. */
function csvRows(head: string[], values: Float64Array, cols: number): string {
  const lines = [head.map(csvCell).join(',')];
  for (let r = 0; r < values.length / cols; r++) {
    let line = '';
    for (let c = 0; c < cols; c++) line += `${c ? ',' : ''}${String(values[r * cols + c])}`;
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

/** Row permutation from our Sobol order (A, B, AB_1…AB_k) to SALib's (A, AB_1…AB_k, B). */
function salibOrder(n: number, k: number): Int32Array {
  const rows = k + 2;
  const at = new Int32Array(n * rows);
  for (let j = 0; j < n; j++) {
    at[j * rows] = j * rows;
    for (let g = 0; g < k; g++) at[j * rows + 1 + g] = j * rows + 2 + g;
    at[j * rows + rows - 1] = j * rows + 1;
  }
  return at;
}

/** Rows of `values` (width `w`) taken in the order `at`. */
function reorder(values: Float64Array, w: number, at: Int32Array): Float64Array {
  const out = new Float64Array(values.length);
  at.forEach((src, dst) => out.set(values.subarray(src * w, src * w + w), dst * w));
  return out;
}

/** Write the design of `report` (kept with keepDesign) to `dir`. */
export function saveDesign(dir: string, report: SensitivityReport, params: UncertainParameter[], kpis: KpiSelector[], groups?: { names: string[]; of: Int32Array }): string[] {
  const design = report.design;
  if (!design) throw new Error('the report kept no design');
  const d = params.length;
  const m = kpis.length;
  let X = design.points;
  let Y = design.y;
  if (report.method === 'sobol') {
    const at = salibOrder(design.n, design.k);
    X = reorder(X, d, at);
    Y = reorder(Y, m, at);
  }
  const rows = X.length / d;
  const yHead = kpis.map((k) => `${k.output}@${k.time}`);
  const bounds = params.map((p) => (p.distribution.type === 'uniform' || p.distribution.type === 'triangular' ? [quantile(p.distribution, 0), quantile(p.distribution, 1)] : [quantile(p.distribution, UNBOUNDED_TAIL), quantile(p.distribution, 1 - UNBOUNDED_TAIL)]));
  const problem = {
    num_vars: d,
    names: params.map((p) => p.id),
    bounds,
    ...(groups ? { groups: Array.from(groups.of, (g) => groups.names[g]) } : {}),
    distributions: params.map((p) => p.distribution),
  };
  const note = {
    method: report.method,
    ...(report.method === 'sobol' ? { N: design.n, order: 'SALib: per base row A, AB_1 … AB_k, B (no second-order rows)', analyse: 'SALib.analyze.sobol.analyze(problem, Y[:, j], calc_second_order=False)' } : { trajectories: design.n, levels: report.levels ?? 4, order: 'trajectory-major, k + 1 rows each', analyse: 'SALib.analyze.morris.analyze(problem, X, Y[:, j], num_levels=levels)' }),
    seed: report.seed,
    rows,
    columns: { X: problem.names, Y: yHead },
    note: 'X holds factor values (not unit-cube coordinates); bounds of unbounded distributions are their 0.5 % and 99.5 % quantiles.',
  };
  const files: Array<[string, string | Buffer]> = [
    ['X.csv', csvRows(problem.names, X, d)],
    ['Y.csv', csvRows(yHead, Y, m)],
    ['X.npy', npyBytes(X, rows, d)],
    ['Y.npy', npyBytes(Y, rows, m)],
    ['problem.json', `${JSON.stringify(problem, null, 2)}\n`],
    ['design.json', `${JSON.stringify(note, null, 2)}\n`],
  ];
  try {
    mkdirSync(dir, { recursive: true });
    for (const [name, data] of files) writeFileAtomic(join(dir, name), data);
  } catch (err) {
    throw new CliError(`--save-design ${dir}: cannot write (${errnoWords(err)})`, EXIT.failure);
  }
  return files.map(([name]) => join(dir, name));
}
