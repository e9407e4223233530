// The engine's public data types: what a model is (a ModelSpec, plain data with
// equations as text) and what a run returns. Everything above the engine (XMILE import,
// the regional model, the CLI, the UI) speaks only these types.
// The equation language is described in docs/equation-language.md.

/** Integration method of a run. */
export type Method = 'euler' | 'rk4';

/** Simulation time settings. */
export interface SimSpecs {
  /** Start time (model time units). */
  start: number;
  /** Stop time (inclusive). */
  stop: number;
  /** Integration step. */
  dt: number;
  /** Interval between saved points; defaults to dt. */
  saveStep?: number;
  /** Default integration method; a run may override it. */
  method?: Method;
  /** Name of the time unit, e.g. "year" (documentation only). */
  timeUnits?: string;
  /**
   * Storage precision of stocks between steps: 'double' (default) or 'single' (each stock
   * rounded to 32-bit float after every step, as single-precision Vensim does; XMILE import
   * sets it for models converted from Vensim by xmutil, to reproduce their outputs).
   */
  precision?: 'double' | 'single';
  /**
   * What a saved point of a non-stock variable holds: 'instant' (default, its value at the
   * saved time, as XMILE and Vensim report) or 'interval-mean' (its mean over the steps since
   * the previous saved point, as Stella's "summed over report interval" tables: with yearly
   * saves a rate then reads as the year's flow). Stocks always report their value at the
   * saved time; the first saved point is the value at the start.
   */
  saveMode?: 'instant' | 'interval-mean';
}

/** A named dimension (subscript range) with ordered element names. */
export interface DimensionSpec {
  name: string;
  /** Element names, in order. */
  elements: string[];
  /**
   * Another dimension this one is an alias of: same elements, but a separate index, so
   * that `w[node, src] * k[src]` can sum over one while the other stays fixed.
   */
  aliasOf?: string;
  /** Subranges: dimension → subset of this dimension's elements (e.g. Sichuan zones). */
  subranges?: Record<string, string[]>;
}

/** Graphical function (lookup table) attached to a variable or standalone. */
export interface GraphicalSpec {
  xs: number[];
  ys: number[];
  /** continuous: linear interpolation, clamped at the ends; extrapolate: linear beyond the ends; discrete: step. */
  type?: 'continuous' | 'extrapolate' | 'discrete';
}

/** The kinds of model variable. */
export type VariableKind = 'stock' | 'flow' | 'aux';

/** A variable's or parameter's name for readers, in English and Chinese. */
export interface HumanName {
  en: string;
  zh: string;
}

/** One model variable. Equations are text in the native equation language. */
export interface VariableSpec {
  /** Name as the model writes it; references match it case-insensitively, spaces = underscores. */
  name: string;
  kind: VariableKind;
  /** Dimension names, for arrays (1-D or 2-D or more). */
  dims?: string[];
  /**
   * Equation text (for a stock: its initial value). For arrays, either one
   * apply-to-all equation, or one per element keyed by "elem" / "a,b".
   */
  equation: string | Record<string, string>;
  /** Stocks: names of inflow variables. */
  inflows?: string[];
  /** Stocks: names of outflow variables. */
  outflows?: string[];
  /** Stocks and flows: clamp so the stock never goes below zero (XMILE non_negative). */
  nonNegative?: boolean;
  /** Units in mathjs syntax ("enterprise/year", "1e8 CNY"); unknown names become base units. */
  units?: string;
  /** Lookup: if present, the variable's value is gf(equation). */
  gf?: GraphicalSpec;
  /** Documentation shown in generated docs and the structure view. */
  doc?: string;
  /** Human names for readers, in both of the app's languages (ids stay the model's names). */
  label?: HumanName;
  /**
   * Under interval-mean saving (SimSpecs.saveMode), 'instant' reports this auxiliary's value at
   * the saved time like a stock's (for levels, e.g. a sum of stocks); flows and other
   * auxiliaries report their mean over the interval.
   */
  save?: 'instant' | 'mean';
}

/** A complete model: plain data, serialisable as JSON. */
export interface ModelSpec {
  name?: string;
  sim: SimSpecs;
  dimensions?: DimensionSpec[];
  variables: VariableSpec[];
}

/** Options of one run. */
export interface RunOptions {
  method?: Method;
  /** Override dt / start / stop / saveStep of the model. */
  sim?: Partial<SimSpecs>;
  /** Constant overrides: variable name (or "name[elem]") → value. Only constants may be overridden. */
  constants?: Record<string, number>;
  /** Seed for the random builtins; same seed → same numbers, bit for bit. */
  seed?: number | string;
}

/** Metadata that makes a run reproducible. */
export interface RunMeta {
  /** Hash of the model spec (equations, dimensions, sim specs). */
  modelHash: string;
  method: Method;
  dt: number;
  start: number;
  stop: number;
  saveStep: number;
  seed?: number | string;
}

/** Result of one run: saved times and a series per output column. */
export interface RunResult {
  /** Saved time points. */
  times: Float64Array;
  /** Column names in output order: scalars as written, array elements as `name[elem]` / `name[a,b]`. */
  names: string[];
  /** Series per column name, aligned with `times`. */
  series: Map<string, Float64Array>;
  meta: RunMeta;
}

/** A problem found while checking a model; the engine throws ModelError with a list of these. */
export interface Diagnostic {
  /** The variable concerned (as the model names it), if any. */
  variable?: string;
  /** What is wrong, in one sentence. */
  message: string;
  /** 0-based character offset in the equation text, where known. */
  position?: number;
  kind: 'parse' | 'undefined' | 'cycle' | 'arity' | 'dimension' | 'units' | 'other';
}
