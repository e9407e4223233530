// An XMILE or Vensim .mdl model as a BatchModel: the model's text travels in the model reference, so every
// worker (thread, cluster task) imports and compiles the same model itself, or rebuilds its
// runner from the runner cache. The factors of a problem file are the uncertain inputs.
import { compileModel } from '../engine/index.ts';
import { hashValue } from '../engine/hash.ts';
import { importModelSpec } from './model-text.ts';
import type { BatchModel } from './batch-model.ts';
import { batchRunnerOptions, runnerBatchModel, type EngineRunSettings } from './engine-batch-model.ts';
import { provideRunner } from './runner-provider.ts';

/** What an XMILE model needs for a batch (plain data, sent to workers). */
export interface XmileBatchRef extends EngineRunSettings {
  /** The model file's text (XMILE or .mdl). */
  text: string;
}

/** Build the batch model of an XMILE reference; throws naming unknown constants or outputs. */
export function xmileBatchModel(ref: XmileBatchRef): BatchModel {
  const spec = importModelSpec(ref.text);
  const opts = batchRunnerOptions(ref);
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
