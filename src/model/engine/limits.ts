// The engine's resource caps, checked before anything is allocated, so an absurd model (a
// typo'd dt, a size="2000000000" dimension, an equation nested thousands deep) is refused
// with one line naming the figure and the cap instead of exhausting memory or the stack.
// Documented in docs/equation-language.md ("Limits").

/** The caps. */
export const ENGINE_LIMITS = {
  /** Elements of one dimension. */
  dimensionElements: 1_000_000,
  /** Elements of one variable (the product of its dimensions' sizes). */
  variableElements: 10_000_000,
  /** Integration steps × variable elements of one run: the work of a run (about a minute at the cap). */
  stepValues: 1e11,
  /** Saved times × output columns of one run: the memory of its result (8 bytes each, 512 MiB at the cap). */
  savedValues: 2 ** 26,
  /** Nested brackets in one equation (the parser recurses per bracket). */
  bracketDepth: 100,
  /** Depth of an equation's expression tree: brackets, calls and operator chains (a + b + … counts each +). */
  expressionDepth: 800,
} as const;

/** A number for a message: plain up to a million, else as a power of ten (1.2·10^18). */
export function figure(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) < 1e6) return n.toLocaleString('en-US');
  const e = Math.floor(Math.log10(Math.abs(n)));
  const m = n / 10 ** e;
  const mant = Number(m.toFixed(2));
  return `${mant === 1 ? '' : `${mant}·`}10^${e}`;
}

/** `model "name"` for messages, or "the model". */
export function modelLabel(name: string | undefined): string {
  return name ? `model "${name}"` : 'the model';
}

/** Why a run of `steps` integration steps over `elements` variable values is refused, or undefined. */
export function runWorkProblem(model: string | undefined, steps: number, elements: number): string | undefined {
  const work = (steps + 1) * Math.max(1, elements);
  if (work <= ENGINE_LIMITS.stepValues) return undefined;
  return `${modelLabel(model)}: a run takes ${figure(steps)} steps × ${figure(elements)} values = ${figure(work)}, over the cap of ${figure(ENGINE_LIMITS.stepValues)} (steps × values); use a larger dt or a shorter time range`;
}

/** Why a run saving `saved` times of `columns` columns is refused, or undefined. */
export function runSavedProblem(model: string | undefined, saved: number, columns: number): string | undefined {
  const size = saved * columns;
  if (size <= ENGINE_LIMITS.savedValues) return undefined;
  return `${modelLabel(model)}: a run saves ${figure(saved)} times × ${figure(columns)} columns = ${figure(size)} values, over the cap of ${figure(ENGINE_LIMITS.savedValues)}; use a larger save step or fewer outputs`;
}

/** The message for an equation nested deeper than the cap. */
export function depthMessage(): string {
  return `the equation is nested too deeply (caps: ${ENGINE_LIMITS.bracketDepth} levels of brackets, ${ENGINE_LIMITS.expressionDepth} levels of operators and calls); split it into intermediate variables`;
}

/** Deepest bracket nesting of `text` (round and square brackets), scanned without recursion. */
export function bracketDepth(text: string): number {
  let d = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91) max = Math.max(max, ++d);
    else if (c === 41 || c === 93) d = Math.max(0, d - 1);
  }
  return max;
}

/** Whether an error is the JavaScript engine's stack overflow (the backstop for deep recursion). */
export function isStackOverflow(err: unknown): boolean {
  return err instanceof RangeError && /call stack/i.test(err.message);
}
