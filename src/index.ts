// The library's public entry: load a model from text, run it, read the series; and the
// regional model, scenarios and analysis. Each area adds its exports here.
export type * from './model/engine/types.ts';
// Engine: compile a ModelSpec once, run it (method, time, constant overrides, seed), batch runner, graph.
export { compileModel, CompiledModel, ModelError, formatDiagnostic, canonicalName } from './model/engine/index.ts';
export type { ConstantInfo, Runner, RunnerOptions, GraphNode, ModelGraph } from './model/engine/index.ts';
// Scenarios: levers, validation, --set overrides, output names, formatting, comparison.
export type * from './model/scenario/lever-types.ts';
export { leverConstantName } from './model/scenario/lever-types.ts';
export type { Bilingual, LeverSpec, LeverFieldSpec } from './model/scenario/levers.ts';
export { LEVERS, LEVER_IDS, findLever, findLeverField, defaultLeverSettings, defaultLeverConstants } from './model/scenario/levers.ts';
export type { Scenario, PartialLevers, SimulationSettings, ScenarioIssue } from './model/scenario/scenario.ts';
export { ScenarioError, parseScenario, validateScenario, scenarioIssues, resolveLevers, leverConstants, scenarioConstants } from './model/scenario/scenario.ts';
export { parseSetOverride, applyOverrides, applySets } from './model/scenario/set-override.ts';
export { buildScenarioSchema } from './model/scenario/schema.ts';
export { headlineNames, defaultColumns, selectColumns } from './model/scenario/outputs.ts';
export { runToCsv, runToJson } from './model/scenario/result-format.ts';
export type { RunProvenance } from './model/scenario/result-format.ts';
export { compareRuns, headlineKpis, COMPARE_YEARS } from './model/scenario/compare.ts';
export type { Comparison, ComparisonRow, Kpi } from './model/scenario/compare.ts';
