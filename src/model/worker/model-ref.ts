// A model reference: plain, serialisable data naming a BatchModel, so a worker (thread,
// Web Worker, another machine) can build the same model itself. Dynamic imports with
// literal paths keep toy and regional models out of each other's bundles.
import type { BatchModel } from '../analysis/batch-model.ts';
import type { ToyOptions } from '../analysis/toy-models.ts';
import type { ChengyuBatchRef } from '../chengyu/batch-model.ts';
import type { XmileBatchRef } from '../analysis/xmile-batch-model.ts';
import { scenarioConstants, type Scenario } from '../scenario/scenario.ts';

/** Which model a batch runs. */
export type ModelRef =
  | { kind: 'toy'; name: string; options?: ToyOptions }
  | ({ kind: 'chengyu' } & ChengyuBatchRef)
  | ({ kind: 'xmile' } & XmileBatchRef);

/** The regional model under a (validated) scenario: its levers as constants, its simulation settings. */
export function scenarioModelRef(scenario: Pick<Scenario, 'levers' | 'simulation'>): ModelRef {
  const s = scenario.simulation;
  return {
    kind: 'chengyu',
    constants: scenarioConstants(scenario),
    ...(s.method ? { method: s.method } : {}),
    ...(s.end !== undefined ? { end: s.end } : {}),
    ...(s.dt !== undefined ? { dt: s.dt } : {}),
  };
}

/** Build the model a reference names. */
export async function resolveModel(ref: ModelRef): Promise<BatchModel> {
  switch (ref.kind) {
    case 'toy':
      return (await import('../analysis/toy-models.ts')).toyModel(ref.name, ref.options);
    case 'chengyu':
      return (await import('../chengyu/batch-model.ts')).chengyuBatchModel(ref);
    case 'xmile':
      return (await import('../analysis/xmile-batch-model.ts')).xmileBatchModel(ref);
    default:
      throw new Error(`unknown model kind ${(ref as { kind: unknown }).kind}`);
  }
}
