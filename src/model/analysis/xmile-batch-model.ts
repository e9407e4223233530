// An XMILE model as a BatchModel: the model's text travels in the model reference, so every
// worker (thread, cluster task) imports and compiles the same model itself, or rebuilds its
// runner from the runner cache. The factors of a problem file are the uncertain inputs.
import { compileModel } from '../engine/index.ts';
import { hashValue } from '../engine/hash.ts';
import type { Method } from '../engine/types.ts';
import { importXmile } from '../xmile/index.ts';
import type { BatchModel } from './batch-model.ts';
import { runnerBatchModel } from './engine-batch-model.ts';
import { provideRunner } from './runner-provider.ts';
import type { UncertainParameter } from './sampling.ts';

/** What an XMILE model needs for a batch (plain data, sent to workers). */
export interface XmileBatchRef {
  /** The model file's text. */
  text: string;
  /** Constants that vary. */
  params: UncertainParameter[];
  /** Output variables or elements. */
  outputs: string[];
  /** Times to report (default: every save step). */
  saveTimes?: number[];
  /** Constants fixed for every run. */
  constants?: Record<string, number>;
  method?: Method;
  stop?: number;
  dt?: number;
}

/** Build the batch model of an XMILE reference; throws naming unknown constants or outputs. */
export function xmileBatchModel(ref: XmileBatchRef): BatchModel {
  const spec = importXmile(ref.text).spec;
  const sim = { ...(ref.stop !== undefined ? { stop: ref.stop } : {}), ...(ref.dt !== undefined ? { dt: ref.dt } : {}) };
  const opts = { outputs: ref.outputs, ...(ref.saveTimes ? { saveTimes: ref.saveTimes } : {}), ...(ref.method ? { method: ref.method } : {}), sim };
  // Vendor models often carry unit mismatches their own tools only warn about (as `run` does).
  const runner = provideRunner(spec, opts, () => compileModel(spec, { units: 'warn' }));
  const { text: _text, ...settings } = ref;
  return runnerBatchModel({
    runner,
    params: ref.params,
    constants: ref.constants,
    // The runner cache key covers the spec; the version must also cover what varies and how.
    version: `xmile-${hashValue(spec)}-${hashValue(settings)}`,
  });
}
