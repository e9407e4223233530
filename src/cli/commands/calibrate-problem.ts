// `chengyu-sim calibrate MODEL --problem FILE --data OBS.csv`: fit a problem file's factors
// (within their bounds) to observed data, for an XMILE model or a scenario of the regional
// model, minimising Vensim's payoff: the weighted sum of squared errors over the observed
// points (weights from the problem's `payoff`, default 1 for every data column). Seeded,
// multi-start Nelder–Mead (analysis/calibrate.ts): the same inputs give the same fit.
import { readFileSync } from 'node:fs';
import { calibrateMultiStart, type BoundedParameter } from '../../model/analysis/calibrate.ts';
import { quantile, isBounded } from '../../model/analysis/distributions.ts';
import type { BatchModel } from '../../model/analysis/batch-model.ts';
import { canonicalColumn } from '../../model/engine/names.ts';
import { resolveModel, type ModelRef } from '../../model/worker/model-ref.ts';
import { didYouMean } from '../did-you-mean.ts';
import { CliError } from '../errors.ts';
import { emit } from '../io.ts';
import { renderTable } from '../text-table.ts';
import { problemInput, type ProblemInput } from './problem-input.ts';

/** Observations: one column per observed variable, NaN where a time has no value. */
export interface Observations {
  times: number[];
  /** Model column names of the observed variables. */
  variables: string[];
  /** variables.length × times.length values, variable-major. */
  values: Float64Array;
}

/** Split one CSV line (quotes allowed). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') out.push(cur), (cur = '');
    else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

/** Read `--data FILE`: header `time,<variable>…` (or `year,…`), one row per observed time; empty cells are missing. */
export function readObservations(path: string, input: Pick<ProblemInput, 'model' | 'savedTimes'>): Observations {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(`--data ${path}: cannot read (${code === 'ENOENT' ? 'no such file' : (err as Error).message})`);
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) throw new CliError(`--data ${path}: expected a header (time,<variable>…) and at least one row of observations`);
  const head = cells(lines[0]);
  if (!/^(time|year)$/i.test(head[0])) throw new CliError(`--data ${path}: line 1: the first column must be "time" (or "year"), not ${JSON.stringify(head[0])}`);
  if (head.length < 2) throw new CliError(`--data ${path}: line 1: no observed variable after the time column`);
  const variables = head.slice(1).map((name, j) => {
    const hit = input.model.columns.find((c) => canonicalColumn(c) === canonicalColumn(name));
    if (!hit) throw new CliError(`--data ${path}: line 1, column ${j + 2}: "${name}" is not a variable of the model${didYouMean(name, input.model.columns)}`);
    return hit;
  });
  const times: number[] = [];
  const rows: number[][] = [];
  lines.slice(1).forEach((line, r) => {
    const c = cells(line);
    const where = `--data ${path}: line ${r + 2}`;
    if (c.length !== head.length) throw new CliError(`${where}: ${c.length} cells, the header has ${head.length}`);
    const t = Number(c[0]);
    const saved = input.savedTimes.find((s) => Math.abs(s - t) <= 1e-9 * Math.max(1, Math.abs(t)));
    if (c[0] === '' || saved === undefined) throw new CliError(`${where}: time ${JSON.stringify(c[0])} is not a saved time of the run (${input.savedTimes[0]} to ${input.savedTimes[input.savedTimes.length - 1]})`);
    if (times.length && saved <= times[times.length - 1]) throw new CliError(`${where}: times must increase`);
    times.push(saved);
    rows.push(c.slice(1).map((s, j) => {
      if (s === '') return NaN;
      const v = Number(s);
      if (!Number.isFinite(v)) throw new CliError(`${where}, column ${j + 2}: ${JSON.stringify(s)} is not a number (leave the cell empty for a missing value)`);
      return v;
    }));
  });
  const values = new Float64Array(variables.length * times.length);
  variables.forEach((_, j) => times.forEach((_, i) => (values[j * times.length + i] = rows[i][j])));
  return { times, variables, values };
}

/** Options of the problem branch of `calibrate`. */
export interface CalibrateProblemOptions {
  problem: string;
  data?: string;
  seed?: number;
  starts?: number;
  maxEvals?: number;
  format: 'table' | 'json';
  out?: string;
}

/** The weighted sum of squared errors of one run (`y`: variables × times) against the observations. */
export function payoff(y: Float64Array, obs: Observations, weights: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < obs.values.length; k++) {
    const d = obs.values[k];
    if (Number.isNaN(d)) continue;
    const e = y[k] - d;
    sum += weights[Math.floor(k / obs.times.length)] * e * e;
  }
  return sum;
}

/** Fit the problem's factors to `--data`, print the fit; `--out` writes it as JSON. */
export async function calibrateProblemCommand(modelPath: string | undefined, o: CalibrateProblemOptions): Promise<void> {
  if (!o.data) throw new CliError('--problem needs --data FILE: the observations to fit (CSV: time,<variable>…)');
  const input = await problemInput(modelPath, o.problem);
  const obs = readObservations(o.data, input);
  const source = `--problem ${o.problem}`;
  const given = input.problem.payoff;
  const weights = Float64Array.from(obs.variables, (v) => {
    if (!given) return 1;
    const w = given.find((p) => canonicalColumn(p.variable) === canonicalColumn(v));
    return w ? w.weight : 0;
  });
  given?.forEach((p, i) => {
    if (!obs.variables.some((v) => canonicalColumn(v) === canonicalColumn(p.variable))) {
      throw new CliError(`${source}: payoff[${i}].variable: "${p.variable}" is not a column of --data ${o.data} (columns: ${obs.variables.join(', ')})`);
    }
  });
  if (!weights.some((w) => w > 0)) throw new CliError(`${source}: payoff: every weight is 0; nothing to fit`);
  const params = input.ref.kind === 'xmile' ? input.ref.params : input.ref.kind === 'chengyu' ? input.ref.factors! : [];
  const boxes: BoundedParameter[] = params.map((p, i) => {
    if (!isBounded(p.distribution)) throw new CliError(`${source}: factors[${i}]: calibrate searches within bounds; give this ${p.distribution.type} factor "bounds"`);
    const lower = quantile(p.distribution, 0);
    const upper = quantile(p.distribution, 1);
    const info = input.model.constants.find((c) => c.elements.includes(p.id));
    const def = info?.defaults[info.elements.indexOf(p.id)];
    // Start where the model stands, as Vensim does, when that lies inside the box.
    return { id: p.id, lower, upper, ...(def !== undefined && def > lower && def < upper ? { initial: def } : {}) };
  });
  const ref = { ...input.ref, outputs: obs.variables, saveTimes: obs.times } as ModelRef;
  const model: BatchModel = await resolveModel(ref);
  const out = new Float64Array(model.outputs.length * model.times.length);
  const x = new Float64Array(params.length);
  const run = (values: Record<string, number>) => {
    params.forEach((p, i) => (x[i] = values[p.id]));
    model.run(x, 0, out);
    return payoff(out, obs, weights);
  };
  process.stderr.write(`calibrate: fitting ${params.length} factor(s) to ${obs.values.filter((v) => !Number.isNaN(v)).length} observations of ${obs.variables.length} variable(s) …\n`);
  const fit = calibrateMultiStart(boxes, run, { ...(o.seed ? { seed: o.seed } : {}), starts: o.starts ?? 4, maxEvals: o.maxEvals ?? 2000 });
  run(fit.values);
  const perVariable = obs.variables.map((v, j) => {
    let ss = 0;
    let n = 0;
    for (let i = 0; i < obs.times.length; i++) {
      const d = obs.values[j * obs.times.length + i];
      if (Number.isNaN(d)) continue;
      ss += (out[j * obs.times.length + i] - d) ** 2;
      n++;
    }
    return { variable: v, weight: weights[j], observations: n, rmse: n ? Math.sqrt(ss / n) : NaN };
  });
  const result = {
    model: input.scenario,
    problem: o.problem,
    data: o.data,
    parameters: fit.values,
    bounds: Object.fromEntries(boxes.map((b) => [b.id, [b.lower, b.upper]])),
    payoff: fit.objective,
    fit: perVariable,
    starts: fit.startObjectives,
    evaluations: fit.evals,
  };
  process.stderr.write(`calibrate: payoff ${fit.objective.toPrecision(6)} after ${fit.evals} runs\n`);
  const g = (v: number) => (Number.isFinite(v) ? v.toPrecision(6) : '—');
  const text = o.format === 'json'
    ? `${JSON.stringify(result, null, 2)}\n`
    : `${renderTable(['factor', 'fitted', 'lower', 'upper'], boxes.map((b) => [b.id, g(fit.values[b.id]), g(b.lower), g(b.upper)]), ['left', 'right', 'right', 'right'])}\n` +
      `payoff (weighted sum of squared errors): ${g(fit.objective)}\n` +
      `${renderTable(['variable', 'weight', 'observations', 'RMSE'], perVariable.map((p) => [p.variable, String(p.weight), String(p.observations), g(p.rmse)]), ['left', 'right', 'right', 'right'])}\n`;
  if (o.out) await emit(`${JSON.stringify(result, null, 2)}\n`, o.out);
  if (!o.out || o.out !== '-') await emit(text);
}
