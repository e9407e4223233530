// Goal seeking: the cheapest package of decisions that meets every target with a given
// probability over common draws of the uncertain inputs. CMA-ES searches the decisions mapped
// to the unit cube; candidates are ranked by Deb's feasibility rules (feasible before
// infeasible, then by cost, infeasible ones by their total shortfall), so the search needs no
// penalty weight. Every package evaluated is kept for the cost–probability front.
import { cmaAsk, cmaStart, cmaTell, type CmaState } from './cma-es.ts';
import { type GoalTarget, targetMeeting, type TargetMeeting } from './goal-targets.ts';
import { stream, type Seed } from './rng.ts';

/** One decision of the search: a bounded number, whole or not. */
export interface Decision {
  id: string;
  min: number;
  max: number;
  integer: boolean;
}

/** What evaluating one package gives: its cost and, per target, the value in every draw. */
export interface PackageOutcome {
  cost: number;
  /** values[k][i]: target k's output at its year in draw i (the same draws for every package). */
  values: ArrayLike<number>[];
}

/** A goal-seeking problem. */
export interface GoalProblem {
  decisions: Decision[];
  targets: GoalTarget[];
  /** Probability with which every target must be met. */
  confidence: number;
  /** Largest cost allowed (Infinity for none). */
  budget: number;
  /** Evaluate packages (decision id → value) on the common draws, all at once (so they can run in parallel). */
  evaluate(pkgs: Record<string, number>[]): Promise<PackageOutcome[]>;
}

/** A package and how it does. */
export interface Assessment {
  pkg: Record<string, number>;
  cost: number;
  meetings: TargetMeeting[];
  /** Total relative shortfall of the targets plus the budget overrun (0 = feasible). */
  violation: number;
  feasible: boolean;
}

/** Options of a search. */
export interface GoalSeekOptions {
  seed: Seed;
  /** Generations of CMA-ES (default 60). */
  generations?: number;
  /** Packages evaluated before the search (e.g. the empty package and everything at its maximum). */
  seeds?: Record<string, number>[];
  /** Packages the caller has judged already (they join the archive as seeds, without being run again). */
  judged?: Assessment[];
  /** A saved state to continue from (see GoalSeekState). */
  resume?: GoalSeekState;
  /** Bisection steps per decision when polishing the best package (default 4). */
  polishSteps?: number;
  /** Called after every generation with the state to save (for checkpoints) and a progress line. */
  onGeneration?: (state: GoalSeekState, line: string) => void;
}

/** Everything a search carries between generations (JSON-serialisable). */
export interface GoalSeekState {
  cma: CmaState;
  archive: Assessment[];
  evaluations: number;
}

/** Result of a search. */
export interface GoalSeekResult {
  best: Assessment;
  /** Packages on the cost–probability front (no other is cheaper and at least as likely), by cost. */
  front: Assessment[];
  evaluations: number;
  generations: number;
}

/** Deb's rules: negative if a is better than b. */
export function compareAssessments(a: Assessment, b: Assessment): number {
  if (a.feasible !== b.feasible) return a.feasible ? -1 : 1;
  if (!a.feasible) return a.violation - b.violation || a.cost - b.cost;
  return a.cost - b.cost;
}

/** The package a point of the unit cube stands for (clipped, whole numbers rounded). */
export function decode(decisions: readonly Decision[], u: readonly number[]): Record<string, number> {
  const pkg: Record<string, number> = {};
  decisions.forEach((d, i) => {
    const x = d.min + Math.min(1, Math.max(0, u[i])) * (d.max - d.min);
    pkg[d.id] = d.integer ? Math.round(x) : x;
  });
  return pkg;
}

/** The point of the unit cube at a package's values (the inverse of decode inside the bounds). */
export function encode(decisions: readonly Decision[], pkg: Record<string, number>): number[] {
  return decisions.map((d) => (d.max === d.min ? 0.5 : ((pkg[d.id] ?? d.min) - d.min) / (d.max - d.min)));
}

/** Judge a package from its outcome. */
export function judgeOutcome(problem: GoalProblem, pkg: Record<string, number>, out: PackageOutcome): Assessment {
  const meetings = problem.targets.map((t, k) => targetMeeting(t, out.values[k], problem.confidence));
  const over = Number.isFinite(problem.budget) && out.cost > problem.budget ? (out.cost - problem.budget) / Math.max(1, problem.budget) : 0;
  const violation = meetings.reduce((a, m) => a + m.shortfall, 0) + over;
  const feasible = violation === 0 && meetings.every((m) => m.probability >= problem.confidence - 1e-12);
  return { pkg, cost: out.cost, meetings, violation, feasible };
}

/** Evaluate and judge packages. */
export async function assess(problem: GoalProblem, pkgs: Record<string, number>[]): Promise<Assessment[]> {
  const outs = await problem.evaluate(pkgs);
  return pkgs.map((pkg, i) => judgeOutcome(problem, pkg, outs[i]));
}

/** The cost–probability front: packages no other beats on cost and on the least likely target. */
export function costProbabilityFront(archive: readonly Assessment[]): Assessment[] {
  const p = (a: Assessment) => Math.min(...a.meetings.map((m) => m.probability));
  const byCost = [...archive].sort((a, b) => a.cost - b.cost || p(b) - p(a));
  const front: Assessment[] = [];
  let bestP = -Infinity;
  for (const a of byCost) {
    if (p(a) > bestP) {
      front.push(a);
      bestP = p(a);
    }
  }
  return front;
}

/** Search the cheapest package meeting every target with the problem's confidence. */
export async function goalSeek(problem: GoalProblem, opts: GoalSeekOptions): Promise<GoalSeekResult> {
  const generations = opts.generations ?? 60;
  let state: GoalSeekState;
  if (opts.resume) {
    state = opts.resume;
  } else {
    const archive = [...(opts.judged ?? []), ...(await assess(problem, opts.seeds ?? []))];
    // Start from the best seed package when there is one, else from the centre of the box.
    const start = [...archive].sort(compareAssessments)[0];
    const x0 = start ? encode(problem.decisions, start.pkg) : problem.decisions.map(() => 0.5);
    state = { cma: cmaStart(x0.map((x) => Math.min(0.9, Math.max(0.1, x))), 0.3), archive, evaluations: archive.length };
  }
  const seen = new Map(state.archive.map((a) => [JSON.stringify(a.pkg), a]));
  /** Judge packages, evaluating only those not seen before (in one call). */
  const judge = async (pkgs: Record<string, number>[]): Promise<Assessment[]> => {
    const fresh = [...new Map(pkgs.map((p) => [JSON.stringify(p), p])).entries()].filter(([k]) => !seen.has(k));
    const judged = await assess(problem, fresh.map(([, p]) => p));
    fresh.forEach(([k], i) => {
      seen.set(k, judged[i]);
      state.archive.push(judged[i]);
      state.evaluations++;
    });
    return pkgs.map((p) => seen.get(JSON.stringify(p))!);
  };
  while (state.cma.generation < generations) {
    const xs = cmaAsk(state.cma, stream(opts.seed, 'goal-seek', state.cma.generation));
    // The search learns from the repaired (clipped) point, so its mean stays in the box and
    // a decision can settle exactly on a bound (a lever switched off).
    const clipped = xs.map((x) => x.map((xi) => Math.min(1, Math.max(0, xi))));
    const judged = await judge(clipped.map((x) => decode(problem.decisions, x)));
    const order = clipped.map((x, i) => ({ x, a: judged[i] })).sort((p, q) => compareAssessments(p.a, q.a));
    state = { ...state, cma: cmaTell(state.cma, order.map((j) => j.x)) };
    const best = [...state.archive].sort(compareAssessments)[0];
    opts.onGeneration?.(
      state,
      `generation ${state.cma.generation}/${generations}: ${state.evaluations} packages, best ${best.feasible ? `cost ${best.cost.toFixed(1)}` : `infeasible, shortfall ${best.violation.toFixed(3)}`}`,
    );
  }
  const best = await polish(problem.decisions, [...state.archive].sort(compareAssessments)[0], judge, opts.polishSteps ?? 4);
  return { best, front: costProbabilityFront(state.archive), evaluations: state.evaluations, generations: state.cma.generation };
}

/**
 * Coordinate polish of a feasible package: CMA-ES approaches a constraint boundary slowly, so
 * each decision in turn is moved towards whichever bound is cheaper, as far as the targets
 * still hold (the bound itself, else bisection in `steps` halvings).
 */
async function polish(
  decisions: readonly Decision[],
  start: Assessment,
  judge: (pkgs: Record<string, number>[]) => Promise<Assessment[]>,
  steps: number,
): Promise<Assessment> {
  let best = start;
  if (!best.feasible) return best;
  for (const d of decisions) {
    const at = async (x: number) => (await judge([{ ...best.pkg, [d.id]: d.integer ? Math.round(x) : x }]))[0];
    // Both bounds in one call (they can run in parallel).
    const ends = await judge([d.min, d.max].map((b) => ({ ...best.pkg, [d.id]: b })));
    for (const [k, bound] of [d.min, d.max].entries()) {
      const here = best.pkg[d.id];
      const end = ends[k];
      if (here === bound || !(end.cost < best.cost)) continue;
      if (end.feasible) {
        best = end;
        continue;
      }
      // Feasible at `here`, infeasible at `bound`: halve the gap, keeping the cheapest feasible point.
      let ok = here;
      let bad = bound;
      for (let s = 0; s < steps; s++) {
        const a = await at((ok + bad) / 2);
        if (a.feasible && a.cost < best.cost) {
          best = a;
          ok = (ok + bad) / 2;
        } else bad = (ok + bad) / 2;
        if (d.integer && Math.abs(ok - bad) <= 1) break;
      }
    }
  }
  return best;
}
