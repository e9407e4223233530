// Where the zone map writes each zone's name: beside its dot, on the first side where it
// overlaps no other name, no other dot and stays inside the map; else one step further out
// (with a leader line); else wherever it overlaps least. Zones in crowded places choose first.

/** A box in map pixels (top-left corner and size). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A dot to label: its centre and radius, and the size of its label. */
export interface LabelAnchor {
  x: number;
  y: number;
  r: number;
  w: number;
  h: number;
}

/** Where a label went: its box, and whether it stands off its dot (draw a leader line). */
export interface PlacedLabel {
  box: Box;
  leader: boolean;
}

/** Area of the overlap of two boxes. */
export function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Candidate boxes round a dot, nearest first: right, left, above, below, the diagonals, then further out. */
function candidates(a: LabelAnchor, gap: number): Array<{ box: Box; leader: boolean }> {
  const { x, y, r, w, h } = a;
  const d = r * 0.75;
  const near: Box[] = [
    { x: x + r + gap, y: y - h / 2, w, h },
    { x: x - r - gap - w, y: y - h / 2, w, h },
    { x: x - w / 2, y: y - r - gap - h, w, h },
    { x: x - w / 2, y: y + r + gap, w, h },
    { x: x + d, y: y - d - h, w, h },
    { x: x + d, y: y + d, w, h },
    { x: x - d - w, y: y - d - h, w, h },
    { x: x - d - w, y: y + d, w, h },
  ];
  // Further out in the same eight directions, one, two and three label heights away.
  const far = [1.2, 2.4, 3.6].flatMap((k) =>
    near.map((b) => {
      const dx = b.x + b.w / 2 - x;
      const dy = b.y + b.h / 2 - y;
      const len = Math.hypot(dx, dy) || 1;
      return { x: b.x + (dx / len) * h * k, y: b.y + (dy / len) * h * k, w, h };
    }),
  );
  return [...near.map((box) => ({ box, leader: false })), ...far.map((box) => ({ box, leader: true }))];
}

/**
 * Place every anchor's label. `bounds`: the map's box; `obstacles`: boxes no label may
 * cover (an inset, a caption). Deterministic for the same input.
 */
export function placeLabels(anchors: readonly LabelAnchor[], bounds: Box, obstacles: readonly Box[] = [], gap = 3): PlacedLabel[] {
  const dots = anchors.map((a) => ({ x: a.x - a.r, y: a.y - a.r, w: 2 * a.r, h: 2 * a.r }));
  // Crowded dots first: those with the most neighbours within two label heights.
  const crowd = anchors.map((a, i) => anchors.filter((b, j) => j !== i && Math.hypot(a.x - b.x, a.y - b.y) < 2.5 * (a.w + a.h) / 2).length);
  const order = anchors.map((_, i) => i).sort((i, j) => crowd[j] - crowd[i] || i - j);
  const placed: Array<PlacedLabel | undefined> = anchors.map(() => undefined);
  const taken: Box[] = [];
  for (const i of order) {
    const a = anchors[i];
    let best: { box: Box; leader: boolean } | undefined;
    let bestCost = Infinity;
    for (const c of candidates(a, gap)) {
      const b = c.box;
      const outside = b.w * b.h - overlap(b, bounds);
      let cost = outside * 4;
      for (const t of taken) cost += overlap(b, t) * 3;
      dots.forEach((d, j) => {
        if (j !== i) cost += overlap(b, d) * 2;
      });
      for (const o of obstacles) cost += overlap(b, o) * 2;
      // A leader line is a small price (more the longer it is): prefer it to any overlap, not to a free near place.
      if (c.leader) cost += 0.5 + Math.hypot(b.x + b.w / 2 - a.x, b.y + b.h / 2 - a.y) / 1000;
      if (cost < bestCost) {
        bestCost = cost;
        best = c;
        if (cost === 0) break;
      }
    }
    const chosen = best as { box: Box; leader: boolean };
    placed[i] = chosen;
    taken.push(chosen.box);
  }
  return placed as PlacedLabel[];
}
