// Running the regional model: the lazily compiled default (calibrated, baseline) model and
// one-call runs with lever constants and parameter overrides.
import { compileModel, type CompiledModel } from '../engine/index.ts';
import { modelHash } from '../engine/model.ts';
import type { Method, ModelSpec, RunResult, SimSpecs } from '../engine/types.ts';
import { PARAMETER_INDEX } from './parameters.ts';
import { buildChengyuSpec } from './equations.ts';

let spec: ModelSpec | undefined;
let specHash: string | undefined;
let compiled: CompiledModel | undefined;

/** The default (calibrated, baseline) model's spec, built once on first use. */
export function getChengyuSpec(): ModelSpec {
  spec ??= buildChengyuSpec();
  return spec;
}

/** Hash of the default model's spec (its CompiledModel.hash), without compiling it. */
export function getChengyuModelHash(): string {
  specHash ??= compiled?.hash ?? modelHash(getChengyuSpec());
  return specHash;
}

/** The default (calibrated, baseline) model: getChengyuSpec() compiled once on first use. */
export function getChengyuModel(): CompiledModel {
  compiled ??= compileModel(getChengyuSpec());
  return compiled;
}

/** Options of a regional-model run. */
export interface ChengyuRunOptions {
  method?: Method;
  seed?: number | string;
  /** Parameter overrides by registry id (`id` or `id[node]`), applied as run constants (no recompiling). */
  parameters?: Record<string, number>;
  /** Simulation overrides (dt, stop, saveMode …). */
  sim?: Partial<SimSpecs>;
}

/** Check that every parameter override names a registry parameter (or one of its nodes). */
export function checkParameterOverrides(parameters: Record<string, number>): void {
  for (const [name, value] of Object.entries(parameters)) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]+)\])?$/.exec(name);
    const p = m ? PARAMETER_INDEX.get(m[1]) : undefined;
    if (!p) throw new Error(`parameter "${name}" is not in the regional model's registry`);
    if (m![2] !== undefined && (typeof p.value === 'number' || !(m![2].replace(/\s/g, '') in p.value))) {
      throw new Error(`parameter "${name}": "${m![2]}" is not an element of ${m![1]}`);
    }
    if (!Number.isFinite(value)) throw new Error(`parameter "${name}" must be a finite number (got ${value})`);
  }
}

/**
 * Run the regional model. `constants` are model constants (lever inputs `lever_<id>_<field>`
 * and any parameter); `opts.parameters` are registry parameters, checked against the registry.
 */
export function runChengyu(constants: Record<string, number> = {}, opts: ChengyuRunOptions = {}): RunResult {
  if (opts.parameters) checkParameterOverrides(opts.parameters);
  return getChengyuModel().run({
    constants: { ...(opts.parameters ?? {}), ...constants },
    method: opts.method,
    seed: opts.seed,
    ...(opts.sim ? { sim: opts.sim } : {}),
  });
}
