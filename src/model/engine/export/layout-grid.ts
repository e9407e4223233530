// Positions for the generated diagrams: the model's variables in reading order on a grid,
// stocks as boxes, everything else as plain names. No links are drawn: the diagram only
// makes the file open readable in a tool that shows a model through its diagram.
import type { ExportVar } from './resolve.ts';

/** One placed variable. */
export interface Placed {
  v: ExportVar;
  x: number;
  y: number;
}

const COLUMNS = 8;
const DX = 180;
const DY = 90;

/** Place `vars` row by row, `COLUMNS` to a row. */
export function gridLayout(vars: ExportVar[]): Placed[] {
  return vars.map((v, i) => ({ v, x: 100 + (i % COLUMNS) * DX, y: 100 + Math.floor(i / COLUMNS) * DY }));
}
