// Public API of the regional model: the registry, the spec, a lazily compiled default model,
// one-call runs, the headline outputs, metadata (zones, nodes, regions, observations),
// calibration and the generated documentation.
import { PARAMETERS } from './parameters.ts';

export { buildChengyuSpec, buildChengyuSpecFrom, CALIBRATED_VALUES, CHENGYU_SIM } from './equations.ts';
export { PARAMETERS as parameterRegistry, PARAMETER_INDEX, CALIBRATED_IDS } from './parameters.ts';
export { NODES, NODE_IDS, REGIONS, GROUPS, distanceMatrix } from './nodes.ts';
export type { ModelNode, Region, GroupId } from './nodes.ts';
export { ZONES, ZONES_SOURCE } from './data/zones.ts';
export type { Zone } from './data/zones.ts';
export { RAIL_LINES, HINTERLAND_POINTS, PUBLISHED_DISTANCES_KM } from './data/geography.ts';
export { OBSERVATIONS, OFFICIAL_FIGURES, CALIBRATION_TARGETS, MODEL_ERROR, targetsUpTo, targetPenalty } from './observations.ts';
export type { Observation, CalibrationTarget } from './observations.ts';
export { calibrateChengyu, calibrationObjective, calibrationParameters, fittedBounds, fitReport, checkTargets, CALIBRATION_BASIS } from './calibration.ts';
export type { CalibrationFile, CalibrateOptions, FittedBound, FitReport, FitSeries, FitRow, TargetCheck } from './calibration.ts';
export { HEADLINE_OUTPUTS as headlineOutputs, REGION_OUTPUT_PREFIXES } from './outputs.ts';

export { getChengyuModel, runChengyu, checkParameterOverrides } from './run.ts';
export type { ChengyuRunOptions } from './run.ts';
export { PAPER_PACKAGE, paperPackageConstants, packageInteraction, valueAt } from './experiments.ts';
export { generateModelDoc } from './doc.ts';
export { forecastErrorScales, forecastErrorSpec, outputFamily, FORECAST_ORIGIN, type ForecastErrorScale } from './forecast-error.ts';
export { COMMITTED_FORECAST_ERROR } from './forecast-error-data.ts';
export { modelSections } from './equations.ts';
export type { ModelSection } from './equations.ts';
export type { InteractionRow } from './experiments.ts';

/** Number of registry parameters (for summaries). */
export const PARAMETER_COUNT = PARAMETERS.length;
