// Running the regional model: the lazily compiled default (calibrated, baseline) model and
// one-call runs with lever constants and parameter overrides.
import { compileModel, type CompiledModel } from '../engine/index.ts';
import { modelHash } from '../engine/model.ts';
import type { Method, ModelSpec, RunResult, SimSpecs } from '../engine/types.ts';
import { parameterOverrideProblem } from './parameter-override.ts';
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
  /** Let `parameters` leave their plausible ranges (extreme-condition tests); they must still be known and finite. */
  outsideRange?: boolean;
}

/**
 * Check every parameter override like the CLI's `--set id=value`: a registry parameter (or one
 * of its nodes), finite, in its plausible range (unless `outsideRange`).
 */
export function checkParameterOverrides(parameters: Record<string, number>, outsideRange = false): void {
  for (const [name, value] of Object.entries(parameters)) {
    const problem = parameterOverrideProblem(name, value, outsideRange);
    if (problem) throw new Error(`parameter "${name}": ${problem}`);
  }
}

/** Check lever inputs (`lever_<id>_<field>`) against the lever table: known, finite, in range, whole where integer. */
export function checkLeverConstants(constants: Record<string, number>): void {
  for (const [name, value] of Object.entries(constants)) {
    if (!name.startsWith('lever_')) continue;
    const hit = LEVERS.flatMap((l) => l.fields.map((f) => ({ l, f }))).find(({ l, f }) => `lever_${l.id}_${f.field}` === name);
    if (!hit) throw new Error(`lever input "${name}" is not a lever field (see chengyu-sim levers)`);
    const { l, f } = hit;
    // Named as the constant and as lever.field (the scenario file's and --set's spelling).
    const what = `lever input "${name}" (lever ${l.id}, field ${f.field})`;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${what} must be a finite number (got ${String(value)})`);
    if (value < f.min || value > f.max) throw new Error(`${what}: ${value} is out of range; allowed: ${f.integer ? 'an integer' : 'a number'} in [${f.min}, ${f.max}]`);
    if (f.integer && !Number.isInteger(value)) throw new Error(`${what}: ${value} is not a whole number`);
  }
}

/**
 * Run the regional model. `constants` are model constants (lever inputs `lever_<id>_<field>`
 * and any parameter); `opts.parameters` are registry parameters, checked against the registry.
 */
export function runChengyu(constants: Record<string, number> = {}, opts: ChengyuRunOptions = {}): RunResult {
  if (opts.parameters) checkParameterOverrides(opts.parameters, opts.outsideRange);
  checkLeverConstants(constants);
  return getChengyuModel().run({
    constants: { ...(opts.parameters ?? {}), ...constants },
    method: opts.method,
    seed: opts.seed,
    ...(opts.sim ? { sim: opts.sim } : {}),
  });
}
