// Public API of the system-dynamics engine.
//
//   const model = compileModel(spec);           // parse, check, generate JS once
//   const r = model.run({ method: 'rk4', constants: { growth_rate: 0.03 }, seed: 1 });
//   r.times; r.series.get('population');        // Float64Arrays
//   model.constants;                            // overridable constants, defaults, elements
//   model.graph.node('hte').uses;               // what drives this variable
//   model.graph.loopsThrough('hte');            // feedback loops through it
//
// Fast batch path (Monte Carlo, sensitivity): a runner allocates its buffers once.
//
//   const runner = model.createRunner({ outputs: ['hte', 'rd_intensity_circle'], saveTimes: [2025, 2035] });
//   const c = runner.defaults();                // constants vector (order of model.constants)
//   c[runner.constantIndex('growth_rate')] = 0.04;
//   const out = runner.run(c, seed);            // out[col * runner.times.length + i]; reused buffer
//
// compileModel throws ModelError whose `.diagnostics` list every problem (undefined
// names, circular definitions, arity, dimensions, units, parse errors) with the variable
// and the position in its equation.
export { compileModel, CompiledModel } from './model.ts';
export type { ConstantInfo, Runner, RunnerOptions } from './model.ts';
export { runnerFromImage, checkRunnerImage, RUNNER_IMAGE_FORMAT } from './runner-image.ts';
export type { RunnerImage } from './runner-image.ts';
export type { CompileOptions, UnitsMode } from './compile.ts';
export type { GraphNode, ModelGraph } from './graph.ts';
export { ModelError, formatDiagnostic } from './errors.ts';
export { canonicalName } from './names.ts';
export { BUILTINS } from './builtins.ts';
export type * from './types.ts';
