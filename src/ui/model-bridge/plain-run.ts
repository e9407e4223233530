// A run as plain JSON (arrays instead of Float64Arrays), for embedding in the page. Kept
// apart from prerender.ts so the page does not bundle the model to read it.
import type { RunOutput } from './types.ts';

/** A run as plain JSON. */
export interface PlainRun {
  times: number[];
  columns: Record<string, number[]>;
}

/** A plain run back as a RunOutput. */
export function fromPlainRun(p: PlainRun): RunOutput {
  return {
    times: Float64Array.from(p.times),
    columns: Object.fromEntries(Object.entries(p.columns).map(([k, v]) => [k, Float64Array.from(v)])),
  };
}
