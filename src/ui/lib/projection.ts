// Longitude/latitude → SVG coordinates for the zone map: an equirectangular projection
// centred on the zones (x scaled by cos(latitude)), fitted into a box with a margin.

/** A point with geographic coordinates. */
export interface GeoPoint {
  lon: number;
  lat: number;
}

/** Maps lon/lat into [margin, width − margin] × [margin, height − margin], north up, aspect kept. */
export function fitProjection(points: GeoPoint[], width: number, height: number, margin: number): (p: GeoPoint) => [number, number] {
  if (points.length === 0) return () => [width / 2, height / 2];
  const lat0 = (points.reduce((s, p) => s + p.lat, 0) / points.length) * (Math.PI / 180);
  const kx = Math.cos(lat0);
  const xs = points.map((p) => p.lon * kx);
  const ys = points.map((p) => p.lat);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const spanX = Math.max(x1 - x0, 1e-9);
  const spanY = Math.max(y1 - y0, 1e-9);
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const offX = (width - scale * spanX) / 2;
  const offY = (height - scale * spanY) / 2;
  return (p) => [offX + (p.lon * kx - x0) * scale, offY + (y1 - p.lat) * scale];
}

/** Sequential colour (light to dark blue) for `v` within [min, max]; grey when unknown. */
export function sequentialColor(v: number | undefined, min: number, max: number): string {
  if (v === undefined || !Number.isFinite(v)) return '#c7ccd3';
  const u = max > min ? Math.min(1, Math.max(0, (v - min) / (max - min))) : 0.5;
  // Interpolate in RGB between #deebf7 and #08306b.
  const a = [0xde, 0xeb, 0xf7];
  const b = [0x08, 0x30, 0x6b];
  const c = a.map((x, i) => Math.round(x + (b[i] - x) * u));
  return `#${c.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Colour scale for a set of values: linear, or logarithmic when they are all positive and
 * span more than a factor of 10 (Chengdu's zone would otherwise leave every other zone pale).
 */
export function colorScale(values: number[]): (v: number | undefined) => string {
  const vals = values.filter((v) => Number.isFinite(v));
  if (vals.length === 0) return () => sequentialColor(undefined, 0, 1);
  const min = Math.min(...vals);
  const max = Math.max(...vals);
  if (min > 0 && max / min > 10) {
    return (v) => (v !== undefined && v > 0 ? sequentialColor(Math.log(v), Math.log(min), Math.log(max)) : sequentialColor(undefined, 0, 1));
  }
  return (v) => sequentialColor(v, min, max);
}

/** Colour of a difference `v` on a scale symmetric about zero (±`maxAbs`): brown below, white at zero, teal above. */
export function divergingColor(v: number | undefined, maxAbs: number): string {
  if (v === undefined || !Number.isFinite(v)) return '#c7ccd3';
  const u = maxAbs > 0 ? Math.max(-1, Math.min(1, v / maxAbs)) : 0;
  // BrBG ends (#8c510a, #01665e) through near-white #f5f5f5.
  const mid = [0xf5, 0xf5, 0xf5];
  const end = u < 0 ? [0x8c, 0x51, 0x0a] : [0x01, 0x66, 0x5e];
  const c = mid.map((x, i) => Math.round(x + (end[i] - x) * Math.abs(u)));
  return `#${c.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
}

/** A map's colour scale with what its legend shows: colour of a value, gradient stops, and labelled ticks (0–1 along the bar). */
export interface MapScale {
  color: (v: number | undefined) => string;
  /** Colours from the left end of the legend bar to the right. */
  stops: string[];
  ticks: Array<{ at: number; value: number }>;
  /** The colours follow the logarithm of the values. */
  log: boolean;
}

/** The scale of the map's values (sequential, log when they span over a factor of 10) or of their differences (diverging about 0). */
export function mapScale(values: number[], mode: 'value' | 'diff'): MapScale | undefined {
  const vals = values.filter((v) => Number.isFinite(v));
  if (vals.length === 0) return undefined;
  const min = Math.min(...vals);
  const max = Math.max(...vals);
  if (mode === 'diff') {
    const m = Math.max(Math.abs(min), Math.abs(max));
    const stops = [-1, -0.5, 0, 0.5, 1].map((u) => divergingColor(u * m, m));
    return { color: (v) => divergingColor(v, m), stops, ticks: [{ at: 0, value: -m }, { at: 0.5, value: 0 }, { at: 1, value: m }], log: false };
  }
  const log = min > 0 && max / min > 10;
  const stops = [0, 0.25, 0.5, 0.75, 1].map((u) => sequentialColor(u, 0, 1));
  const mid = log ? Math.sqrt(min * max) : (min + max) / 2;
  return { color: colorScale(vals), stops, ticks: [{ at: 0, value: min }, { at: 0.5, value: mid }, { at: 1, value: max }], log };
}

/** Text colour readable on `bg` (#rrggbb): black on light, white on dark. */
export function textOn(bg: string): string {
  const n = parseInt(bg.slice(1), 16);
  const lum = 0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
  return lum > 140 ? '#111' : '#fff';
}

/**
 * Indices of points far from the others (more than `factor` × the median distance from
 * the median point, and over `minDegrees`), drawn in an inset so they do not shrink
 * the rest of the map (Panzhihua lies ~500 km from the corridor).
 */
export function outlierIndices(points: GeoPoint[], factor = 3, minDegrees = 2): number[] {
  if (points.length < 3) return [];
  const med = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const lon0 = med(points.map((p) => p.lon));
  const lat0 = med(points.map((p) => p.lat));
  const d = points.map((p) => Math.hypot(p.lon - lon0, p.lat - lat0));
  const md = med(d);
  return d.flatMap((x, i) => (x > factor * md && x > minDegrees ? [i] : []));
}

/**
 * Indices of `points` in order along their main direction (first principal axis), so
 * that a rail line listed hub-first (Chengdu, Deyang, Mianyang, Leshan) is drawn as the
 * line it is (Mianyang – Deyang – Chengdu – Leshan).
 */
export function orderAlongLine(points: Array<[number, number]>): number[] {
  const n = points.length;
  if (n < 3) return points.map((_, i) => i);
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const [x, y] of points) {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
    syy += (y - my) ** 2;
  }
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const [ux, uy] = [Math.cos(angle), Math.sin(angle)];
  return points.map((p, i) => ({ i, s: (p[0] - mx) * ux + (p[1] - my) * uy })).sort((a, b) => a.s - b.s).map((x) => x.i);
}
