// The shape of the regional model's parameter registry: every number the equations use
// is one of these, with a unit, a plausible range and where it comes from.

import type { Distribution } from '../analysis/distribution-types.ts';
import type { HumanName } from '../engine/types.ts';

export type { Distribution };

/** Where a value comes from: a citation, or an explicit assumption with its reason. */
export type Provenance =
  | { kind: 'source'; ref: string }
  | { kind: 'assumption'; reason: string }
  | { kind: 'calibrated'; against: string };

/** One model parameter. `id` is the model constant's name (also its per-node element names). */
export interface ParameterSpec {
  id: string;
  /** Scalar value, or one value per node (keyed by node id) for arrayed constants. */
  value: number | Record<string, number>;
  unit: string;
  /** Plausible range [low, high] (scalar parameters; per-node ones scale as a whole). */
  range: [number, number];
  /** Distribution for uncertainty analysis; absent = not varied. */
  distribution?: Distribution;
  provenance: Provenance;
  /** One or two sentences: what it is. */
  doc: string;
  /** Human names for readers in English and Chinese. */
  label?: HumanName;
}
