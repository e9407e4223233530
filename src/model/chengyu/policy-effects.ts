// Policy effects of the regional model under uncertainty, for the CLI's `compare --runs`
// and the web app alike: scenarios (lever constants and simulation settings) run on common
// draws of the uncertain inputs (posterior by default), then each scenario's effect
// against the first, per output and year.
import type { Seed } from '../analysis/rng.ts';
import type { SamplingMethod } from '../analysis/sampling.ts';
import { runOnCommonDraws, commonDrawsProblem } from '../analysis/common-draws.ts';
import { effectTable, type EffectCell } from '../analysis/effect-table.ts';
import { chengyuBatchModel, type ChengyuBatchRef } from './batch-model.ts';
import type { UncertaintySource } from './posterior-data.ts';
import type { PosteriorFile } from './posterior-types.ts';

/** One scenario as the regional model runs it (what scenarioModelRef returns, minus the kind). */
export type PolicyVariant = Pick<ChengyuBatchRef, 'constants' | 'method' | 'end' | 'dt'> & { id: string };

/** What to compute. */
export interface PolicyEffectsRequest {
  /** The scenarios; the first is the reference every other is compared with. */
  variants: PolicyVariant[];
  /** Draws (runs per scenario). */
  runs: number;
  seed: Seed;
  sampling?: SamplingMethod;
  uncertainty?: UncertaintySource;
  /** Outputs (default the headline outputs). */
  outputs?: string[];
  /** Years reported (default every saved year). */
  years?: number[];
  /** Output → effect threshold whose probability of being exceeded is reported. */
  thresholds?: Record<string, number>;
  /** Another calibration's fitted values and its posterior (see ChengyuBatchRef). */
  parameters?: Record<string, number>;
  posterior?: PosteriorFile;
  onProgress?: (done: number, total: number) => void;
}

/** The effects and what they were computed from. */
export interface PolicyEffects {
  variants: string[];
  outputs: string[];
  years: number[];
  runs: number;
  /** Model version of the reference's batch model (calibration and uncertainty source included). */
  modelVersion: string;
  cells: EffectCell[];
}

/** Run the variants on common draws and summarise each one's effect against the first. */
export function chengyuPolicyEffects(req: PolicyEffectsRequest): PolicyEffects {
  if (req.variants.length < 2) throw new Error('policy effects need at least two scenarios (the first is the reference)');
  for (const o of Object.keys(req.thresholds ?? {})) {
    if (req.outputs && !req.outputs.includes(o)) throw new Error(`threshold for "${o}", which is not among the outputs compared`);
  }
  const models = req.variants.map((v) =>
    chengyuBatchModel({
      constants: v.constants,
      ...(v.method ? { method: v.method } : {}),
      ...(v.end !== undefined ? { end: v.end } : {}),
      ...(v.dt !== undefined ? { dt: v.dt } : {}),
      ...(req.outputs ? { outputs: req.outputs } : {}),
      ...(req.uncertainty ? { uncertainty: req.uncertainty } : {}),
      ...(req.parameters ? { parameters: req.parameters } : {}),
      ...(req.posterior ? { posterior: req.posterior } : {}),
    }),
  );
  const problem = commonDrawsProblem(models, req.variants.map((v) => v.id));
  if (problem) throw new Error(`scenarios cannot share draws: ${problem}`);
  const years = req.years ?? Array.from(models[0].times);
  const tables = runOnCommonDraws(models, req.runs, req.seed, req.sampling ?? 'lhs', req.onProgress);
  const thresholds = new Map(Object.entries(req.thresholds ?? {}));
  return {
    variants: req.variants.map((v) => v.id),
    outputs: [...models[0].outputs],
    years,
    runs: req.runs,
    modelVersion: models[0].version,
    cells: effectTable(tables, years, thresholds),
  };
}
