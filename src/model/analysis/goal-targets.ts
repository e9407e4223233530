// Targets of a goal search, as a user writes them (`rd_intensity_sichuan@2030>=2.5`), and how
// a package meets one over paired draws: the share of draws that meet it, and the value the
// package reaches at the asked confidence (the order statistic that decides it).

/** One target: an output at a year, a direction and a threshold. */
export interface GoalTarget {
  output: string;
  year: number;
  op: '>=' | '<=';
  value: number;
  /** The target as the user wrote it. */
  text: string;
}

const TARGET = /^\s*([A-Za-z_][\w]*(?:\[[\w,]+\])?)\s*@\s*(\d{4})\s*(>=|<=)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*$/i;

/** Parse `output@year>=value` or `output@year<=value`; throws naming the text and the expected form. */
export function parseGoalTarget(text: string): GoalTarget {
  const m = TARGET.exec(text);
  if (!m) throw new Error(`target ${JSON.stringify(text)} is not of the form output@year>=value or output@year<=value (e.g. rd_intensity_sichuan@2030>=2.5)`);
  return { output: m[1], year: Number(m[2]), op: m[3] as '>=' | '<=', value: Number(m[4]), text: text.trim() };
}

/** How one package meets one target over the draws. */
export interface TargetMeeting {
  /** Share of draws in which the target is met. */
  probability: number;
  /** The value reached with the asked confidence: met in at least that share of draws iff it meets the target. */
  reached: number;
  /** Relative shortfall of `reached` from the threshold (0 when met). */
  shortfall: number;
}

/** Whether `x` meets the target. */
export function meets(t: GoalTarget, x: number): boolean {
  return t.op === '>=' ? x >= t.value : x <= t.value;
}

/** Meeting of target `t` by per-draw values `xs` at confidence c (NaN draws count as not met). */
export function targetMeeting(t: GoalTarget, xs: ArrayLike<number>, confidence: number): TargetMeeting {
  const n = xs.length;
  let met = 0;
  const vals: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    if (meets(t, x)) met++;
    // A NaN draw is the worst case for either direction.
    vals.push(Number.isNaN(x) ? (t.op === '>=' ? -Infinity : Infinity) : x);
  }
  // The draws must meet it in at least k = ⌈c·n⌉ of n: the k-th best value decides.
  const k = Math.max(1, Math.ceil(confidence * n - 1e-9));
  vals.sort((a, b) => (t.op === '>=' ? b - a : a - b));
  const reached = n === 0 ? NaN : vals[k - 1];
  const scale = Math.abs(t.value) || 1;
  const gap = t.op === '>=' ? t.value - reached : reached - t.value;
  return { probability: n === 0 ? 0 : met / n, reached, shortfall: Math.max(0, gap / scale) };
}
