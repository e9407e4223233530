// Goal seeking on the regional model: the cheapest lever package (start years included,
// whole-number fields respected) that meets every target with the asked probability over
// common posterior draws. Every package runs on the same draws, so two packages differ only
// by their levers (common random numbers), and the search compares them paired.
import { assess, type Assessment, costProbabilityFront, type Decision, goalSeek, type GoalProblem, type GoalSeekResult, type GoalSeekState } from '../analysis/goal-seek.ts';
import type { GoalTarget } from '../analysis/goal-targets.ts';
import type { Seed } from '../analysis/rng.ts';
import { Sampler, type UncertainParameter } from '../analysis/sampling.ts';
import { LEVERS, START_YEAR_RANGE } from '../scenario/levers.ts';
import { leverConstantName, type LeverSettings } from '../scenario/lever-types.ts';
import { leverConstants, resolveLevers, type PartialLevers, type Scenario } from '../scenario/scenario.ts';
import { chengyuBatchModel, type ChengyuBatchRef } from './batch-model.ts';
import { localEvaluator } from '../analysis/evaluate.ts';
import type { Evaluate } from '../analysis/sensitivity.ts';
import { CHENGYU_SIM } from './equations.ts';
import { getChengyuModel } from './run.ts';
import type { UncertaintySource } from './posterior-data.ts';

/** The cumulative-cost output the search minimises. */
export const COST_OUTPUT = 'policy_cost_cumulative';

/** What a regional goal search is asked. */
export interface LeverGoal {
  targets: GoalTarget[];
  confidence: number;
  /** Largest cumulative cost (亿元) allowed; Infinity for none. */
  budget: number;
  /** Lever fields held at a value (`lever.field` → value) instead of searched. */
  fixed: Record<string, number>;
  /** Common draws per package. */
  runs: number;
  seed: Seed;
  /** Earliest start year the search may choose (default 2026, the first year after the baseline's policies). */
  earliestStart?: number;
  /** Year of the cumulative cost (default the simulation's end, 2035). */
  costYear?: number;
  uncertainty?: UncertaintySource;
  generations?: number;
  resume?: GoalSeekState;
  onGeneration?: (state: GoalSeekState, line: string) => void;
}

/** The search's answer on the regional model. */
export interface LeverGoalResult extends GoalSeekResult {
  /** Whether the baseline (no lever) already meets every target. */
  baselineMeets: boolean;
  /** Whether even every lever at its strongest from the earliest start misses a target. */
  unreachable: boolean;
  /** The best package as a scenario's lever settings (only the levers it switches on). */
  levers: PartialLevers;
}

/** A lever's main field: the one that says how much of it there is (the first, by convention). */
function mainField(leverId: string): string {
  return LEVERS.find((l) => l.id === leverId)!.fields[0].field;
}

/** The search's decisions: every lever field not fixed, start years from `earliest` on. */
export function leverDecisions(fixed: Record<string, number>, earliest: number = START_YEAR_RANGE.default): Decision[] {
  for (const key of Object.keys(fixed)) {
    const [id, field] = key.split('.');
    if (!LEVERS.some((l) => l.id === id && l.fields.some((f) => f.field === field))) throw new Error(`--fix ${key}: no such lever field (see \`chengyu-sim levers\`)`);
  }
  return LEVERS.flatMap((l) =>
    l.fields
      .filter((f) => !(`${l.id}.${f.field}` in fixed))
      .map((f) => ({ id: `${l.id}.${f.field}`, min: f.field === 'start_year' ? Math.max(f.min, earliest) : f.min, max: f.max, integer: f.integer })),
  );
}

/** Lever settings of a package (decision values and fixed fields over the defaults). */
export function packageSettings(pkg: Record<string, number>, fixed: Record<string, number>): LeverSettings {
  const levers: Record<string, Record<string, number>> = {};
  for (const [key, value] of Object.entries({ ...pkg, ...fixed })) {
    const [id, field] = key.split('.');
    (levers[id] ??= {})[field] = value;
  }
  return resolveLevers({ levers: levers as PartialLevers });
}

/** The scenario levers of a package: only the levers whose main field is not zero. */
export function packageLevers(settings: LeverSettings): PartialLevers {
  const out: Record<string, Record<string, number>> = {};
  for (const l of LEVERS) {
    const s = settings[l.id] as unknown as Record<string, number>;
    if (s[mainField(l.id)] !== 0) out[l.id] = { ...s };
  }
  return out as PartialLevers;
}

/** The package with no lever on, and the one with every lever at its strongest and earliest. */
function boundaryPackages(decisions: readonly Decision[]): Record<string, number>[] {
  const none: Record<string, number> = {};
  const all: Record<string, number> = {};
  for (const d of decisions) {
    const [id, field] = d.id.split('.');
    const def = LEVERS.find((l) => l.id === id)!.fields.find((f) => f.field === field)!.default;
    const main = field === mainField(id);
    none[d.id] = main ? d.min : field === 'start_year' ? d.min : def;
    all[d.id] = main ? d.max : field === 'start_year' ? d.min : def;
  }
  return [none, all];
}

/** Throw one clear message for a target the regional model cannot judge (unknown output, year outside the run). */
export function checkGoalTargets(targets: readonly GoalTarget[]): void {
  for (const t of targets) {
    if (t.year < CHENGYU_SIM.start || t.year > CHENGYU_SIM.stop) throw new Error(`target ${t.text}: the year must lie in ${CHENGYU_SIM.start}–${CHENGYU_SIM.stop}`);
    if (!getChengyuModel().columns.includes(t.output)) {
      throw new Error(`target ${t.text}: the model has no output ${t.output} (see \`chengyu-sim run scenarios/baseline.json\` for the output names)`);
    }
  }
}

/** The common draws of a search: one Latin hypercube over the uncertain inputs, fixed by the seed. */
function commonDraws(params: UncertainParameter[], goal: Pick<LeverGoal, 'runs' | 'seed'>): Float64Array[] {
  const sampler = new Sampler({ params, runs: goal.runs, seed: goal.seed, method: 'lhs' });
  return Array.from({ length: goal.runs }, (_, i) => {
    const values = new Float64Array(params.length);
    sampler.point(i, values);
    return values;
  });
}

/** Who pays a package's cumulative cost up to the cost year: Sichuan and Chongqing, in 亿元 (means over the common draws). */
export function packageCostSplit(goal: LeverGoal, pkg: Record<string, number>): { sichuan: number; chongqing: number } {
  const costYear = goal.costYear ?? CHENGYU_SIM.stop;
  const model = chengyuBatchModel({
    constants: leverConstants(packageSettings(pkg, goal.fixed)),
    outputs: ['policy_cost_sichuan', 'policy_cost_chongqing'],
    uncertainty: goal.uncertainty ?? 'posterior',
  });
  const T = model.times.length;
  const out = new Float64Array(2 * T);
  const sum = { sichuan: 0, chongqing: 0 };
  for (const d of commonDraws(model.params, goal)) {
    model.run(d, 0, out);
    // A rate's yearly value is its mean over the year, so the year's spending: the sum over years is the cumulative cost.
    for (let t = 0; t < T; t++) {
      if (model.times[t] <= CHENGYU_SIM.start || model.times[t] > costYear) continue;
      sum.sichuan += out[t];
      sum.chongqing += out[T + t];
    }
  }
  return { sichuan: sum.sichuan / goal.runs, chongqing: sum.chongqing / goal.runs };
}

/** Every lever field as a search constant over its range (the order of a package's values in a design row). */
const SEARCH_CONSTANTS = LEVERS.flatMap((l) => l.fields.map((f) => ({ key: `${l.id}.${f.field}`, id: leverConstantName(l.id, f.field), min: f.min, max: f.max })));

/** The regional model a goal search runs: the uncertain inputs, then every lever field as a run constant. */
export function leverSearchRef(goal: Pick<LeverGoal, 'targets' | 'uncertainty'>): ChengyuBatchRef {
  const outputs = [...new Set([...goal.targets.map((t) => t.output), COST_OUTPUT])];
  return { constants: {}, outputs, uncertainty: goal.uncertainty ?? 'posterior', searchConstants: SEARCH_CONSTANTS.map(({ id, min, max }) => ({ id, min, max })) };
}

/**
 * The goal problem on the regional model: every package runs on the same draws (one Latin
 * hypercube over the uncertain inputs); `evaluate` runs design rows (draw values, then lever
 * values), in this thread or on a worker pool.
 */
export function leverGoalProblem(goal: LeverGoal, evaluate?: Evaluate): GoalProblem {
  const costYear = goal.costYear ?? CHENGYU_SIM.stop;
  checkGoalTargets(goal.targets);
  const decisions = leverDecisions(goal.fixed, goal.earliestStart);
  const ref = leverSearchRef(goal);
  const model = chengyuBatchModel(ref);
  const run = evaluate ?? localEvaluator(model, 0);
  const uncertain = model.params.slice(0, model.params.length - SEARCH_CONSTANTS.length);
  const draws = commonDraws(uncertain, goal);
  const T = model.times.length;
  const yearAt = (y: number) => Array.from(model.times).indexOf(y);
  const at = (name: string, year: number) => model.outputs.indexOf(name) * T + yearAt(year);
  // KPI columns read per run: each target at its year, then the cost at the cost year.
  const columns = Int32Array.from([...goal.targets.map((t) => at(t.output, t.year)), at(COST_OUTPUT, costYear)]);
  const P = model.params.length;
  const K = goal.targets.length;
  return {
    decisions,
    targets: goal.targets,
    confidence: goal.confidence,
    budget: goal.budget,
    async evaluate(pkgs) {
      const rows = new Float64Array(pkgs.length * goal.runs * P);
      pkgs.forEach((pkg, p) => {
        const settings = packageSettings(pkg, goal.fixed) as unknown as Record<string, Record<string, number>>;
        const levers = SEARCH_CONSTANTS.map((c) => {
          const [id, field] = c.key.split('.');
          return settings[id][field];
        });
        for (let i = 0; i < goal.runs; i++) {
          const row = (p * goal.runs + i) * P;
          rows.set(draws[i], row);
          rows.set(levers, row + uncertain.length);
        }
      });
      const y = await run(rows, columns);
      return pkgs.map((_, p) => {
        const values = goal.targets.map(() => new Float64Array(goal.runs));
        let cost = 0;
        for (let i = 0; i < goal.runs; i++) {
          const r = (p * goal.runs + i) * (K + 1);
          for (let k = 0; k < K; k++) values[k][i] = y[r + k];
          cost += y[r + K];
        }
        // Spending in 亿元, the mean over the draws (R&D support scales with the uncertain GDP).
        return { cost: cost / goal.runs, values };
      });
    },
  };
}

/** Search the cheapest lever package for `goal` (the empty package when the baseline meets every target). */
export async function optimizeLevers(goal: LeverGoal, evaluate?: Evaluate): Promise<LeverGoalResult> {
  const problem = leverGoalProblem(goal, evaluate);
  const [none, all] = boundaryPackages(problem.decisions);
  const finish = (r: GoalSeekResult, baselineMeets: boolean, unreachable = false): LeverGoalResult => ({
    ...r,
    baselineMeets,
    unreachable,
    levers: packageLevers(packageSettings(r.best.pkg, goal.fixed)),
  });
  let judged: Assessment[] = [];
  if (!goal.resume) {
    const [baseline, strongest] = await assess(problem, [none, all]);
    judged = [baseline, strongest];
    // Nothing is cheaper than no lever at all: when the baseline meets the targets, that is the answer.
    if (baseline.feasible) return finish({ best: baseline, front: [baseline], evaluations: 2, generations: 0 }, true);
    // Lever effects are monotone in their strength and in an earlier start (tests/model), so when
    // every lever at its strongest from the earliest year misses, no package reaches the targets.
    if (!strongest.feasible && !(strongest.cost > problem.budget)) {
      return finish({ best: strongest, front: costProbabilityFront([baseline, strongest]), evaluations: 2, generations: 0 }, false, true);
    }
  }
  const r = await goalSeek(problem, {
    seed: goal.seed,
    ...(goal.generations !== undefined ? { generations: goal.generations } : {}),
    judged,
    ...(goal.resume ? { resume: goal.resume } : {}),
    ...(goal.onGeneration ? { onGeneration: goal.onGeneration } : {}),
  });
  return finish(r, false);
}

/** The best package as a scenario file. */
export function packageScenario(result: LeverGoalResult, goal: LeverGoal): Scenario {
  const targets = goal.targets.map((t) => t.text).join(', ');
  const pct = Math.round(goal.confidence * 100);
  return {
    id: 'optimized',
    title: { zh: '达标最低成本方案', en: 'Cheapest package meeting the targets' },
    description: {
      zh: `由 chengyu-sim optimize 求得：在 ${goal.runs} 组共同后验抽样下，以至少 ${pct}% 的概率达到 ${targets}，累计成本最低的政策组合（种子 ${goal.seed}）。`,
      en: `Found by chengyu-sim optimize: the lowest-cost lever package meeting ${targets} with probability at least ${pct} % over ${goal.runs} common posterior draws (seed ${goal.seed}).`,
    },
    levers: result.levers,
    simulation: { end: CHENGYU_SIM.stop, method: 'euler', dt: CHENGYU_SIM.dt },
  };
}

