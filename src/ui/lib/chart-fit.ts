// How tall the main chart may be: what the first screen has left below the header, the
// picker and the headline cards (however long their words are in the chosen language),
// within sensible bounds; on a phone, small enough that the sticky results leave about
// half the screen to the levers scrolling under them. On a short screen (a projector at
// 150 %) the chart may shrink to 140 pixels so that it still fits under the cards.

/** `v` limited to [lo, hi] (lo wins when they cross). */
export function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

/** What the layout measured. */
export interface ChartRoom {
  /** Viewport height. */
  viewport: number;
  /** Top of the results block on the unscrolled page. */
  top: number;
  /** Height of the results block without the chart (cards, chart toolbar, padding). */
  fixed: number;
  /** One-column (phone) layout, where the results stick above the levers. */
  narrow: boolean;
  /** Rows of charts sharing the room (2 for four charts); 1 when absent. */
  rows?: number;
}

/** The chart height in whole pixels for `room`. */
export function chartHeightFor(room: ChartRoom): number {
  const rows = room.rows ?? 1;
  const fit = (room.viewport - room.top - room.fixed - 12) / rows;
  const h = room.narrow ? clamp(Math.min(fit, room.viewport * 0.55 - room.fixed), 130, 220) : clamp(fit, rows > 1 ? 120 : room.viewport < 560 ? 140 : 160, 440);
  return Math.round(h);
}
