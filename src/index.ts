// The library's public entry: load a model from text, run it, read the series; and the
// regional model, scenarios and analysis. Each area adds its exports here.
export type * from './model/engine/types.ts';
// Engine: compile a ModelSpec once, run it (method, time, constant overrides, seed), batch runner, graph.
export { compileModel, CompiledModel, ModelError, formatDiagnostic, canonicalName } from './model/engine/index.ts';
export type { ConstantInfo, Runner, RunnerOptions, GraphNode, ModelGraph, CompileOptions, UnitsMode } from './model/engine/index.ts';
// XMILE import: loadXmile(text) → ModelSpec.
export { loadXmile } from './model/xmile/index.ts';
// Engine caps (refused before allocation) and a model's variables for reading.
export { ENGINE_LIMITS } from './model/engine/limits.ts';
export { variableCatalogue, findEntry, type CatalogueEntry, type CatalogueKind } from './model/engine/variable-catalogue.ts';
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
export { runToCsv, runToJson, runToJsonWithNote, RUN_OUTPUT_FORMAT } from './model/scenario/result-format.ts';
export { jsonNumber, jsonNumbers } from './model/analysis/json-numbers.ts';
export type { RunProvenance } from './model/scenario/result-format.ts';
export { compareRuns, headlineKpis, COMPARE_YEARS } from './model/scenario/compare.ts';
export type { Comparison, ComparisonRow, Kpi } from './model/scenario/compare.ts';
export { comparisonTable, comparisonCsv, comparisonJson, comparisonMarkdown } from './model/scenario/compare-format.ts';
export { runScenario } from './model/scenario/run-scenario.ts';
export type { ScenarioRun } from './model/scenario/run-scenario.ts';
// Analysis: sampling, statistics, Monte Carlo fan charts, Morris and Sobol sensitivity (pure,
// browser-safe), and worker pools. Node-only batch directories: src/model/analysis/node/*.
export type { Distribution } from './model/chengyu/parameter-types.ts';
export type { BatchModel } from './model/analysis/batch-model.ts';
export { Sampler, type SamplingPlan, type SamplingMethod, type UncertainParameter } from './model/analysis/sampling.ts';
export { quantile as distributionQuantile } from './model/analysis/distributions.ts';
export { STATISTICS, describe as describeSample, percentileSorted } from './model/analysis/statistics.ts';
export { monteCarlo, monteCarloSummary, fanCharts, type FanChart } from './model/analysis/monte-carlo.ts';
// Forecast error beyond the data: a seeded log random walk per run and group, added to a run table.
export { withForecastError, bandFactor, type ForecastErrorSpec, type OutputForecastError } from './model/analysis/forecast-error.ts';
// Policy effects on common draws: any BatchModel variants, and the regional model's scenarios.
export { runOnCommonDraws, commonDrawsProblem } from './model/analysis/common-draws.ts';
export { effectTable, type EffectCell } from './model/analysis/effect-table.ts';
export { pairedEffect, type EffectSummary } from './model/analysis/paired-effects.ts';
export { chengyuPolicyEffects, type PolicyEffects, type PolicyEffectsRequest, type PolicyVariant } from './model/chengyu/policy-effects.ts';
export { summaryText, runsText, type RunTable } from './model/analysis/summarize.ts';
export { evaluatePoints, localEvaluator } from './model/analysis/evaluate.ts';
export { sensitivity, tornado, kpiColumns, type SensitivityReport, type SensitivityOptions, type KpiSensitivity, type TornadoBar, type Evaluate } from './model/analysis/sensitivity.ts';
export { saltelliSample, sobolIndices, type SobolResult } from './model/analysis/sobol.ts';
export { morrisSample, morrisIndices, type MorrisResult } from './model/analysis/morris.ts';
export { parseShard, shardRange, type Shard } from './model/analysis/shard.ts';
// Clusters: a batch shard from Slurm / Kubernetes / AWS Batch array variables, and the Slurm
// job-array and merge scripts `chengyu-sim slurm` writes (pure text).
export { shardFromEnv, ShardEnvError, SHARD_COUNT_VAR, type EnvShard, type ShardEnv } from './model/analysis/shard-from-env.ts';
export { batchScript, mergeScript, submitScript, validatePlan, SlurmPlanError, type SlurmPlan } from './cluster/sbatch-scripts.ts';
export { resolveModel, scenarioModelRef, type ModelRef } from './model/worker/model-ref.ts';
export { engineBatchModel, type EngineBatchOptions } from './model/analysis/engine-batch-model.ts';
export { chengyuBatchModel, uncertainParameters, HEADLINE_OUTPUTS } from './model/chengyu/batch-model.ts';
export { WorkerPool, type SpawnWorker, type WorkerHandle } from './model/worker/pool.ts';
export { spawnInThread } from './model/worker/in-thread.ts';
export { monteCarloOnPool } from './model/worker/pool-monte-carlo.ts';
export { createUncertaintyService, type UncertaintyService, type FanRequest, type TornadoRequest, type TornadoResult } from './model/worker/uncertainty-service.ts';
export { CancelledError } from './model/worker/pool.ts';
export { poolEvaluator } from './model/worker/pool-evaluate.ts';
export type { BatchJob, AnalysisWorkerApi } from './model/worker/worker-api.ts';
// Regional model: parameter registry, spec, default compiled model, runs, metadata, observations,
// calibration (fit report) and generated documentation.
export {
  parameterRegistry, buildChengyuSpec, getChengyuModel, runChengyu, headlineOutputs, NODES, NODE_IDS, REGIONS, ZONES,
  RAIL_LINES, OBSERVATIONS, CALIBRATION_TARGETS, CALIBRATED_IDS, calibrateChengyu, fitReport, checkTargets,
  generateModelDoc, packageInteraction, PAPER_PACKAGE, modelSections,
  forecastErrorScales, forecastErrorSpec, COMMITTED_FORECAST_ERROR, FORECAST_ORIGIN,
} from './model/chengyu/index.ts';
export type { ChengyuRunOptions, CalibrationFile, FitReport, FitSeries, FitRow, TargetCheck, ModelNode, Region, Zone, Observation, CalibrationTarget, InteractionRow, ForecastErrorScale } from './model/chengyu/index.ts';
export type { ParameterSpec, Provenance } from './model/chengyu/parameter-types.ts';
