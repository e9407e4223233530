// The "reach a target" search inside a model worker: the CLI's goal search
// (model/chengyu/optimize.ts, the same CMA-ES, common draws and seed) run in this thread on
// the worker's own compiled model, so the same request gives the package `chengyu-sim
// optimize` gives with the same settings. Its answer is plain data for the page.
import { compareAssessments, type Assessment } from '../../model/analysis/goal-seek.ts';
import { thinEvenly } from '../../model/analysis/thin-evenly.ts';
import { parseGoalTarget } from '../../model/analysis/goal-targets.ts';
import { checkGoalTargets, leverDecisions, optimizeLevers, packageCostSplit, packageLevers, packageSettings, type LeverGoal } from '../../model/chengyu/optimize.ts';
import { resolveLevers } from '../../model/scenario/scenario.ts';
import type { GoalAnswer, GoalPackage, GoalProgress, GoalRequest, GoalTargetInput } from './goal-types.ts';

/** Most packages of the front the panel lists. */
const FRONT_ROWS = 12;

/** A target as the CLI writes it. */
export function goalTargetText(t: GoalTargetInput): string {
  return `${t.output}@${t.year}${t.op}${t.value}`;
}

/** The regional goal a request asks (throws naming the target or field that is wrong). */
export function leverGoalOf(req: GoalRequest): LeverGoal {
  const targets = req.targets.map((t) => parseGoalTarget(goalTargetText(t)));
  checkGoalTargets(targets);
  leverDecisions(req.fixed);
  return { targets, confidence: req.confidence, budget: req.budget ?? Infinity, fixed: { ...req.fixed }, runs: req.runs, seed: req.seed, generations: req.generations };
}

/** Search the cheapest package for `req`; `onProgress` hears after every generation. */
export async function goalSearch(req: GoalRequest, onProgress?: (p: GoalProgress) => void): Promise<GoalAnswer> {
  const goal = leverGoalOf(req);
  const minP = (a: Assessment) => Math.min(...a.meetings.map((m) => m.probability));
  goal.onGeneration = (state) => {
    if (!onProgress) return;
    const best = state.archive.reduce((a, b) => (compareAssessments(b, a) < 0 ? b : a));
    onProgress({ generation: state.cma.generation, generations: req.generations, evaluations: state.evaluations, feasible: best.feasible, cost: best.cost, probability: minP(best) });
  };
  const r = await optimizeLevers(goal);
  const asPackage = (a: Assessment): GoalPackage => ({
    cost: a.cost,
    feasible: a.feasible,
    // Levers the package leaves at zero strength go back to their defaults (they change no output).
    levers: resolveLevers({ levers: packageLevers(packageSettings(a.pkg, goal.fixed)) }),
    meetings: a.meetings.map((m) => ({ probability: m.probability, reached: m.reached })),
  });
  const kind = r.baselineMeets ? 'baseline' : r.best.feasible ? 'found' : r.unreachable ? 'unreachable' : 'closest';
  const front = thinEvenly([...r.front].sort((a, b) => a.cost - b.cost), FRONT_ROWS);
  return {
    kind,
    best: asPackage(r.best),
    front: front.map(asPackage),
    ...(kind === 'found' && r.best.cost > 0 ? { split: packageCostSplit(goal, r.best.pkg) } : {}),
    evaluations: r.evaluations,
    generations: r.generations,
    targetTexts: goal.targets.map((t) => t.text),
  };
}
