// Running the regional model: the lazily compiled default (calibrated, baseline) model and
// one-call runs with lever constants and parameter overrides.
import { compileModel, type CompiledModel } from '../engine/index.ts';
import { modelHash } from '../engine/model.ts';
import type { Method, ModelSpec, RunResult, SimSpecs } from '../engine/types.ts';
import { PARAMETER_INDEX } from './parameters.ts';
import { LEVERS } from '../scenario/levers.ts';
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

/** Check lever inputs (`lever_<id>_<field>`) against the lever table: known, finite, in range, whole where integer. */
export function checkLeverConstants(constants: Record<string, number>): void {
  for (const [name, value] of Object.entries(constants)) {
    if (!name.startsWith('lever_')) continue;
    const hit = LEVERS.flatMap((l) => l.fields.map((f) => ({ l, f }))).find(({ l, f }) => `lever_${l.id}_${f.field}` === name);
    if (!hit) throw new Error(`lever input "${name}" is not a lever field (see chengyu-sim levers)`);
    const { f } = hit;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`lever input "${name}" must be a finite number (got ${String(value)})`);
    if (value < f.min || value > f.max) throw new Error(`lever input "${name}": ${value} is out of range; allowed: ${f.integer ? 'an integer' : 'a number'} in [${f.min}, ${f.max}]`);
    if (f.integer && !Number.isInteger(value)) throw new Error(`lever input "${name}": ${value} is not a whole number`);
  }
}

/**
 * Run the regional model. `constants` are model constants (lever inputs `lever_<id>_<field>`
 * and any parameter); `opts.parameters` are registry parameters, checked against the registry.
 */
export function runChengyu(constants: Record<string, number> = {}, opts: ChengyuRunOptions = {}): RunResult {
  if (opts.parameters) checkParameterOverrides(opts.parameters);
  checkLeverConstants(constants);
  return getChengyuModel().run({
    constants: { ...(opts.parameters ?? {}), ...constants },
    method: opts.method,
    seed: opts.seed,
    ...(opts.sim ? { sim: opts.sim } : {}),
  });
}
