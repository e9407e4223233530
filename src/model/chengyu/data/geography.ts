// Distances and rail links between the model's nodes. Zone coordinates come from zones.csv;
// the three hinterland nodes get an assumed representative point (stated below). Distances are
// great-circle (haversine) from these points: they reproduce src/model/chengyu/data/README.md's published
// distances (Chengdu–Chongqing 270 km, Mianyang 110/275 km, …) to the kilometre, which
// tests/model check.

/** A representative point of a hinterland node, with why it stands there. */
export interface HinterlandPoint {
  lon: number;
  lat: number;
  reason: string;
}

/** Assumed points of the hinterland nodes (they are areas, not places). */
export const HINTERLAND_POINTS: Readonly<Record<string, HinterlandPoint>> = {
  rest_of_chengdu: {
    lon: 103.84,
    lat: 30.7,
    reason:
      "assumption: Chengdu's districts and counties outside the zone, about 22 km west of the city seat " +
      '(Pidu/Wenjiang), so that spillovers between the zone and the rest of its own city are strong but finite',
  },
  rest_of_sichuan: {
    lon: 105.5,
    lat: 30.3,
    reason:
      'assumption: rough GDP-weighted centre of the Sichuan prefectures without a national zone ' +
      '(Yibin, Nanchong, Dazhou, Suining, Guang\'an, Ziyang, Meishan …), between Chengdu and Chongqing',
  },
  rest_of_chongqing: {
    lon: 106.8,
    lat: 29.75,
    reason:
      "assumption: rough GDP-weighted centre of Chongqing's districts outside the four zones " +
      '(main urban districts east of the Jialing, Fuling, Wanzhou, Jiangjin, Hechuan)',
  },
};

/** Earth radius used for great-circle distances (km, mean radius). */
export const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in km between two lon/lat points (degrees). */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = (x: number) => (x * Math.PI) / 180;
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(s));
}

/** Published great-circle distances (km) from src/model/chengyu/data/README.md: [node, km to Chengdu, km to Chongqing]. */
export const PUBLISHED_DISTANCES_KM: readonly [string, number, number][] = [
  ['mianyang', 110, 275],
  ['deyang', 61, 271],
  ['leshan', 123, 271],
  ['zigong', 160, 175],
  ['panzhihua', 508, 579],
  ['luzhou', 238, 132],
  ['neijiang', 153, 145],
  ['yongchuan', 229, 69],
  ['bishan', 240, 32],
  ['rongchang', 203, 95],
  ['chongqing_zone', 270, 0],
];

/** A trunk rail line and the nodes it serves (src/model/chengyu/data/README.md). */
export interface RailLine {
  id: string;
  name_zh: string;
  name_en: string;
  km: number | null;
  stops: string[];
  note: string;
}

/** The trunk lines the innovation corridor follows (src/model/chengyu/data/README.md; paper section 6.4). */
export const RAIL_LINES: readonly RailLine[] = [
  {
    id: 'chengyu_hsr',
    name_zh: '成渝高铁',
    name_en: 'Chengdu–Chongqing high-speed line',
    km: 308,
    stops: ['chengdu', 'rest_of_chengdu', 'neijiang', 'rongchang', 'yongchuan', 'bishan', 'chongqing_zone'],
    note: 'fastest trip about 67 min; stops at Neijiang, Rongchang, Yongchuan and Bishan',
  },
  {
    id: 'chengyu_middle',
    name_zh: '成渝中线高铁',
    name_en: 'Chengdu–Chongqing middle line',
    km: 292,
    stops: ['chengdu', 'rest_of_chengdu', 'chongqing_zone'],
    note: '350 km/h design; serves Chongqing Science City',
  },
  {
    id: 'chengmianle',
    name_zh: '成绵乐城际',
    name_en: 'Chengdu–Mianyang–Leshan intercity line',
    km: null,
    stops: ['chengdu', 'rest_of_chengdu', 'deyang', 'mianyang', 'leshan'],
    note: 'about 1 h Chengdu–Mianyang',
  },
];

/** Source note for the rail data. */
export const RAIL_SOURCE =
  'src/model/chengyu/data/README.md (rail): Zigong, Luzhou and Panzhihua are off these trunk lines; rest_of_chengdu shares ' +
  "Chengdu's stations; rest_of_sichuan and rest_of_chongqing are treated as off the lines (assumption: " +
  'they are dispersed areas, not stations).';
