// The model's description and baseline run, computed at build time (vite.config.ts) by
// the same model code the worker runs, so the page can draw the baseline before the
// worker has compiled the model. The worker's own baseline replaces it when ready.
import { defaultLeverConstants } from '../../model/scenario/levers.ts';
import { loadChengyuRuntime } from './runtime-source.ts';
import { packMeta, type PackedModelMeta } from './packed-meta.ts';
import type { PlainRun } from './plain-run.ts';
import type { MethodSummary } from './method-types.ts';
import { methodSummary } from './method-summary.ts';
import { runChengyu } from '../../model/chengyu/run.ts';
import { withLinkPolarity } from './structure-links.ts';

/** What the build embeds in the page. */
export interface Prerendered {
  /** The model description, its catalog packed (unpackMeta restores it). */
  meta: PackedModelMeta;
  baseline: PlainRun;
  /** The data-and-method panel's numbers (fit, hindcast, posterior). */
  method: MethodSummary;
}

/** Compute the model description, the baseline run (all levers at their defaults) and the panel's numbers. */
export function prerender(): Prerendered {
  const rt = loadChengyuRuntime();
  const r = rt.run(defaultLeverConstants());
  return {
    // The links' polarity costs a second or two: computed here, once, not in the worker.
    meta: packMeta({ ...rt.meta, structure: withLinkPolarity(rt.meta.structure) }),
    // Every output of the baseline, as the fit report needs (the page's run keeps only its columns).
    method: methodSummary(runChengyu(defaultLeverConstants())),
    // Seven significant digits: as many as any display or export shows (CSV: 2 decimals of ≤ 99 999 亿元); the worker's full-precision run replaces it, and the page's script is 2 KB smaller.
    baseline: { times: Array.from(r.times), columns: Object.fromEntries(Object.entries(r.columns).map(([k, v]) => [k, Array.from(v, (x) => Number(x.toPrecision(7)))])) },
  };
}
