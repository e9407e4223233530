// The posterior of the regional model's parameters given the 2015–2022 targets: the calibrated
// parameters jointly with every uncertain parameter the targets inform, plus one model-error
// scale per series family, sampled by DE-MCz (analysis/mcmc.ts) from around the point fit.
// Uncertain parameters the targets cannot see (they act only through levers) keep their prior:
// the posterior factorises there, so Monte Carlo draws them from the prior independently.
// Pure: writing posterior.json is the CLI's job (`calibrate --write`).
import { deMcz } from '../analysis/mcmc.ts';
import { effectiveSampleSize, splitRhat } from '../analysis/mcmc-diagnostics.ts';
import { logDensity, quantile } from '../analysis/distributions.ts';
import { normalCdf } from '../analysis/normal.ts';
import { stream } from '../analysis/rng.ts';
import { CALIBRATION_TARGETS, MODEL_ERROR, type CalibrationTarget } from './targets.ts';
import { targetRunner } from './target-runner.ts';
import { PARAMETERS, PARAMETER_INDEX, CALIBRATED_IDS } from './parameters.ts';
import type { Distribution } from './parameter-types.ts';
import { MODEL_ERROR_PREFIX, type PosteriorFile, type PosteriorSummary } from './posterior-types.ts';

export { MODEL_ERROR_PREFIX, type PosteriorFile, type PosteriorSummary };

/** One sampled quantity of the posterior. */
interface Dim {
  id: string;
  lower: number;
  upper: number;
  /** Sampled as log(x) (wide positive ranges), else as x. */
  log: boolean;
  prior?: Distribution;
}

/** Options of the posterior sampling. */
export interface PosteriorOptions {
  /** Point-fit values to start around (calibration.json's parameters). */
  start: Record<string, number>;
  seed?: number;
  chains?: number;
  generations?: number;
  thin?: number;
  lastYear?: number;
  onProgress?: (message: string) => void;
}

/** The basis of the posterior, stated in the file. */
export const POSTERIOR_BASIS =
  'DE-MCz (ter Braak & Vrugt 2008) over the calibrated parameters, the uncertain parameters the targets ' +
  'inform and one model-error scale per series family; likelihood: log values normal with variance ' +
  'observation error² + model error² (a lower bound enters as the probability of exceeding it); priors: the ' +
  "registry's distributions, else uniform on the registry range (log-uniform where it spans more than a factor " +
  '10), model errors log-normal around the point fit\'s scales. Draws: the second half of every chain.';

const fam = [...new Set(CALIBRATION_TARGETS.map((t) => t.family))];

/** Uncertain parameters (with a distribution, not calibrated) whose change moves a target: the others are prior-only. */
export function informedUncertain(targets: readonly CalibrationTarget[] = CALIBRATION_TARGETS): string[] {
  const { runner } = targetRunner(targets);
  const base = Float64Array.from(runner.run(runner.defaults()));
  return PARAMETERS.filter((p) => p.distribution && p.provenance.kind !== 'calibrated' && typeof p.value === 'number')
    .filter((p) => {
      const c = runner.defaults();
      const k = runner.constantIndex(p.id);
      return [0.1, 0.9].some((u) => {
        c[k] = quantile(p.distribution!, u);
        const out = runner.run(c);
        return out.some((v, i) => Math.abs(v - base[i]) > 1e-12 * Math.max(1, Math.abs(base[i])));
      });
    })
    .map((p) => p.id);
}

function dims(informed: string[]): Dim[] {
  const out: Dim[] = [];
  for (const id of [...CALIBRATED_IDS, ...informed]) {
    const p = PARAMETER_INDEX.get(id)!;
    const d = p.distribution;
    const [lo, hi] = d && p.provenance.kind !== 'calibrated' ? [quantile(d, 0), quantile(d, 1)] : p.range;
    out.push({ id, lower: lo, upper: hi, log: lo > 0 && hi / lo > 10, prior: d });
  }
  for (const f of fam) out.push({ id: `${MODEL_ERROR_PREFIX}${f}`, lower: 1e-3, upper: 1, log: true });
  return out;
}

/** Round to 5 significant digits (the committed draws: finer than any posterior spread, and small enough for the web app). */
const sig5 = (v: number) => Number(v.toPrecision(5));

/** Sample the posterior; deterministic for given options. */
export function samplePosterior(opts: PosteriorOptions): PosteriorFile {
  const seed = opts.seed ?? 20221231;
  const chains = opts.chains ?? 4;
  const generations = opts.generations ?? 100000;
  const thin = opts.thin ?? 10;
  const lastYear = opts.lastYear ?? 2022;
  const targets = CALIBRATION_TARGETS.filter((t) => t.year <= lastYear);
  const informed = informedUncertain(targets);
  const D = dims(informed);
  const nParam = D.length - fam.length;
  const { runner, at: index } = targetRunner(targets);
  const slots = D.slice(0, nParam).map((d) => runner.constantIndex(d.id));
  const famOf = targets.map((t) => fam.indexOf(t.family));
  const lnObs = targets.map((t) => Math.log(t.observed));
  const c = runner.defaults();
  const xv = new Float64Array(D.length);
  const toValue = (z: Float64Array) => {
    for (let j = 0; j < D.length; j++) xv[j] = D[j].log ? Math.exp(z[j]) : z[j];
    return xv;
  };
  const logTarget = (z: Float64Array): number => {
    const x = toValue(z);
    let lp = 0;
    for (let j = 0; j < D.length; j++) {
      const d = D[j];
      if (!(x[j] >= d.lower && x[j] <= d.upper)) return -Infinity;
      if (d.prior) lp += logDensity(d.prior, x[j]);
      else if (j >= nParam) {
        const m = MODEL_ERROR[fam[j - nParam]];
        lp += -0.5 * ((Math.log(x[j]) - Math.log(m)) / 0.7) ** 2 - Math.log(x[j]);
      }
      // Sampling log x: the density in z carries the Jacobian x.
      if (d.log) lp += z[j];
      if (!Number.isFinite(lp)) return -Infinity;
    }
    for (let j = 0; j < nParam; j++) c[slots[j]] = x[j];
    const out = runner.run(c);
    for (let k = 0; k < targets.length; k++) {
      const sim = out[index[k]];
      if (!(sim > 0)) return -Infinity;
      const s = targets[k].sigma;
      const m = x[nParam + famOf[k]];
      const v = s * s + m * m;
      const e = Math.log(sim) - lnObs[k];
      if (targets[k].bound === 'lower') lp += Math.log(Math.max(1e-300, normalCdf(e / Math.sqrt(v))));
      else lp += -0.5 * (e * e) / v - 0.5 * Math.log(v);
    }
    return lp;
  };
  // Initial archive: the point fit with every coordinate jittered by ±5 % of its box (log box).
  const rng = stream(seed, 'posterior-start');
  const startValue = (d: Dim) => (d.id.startsWith(MODEL_ERROR_PREFIX) ? MODEL_ERROR[d.id.slice(MODEL_ERROR_PREFIX.length)] : opts.start[d.id] ?? (PARAMETER_INDEX.get(d.id)!.value as number));
  const m0 = Math.max(3 * D.length, chains);
  const archive0: Float64Array[] = [];
  for (let i = 0; i < m0; i++) {
    archive0.push(
      Float64Array.from(D, (d) => {
        const lo = d.log ? Math.log(d.lower) : d.lower;
        const hi = d.log ? Math.log(d.upper) : d.upper;
        const x0 = d.log ? Math.log(startValue(d)) : startValue(d);
        const z = x0 + (rng() - 0.5) * 0.1 * (hi - lo);
        return Math.min(hi - 1e-9 * (hi - lo), Math.max(lo + 1e-9 * (hi - lo), z));
      }),
    );
  }
  const r = deMcz(logTarget, archive0, {
    chains, generations, thin, seed,
    every: Math.max(1, Math.floor(generations / 20)),
    onProgress: (g, acc) => opts.onProgress?.(`posterior: generation ${g}/${generations}, acceptance ${(acc / (g * chains)).toFixed(3)}`),
  });
  // Second halves of the chains, in value space.
  const half = Math.floor(r.kept / 2);
  const perChain = (j: number) =>
    r.chains.map((ch) => Float64Array.from({ length: r.kept - half }, (_, k) => {
      const z = ch[(half + k) * r.d + j];
      return D[j].log ? Math.exp(z) : z;
    }));
  const summary: PosteriorSummary[] = D.map((d, j) => {
    const cs = perChain(j);
    const all = Float64Array.from(cs.flatMap((x) => [...x])).sort();
    const q = (p: number) => all[Math.min(all.length - 1, Math.floor(p * all.length))];
    const mean = all.reduce((s, v) => s + v, 0) / all.length;
    const sd = Math.sqrt(all.reduce((s, v) => s + (v - mean) ** 2, 0) / (all.length - 1));
    // Within 1 % of the box, measured on the scale sampled (log for log-uniform boxes).
    const f = (v: number) => (d.log ? Math.log(v) : v);
    const tol = 0.01 * (f(d.upper) - f(d.lower));
    const atBound = f(q(0.05)) - f(d.lower) < tol ? 'lower' : f(d.upper) - f(q(0.95)) < tol ? 'upper' : undefined;
    return { id: d.id, mean, sd, q05: q(0.05), q50: q(0.5), q95: q(0.95), rhat: splitRhat(cs), ess: effectiveSampleSize(cs), ...(atBound ? { atBound } : {}) };
  });
  // Draws: every chain's second half, thinned to at most 400 rows in all.
  const rows: number[][] = [];
  const per = r.kept - half;
  const step = Math.max(1, Math.ceil((per * chains) / 400));
  for (let k = 0; k < per; k++) {
    for (let ci = 0; ci < chains; ci++) {
      if ((k * chains + ci) % step !== 0) continue;
      rows.push(D.map((d, j) => {
        const z = r.chains[ci][(half + k) * r.d + j];
        return sig5(d.log ? Math.exp(z) : z);
      }));
    }
  }
  const correlations: PosteriorFile['correlations'] = [];
  const columns = D.map((_, j) => rows.map((row) => row[j]));
  const cor = (a: number[], b: number[]) => {
    const ma = a.reduce((s, v) => s + v, 0) / a.length;
    const mb = b.reduce((s, v) => s + v, 0) / b.length;
    let sab = 0, saa = 0, sbb = 0;
    for (let i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) ** 2;
      sbb += (b[i] - mb) ** 2;
    }
    return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
  };
  for (let a = 0; a < D.length; a++) for (let b = a + 1; b < D.length; b++) {
    const v = cor(columns[a], columns[b]);
    if (Math.abs(v) >= 0.5) correlations.push({ a: D[a].id, b: D[b].id, r: Number(v.toFixed(3)) });
  }
  correlations.sort((p, q) => Math.abs(q.r) - Math.abs(p.r));
  const priorOnly = PARAMETERS.filter((p) => p.distribution && p.provenance.kind !== 'calibrated' && !informed.includes(p.id)).map((p) => p.id);
  return {
    basis: POSTERIOR_BASIS, seed, chains, generations, thin, evaluations: r.evaluations,
    acceptance: Number(r.acceptance.toFixed(4)), fitWindow: [2015, lastYear], parameters: D.map((d) => d.id),
    draws: rows, summary, correlations, priorOnly,
  };
}
