// What the web app needs from the model, in plain serialisable data: areas to view,
// rail lines for the map, indicator metadata, observations, the dependency graph, and
// a run's selected output columns. The worker builds these from the regional model.
import type { Bilingual } from '../../model/scenario/levers.ts';
import type { KpiId } from '../state/app-state.ts';
import type { HumanName } from '../../model/engine/types.ts';
import type { Polarity } from '../../model/analysis/link-polarity.ts';

/** A viewable area: an aggregate region or one of the 12 zones. */
export interface AreaInfo {
  id: string;
  kind: 'region' | 'zone';
  label: Bilingual;
  /** Zones: province. */
  province?: 'sichuan' | 'chongqing';
  lon?: number;
  lat?: number;
}

/** A rail line drawn on the map, through area ids in order. */
export interface RailLine {
  id: string;
  label: Bilingual;
  stops: string[];
}

/** How an indicator is shown. */
export interface KpiInfo {
  id: KpiId;
  label: Bilingual;
  /** A shorter label for the headline cards (the full one is their tooltip). */
  short?: Bilingual;
  unit: Bilingual;
  /** Decimals shown (always this many, so values of one indicator line up). */
  digits: number;
  /** Unit of a difference when it is not the value's unit (percent → percentage points). */
  deltaUnit?: Bilingual;
  /** Decimals kept in exported CSV files (whole enterprises; more than shown for the rest). */
  exportDigits?: number;
  /** 'circle': one model-wide output (named as the id) whatever area is viewed. */
  scope?: 'circle';
  /** More is neither better nor worse (spending): differences are not coloured. */
  neutral?: boolean;
}

/** An observed value of an output column. */
export interface Observation {
  column: string;
  time: number;
  value: number;
  /** 'lower': the true value is at least this. */
  bound?: 'point' | 'lower';
  /** The calibration targets behind it: one for an observation, two or more for a derived value. */
  basis?: ObservationBasis[];
  /** How a derived value comes from its basis: their sum, or 100 × the first half's sum over the second half's. */
  derivation?: 'sum' | 'ratio';
}

/** A calibration target behind an observed point, with where it comes from and why it was chosen. */
export interface ObservationBasis {
  /** The target's output column (differs from the point's for a derived sum). */
  column: string;
  value: number;
  /** Where the figure comes from, as the targets table says it (English). */
  source: string;
  /** The decision taken where sources conflict (English only). */
  decision: string;
}

/** One variable of the model's structure. */
export interface StructureVariable {
  name: string;
  kind: string;
  /** Equation text as written in the model (shown, never evaluated here). */
  equation: string;
  doc: string;
  units: string;
  /** Direct inputs (for stocks, its flows and what its initial value uses). */
  inputs: string[];
  /** Name for readers in both languages. */
  label?: HumanName;
  /** A stock's inflows and outflows: d(stock)/dt = Σ inflows − Σ outflows (`equation` is its initial value). */
  inflows?: string[];
  outflows?: string[];
  /**
   * Causal inputs with their polarity (computed at build time from the equations, see
   * analysis/link-polarity.ts): what changes this variable during a run. Absent: not computed.
   */
  links?: Record<string, Polarity>;
  /** For a registry parameter: its value(s), range and where it comes from. */
  parameter?: ParameterNote;
}

/** Where a parameter's number comes from, as the structure view shows it. */
export interface ParameterNote {
  /** Value as used by the model (after calibration); per-node parameters as [min, max]. */
  value: number | [number, number];
  unit: string;
  range: [number, number];
  provenance: { kind: 'source' | 'assumption' | 'calibrated'; text: string };
}

/** A model variable as the graphs menu lists it. */
export interface CatalogVariable {
  name: string;
  /** 'constant': an auxiliary the runs may override (a parameter or a lever). */
  kind: 'stock' | 'flow' | 'aux' | 'constant';
  /** Units in the model's syntax ("1e8 CNY/year"). */
  units: string;
  /** Human name, when the model or the parameter registry gives one. */
  label?: Bilingual;
  /** Dimension names of an arrayed variable. */
  dims?: string[];
}

/** Every model variable for the graphs menu, with the elements of each dimension. */
export interface VariableCatalog {
  variables: CatalogVariable[];
  dimensions: Record<string, string[]>;
  /** Names of elements (the model's nodes) for readers. */
  elementLabels: Record<string, Bilingual>;
}

/** Everything static the page needs, sent once by the worker. */
export interface ModelMeta {
  areas: AreaInfo[];
  rail: RailLine[];
  kpis: KpiInfo[];
  observations: Observation[];
  structure: StructureVariable[];
  /** Structure variable best explaining each indicator (start of "what drives this"). */
  kpiVariables: Partial<Record<KpiId, string>>;
  /** Model identity for the page footer and exported files. */
  modelHash: string;
  /** Output columns available per run (the ones `run` returns). */
  columns: string[];
  /** Every variable, for charts of any of them (`run` adds their columns on request). */
  catalog: VariableCatalog;
}

/** Output columns of one run, aligned with `times`. */
export interface RunOutput {
  times: Float64Array;
  columns: Record<string, Float64Array>;
}

/** Output column of an indicator for an area (stable names from DESIGN.md). */
export function columnFor(kpi: Pick<KpiInfo, 'id' | 'scope'>, area: AreaInfo): string {
  if (kpi.scope === 'circle') return kpi.id;
  return area.kind === 'region' ? `${kpi.id}_${area.id}` : `${kpi.id}[${area.id}]`;
}

/** Value of a column at `year` (the saved point nearest to it), or undefined. */
export function valueAt(out: RunOutput | undefined, column: string, year: number): number | undefined {
  const s = out?.columns[column];
  if (!out || !s) return undefined;
  let best = -1;
  let bestD = Infinity;
  for (let i = 0; i < out.times.length; i++) {
    const d = Math.abs(out.times[i] - year);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best >= 0 && bestD < 1e-6 + 0.5 ? s[best] : undefined;
}
