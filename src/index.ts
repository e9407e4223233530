// The library's public entry: load a model from text, run it, read the series; and the
// regional model, scenarios and analysis. Each area adds its exports here.
export type * from './model/engine/types.ts';
