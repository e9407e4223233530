// The model's spatial resolution: the 12 national zones plus three hinterland nodes, chosen so
// that every observed total is a sum of nodes (DESIGN.md): Sichuan = 8 Sichuan zones +
// rest_of_chengdu + rest_of_sichuan; Chengdu city = chengdu + rest_of_chengdu; Chongqing =
// 4 Chongqing zones + rest_of_chongqing; zones12 = the 12 zones; circle = every node.
import { ZONES, type Province } from './data/zones.ts';
import { HINTERLAND_POINTS, RAIL_LINES, haversineKm } from './data/geography.ts';

/** One node of the model. */
export interface ModelNode {
  id: string;
  name_zh: string;
  name_en: string;
  province: Province;
  /** core = Chengdu or Chongqing zone; zone = another national zone; hinterland = the rest. */
  role: 'core' | 'zone' | 'hinterland';
  lon: number;
  lat: number;
  /** Whether the node lies on a trunk rail line of the corridor. */
  onRail: boolean;
}

const HINTERLAND: { id: string; name_zh: string; name_en: string; province: Province }[] = [
  { id: 'rest_of_chengdu', name_zh: '成都市其余地区', name_en: 'Rest of Chengdu', province: 'sichuan' },
  { id: 'rest_of_sichuan', name_zh: '四川省其余地区', name_en: 'Rest of Sichuan', province: 'sichuan' },
  { id: 'rest_of_chongqing', name_zh: '重庆市其余地区', name_en: 'Rest of Chongqing', province: 'chongqing' },
];

const railStops = new Set(RAIL_LINES.flatMap((l) => l.stops));

/** All nodes in model order (the 12 zones as in zones.csv, then the hinterland). */
export const NODES: readonly ModelNode[] = [
  ...ZONES.map((z) => ({
    id: z.id,
    name_zh: z.name_zh,
    name_en: z.name_en,
    province: z.province,
    role: z.kind === 'core_nhidz' ? ('core' as const) : ('zone' as const),
    lon: z.lon,
    lat: z.lat,
    onRail: railStops.has(z.id),
  })),
  ...HINTERLAND.map((h) => ({
    ...h,
    role: 'hinterland' as const,
    lon: HINTERLAND_POINTS[h.id].lon,
    lat: HINTERLAND_POINTS[h.id].lat,
    onRail: railStops.has(h.id),
  })),
];

/** Node ids in model order (the elements of the `node` dimension). */
export const NODE_IDS: readonly string[] = NODES.map((n) => n.id);

/** An aggregate region whose outputs carry the suffix `_<id>`. */
export interface Region {
  id: 'sichuan' | 'chengdu_city' | 'chongqing' | 'zones12' | 'circle';
  name_zh: string;
  name_en: string;
  /** Member node ids. */
  nodes: string[];
}

const ids = (pred: (n: ModelNode) => boolean) => NODES.filter(pred).map((n) => n.id);

/** The five reporting regions, each a set of nodes. */
export const REGIONS: readonly Region[] = [
  { id: 'sichuan', name_zh: '四川省', name_en: 'Sichuan', nodes: ids((n) => n.province === 'sichuan') },
  { id: 'chengdu_city', name_zh: '成都市', name_en: 'Chengdu city', nodes: ['chengdu', 'rest_of_chengdu'] },
  { id: 'chongqing', name_zh: '重庆市', name_en: 'Chongqing', nodes: ids((n) => n.province === 'chongqing') },
  { id: 'zones12', name_zh: '12家国家高新区', name_en: 'The 12 national zones', nodes: ids((n) => n.role !== 'hinterland') },
  { id: 'circle', name_zh: '成渝地区双城经济圈', name_en: 'Chengdu–Chongqing circle', nodes: [...NODE_IDS] },
];

/**
 * Calibration groups: the three independent enterprise series of Table 2 (Chengdu city, the rest
 * of Sichuan = Sichuan − Chengdu, Chongqing). Group-level parameters are fitted per group.
 */
export const GROUPS = {
  chengdu_city: ['chengdu', 'rest_of_chengdu'],
  sichuan_other: ids((n) => n.province === 'sichuan' && n.id !== 'chengdu' && n.id !== 'rest_of_chengdu'),
  chongqing: ids((n) => n.province === 'chongqing'),
} as const;

/** A calibration group id. */
export type GroupId = keyof typeof GROUPS;

/** Great-circle distance matrix (km) between nodes, keyed `from` → `to`. */
export function distanceMatrix(): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const a of NODES) {
    out[a.id] = {};
    for (const b of NODES) out[a.id][b.id] = a.id === b.id ? 0 : Math.round(haversineKm(a.lon, a.lat, b.lon, b.lat));
  }
  return out;
}
