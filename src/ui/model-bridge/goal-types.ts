// What the "reach a target" panel asks the model worker and what it gets back, as plain
// data the page can hold without bundling the model: the targets, the search's settings,
// its progress after each generation and its answer (packages as full lever settings).
import type { LeverSettings } from '../../model/scenario/lever-types.ts';

/** The panel's search settings: fewer draws and generations than the CLI's defaults (100, 40), the same method. */
export const GOAL_DEFAULTS = { runs: 40, generations: 20, seed: 1, confidence: 0.8 } as const;
/** Years a target may name (the levers start from 2026 at the earliest in the search). */
export const GOAL_YEARS = { min: 2026, max: 2035, default: 2030 } as const;
/** Most targets in one search. */
export const MAX_GOAL_TARGETS = 3;

/** One target: an output column at a year, a direction and a threshold. */
export interface GoalTargetInput {
  output: string;
  year: number;
  op: '>=' | '<=';
  value: number;
}

/** A search as the panel asks it. */
export interface GoalRequest {
  targets: GoalTargetInput[];
  /** Probability with which every target must be met (0–1). */
  confidence: number;
  /** Largest cumulative cost in 亿元, or null for none. */
  budget: number | null;
  /** Lever fields held at a value (`lever.field` → value) instead of searched. */
  fixed: Record<string, number>;
  /** Common posterior draws per package. */
  runs: number;
  generations: number;
  seed: number;
}

/** How a package meets one target: the share of draws meeting it and the value reached at the asked confidence. */
export interface GoalMeeting {
  probability: number;
  reached: number;
}

/** A package the search judged. */
export interface GoalPackage {
  /** Cumulative cost to 2035, 亿元 (mean over the draws). */
  cost: number;
  feasible: boolean;
  /** The package as lever settings (levers it leaves off at their defaults). */
  levers: LeverSettings;
  /** Per target, in the request's order. */
  meetings: GoalMeeting[];
}

/** The search's state after a generation, for the progress line. */
export interface GoalProgress {
  generation: number;
  generations: number;
  /** Packages evaluated so far. */
  evaluations: number;
  /** The best package so far: feasible or not, its cost, and the probability of its least likely target. */
  feasible: boolean;
  cost: number;
  probability: number;
}

/** What the search answers. */
export interface GoalAnswer {
  /**
   * 'baseline': the baseline already meets every target (the empty package, cost 0);
   * 'found': the cheapest package found; 'unreachable': even every lever at its strongest
   * from 2026 misses; 'closest': the search found no package meeting every target (within the budget).
   */
  kind: 'baseline' | 'found' | 'unreachable' | 'closest';
  best: GoalPackage;
  /** The cost–probability front, by cost (at most 12 packages, the cheapest and the dearest among them). */
  front: GoalPackage[];
  /** Who pays the best package's cost to 2035 (亿元), when it costs anything and meets the targets. */
  split?: { sichuan: number; chongqing: number };
  evaluations: number;
  generations: number;
  /** The targets as the CLI writes them (`hte_circle@2030>=60000`). */
  targetTexts: string[];
}
