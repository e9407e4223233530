// The observations as the model uses them. All figures are kept (the paper's in
// PAPER_FIGURES, the official ones since in OFFICIAL_FIGURES); the calibration targets
// (data/calibration-targets.csv) are the points the model is fitted to, each with the decision
// taken where sources conflict and an observation error that carries that conflict. The
// likelihood adds a model-error scale per series family (estimated by the posterior sampling).
import { PAPER_FIGURES, OFFICIAL_FIGURES, type PaperFigure } from './data/tables.ts';

/** A paper figure with its conflict mark. */
export interface Observation extends PaperFigure {
  /** True when another row gives a different value for the same indicator, region and year. */
  conflict: boolean;
  /** The other values for the same indicator, region and year (empty when none). */
  otherValues: number[];
}

const key = (r: PaperFigure) => `${r.indicator}|${r.region}|${r.year}`;

/** Every figure of the paper, with conflicts marked. */
export const OBSERVATIONS: readonly Observation[] = PAPER_FIGURES.map((r) => {
  const others = PAPER_FIGURES.filter((o) => o !== r && key(o) === key(r) && o.value !== r.value).map((o) => o.value);
  return { ...r, conflict: others.length > 0, otherValues: others };
});

export { OFFICIAL_FIGURES };

export { MODEL_ERROR, CALIBRATION_TARGETS, targetsUpTo, targetPenalty, type CalibrationTarget } from './targets.ts';
