// The 12 national high-tech zones of Sichuan and Chongqing (paper Table 5), copied from
// ../shared/data/zones.csv with its provenance; the project never reads ../shared at run time.

/** Kind of zone: one of the two cores (Chengdu, Chongqing) or another national zone. */
export type ZoneKind = 'core_nhidz' | 'nhidz';

/** Province-level unit a zone belongs to. */
export type Province = 'sichuan' | 'chongqing';

/** One national high-tech zone. */
export interface Zone {
  id: string;
  name_zh: string;
  name_en: string;
  province: Province;
  kind: ZoneKind;
  /** Host city's government seat (for Chongqing: Yuzhong district), degrees. */
  lon: number;
  lat: number;
  positioning_zh: string;
  main_industries_zh: string;
  /** Zone industrial output as a percentage of the host city's; null where the paper gives none. */
  output_share_of_city_pct: number | null;
}

/** Where the zone table comes from. */
export const ZONES_SOURCE =
  'Paper Table 5 (China Torch Statistical Yearbook 2019 and zone websites) via data/zones.csv; ' +
  "coordinates are the host city's government seat (Chongqing: Yuzhong district; the Chongqing " +
  'zone\'s science-city core lies about 25 km west of that point).';

/** The 12 zones in the order of zones.csv. */
export const ZONES: readonly Zone[] = [
  { id: 'chengdu', name_zh: '成都高新区', name_en: 'Chengdu High-tech Zone', province: 'sichuan', kind: 'core_nhidz', lon: 104.0657, lat: 30.6595, positioning_zh: '世界一流高科技园区', main_industries_zh: '电子信息、生物医药、新经济', output_share_of_city_pct: 27.76 },
  { id: 'deyang', name_zh: '德阳高新区', name_en: 'Deyang High-tech Zone', province: 'sichuan', kind: 'nhidz', lon: 104.3987, lat: 31.128, positioning_zh: '高端产业、绿色园区、科技新城', main_industries_zh: '油气装备与服务、生物医药、通用航空、新材料新能源', output_share_of_city_pct: 27.13 },
  { id: 'mianyang', name_zh: '绵阳高新区', name_en: 'Mianyang High-tech Zone', province: 'sichuan', kind: 'nhidz', lon: 104.7417, lat: 31.464, positioning_zh: '打造西部一流高科技园区', main_industries_zh: '电子信息、汽车及零部件、先进材料、智能制造、医药健康', output_share_of_city_pct: 37.04 },
  { id: 'leshan', name_zh: '乐山高新区', name_en: 'Leshan High-tech Zone', province: 'sichuan', kind: 'nhidz', lon: 103.7613, lat: 29.582, positioning_zh: '总部经济、创新高地、现代新城', main_industries_zh: '半导体材料、机械电气、新医药', output_share_of_city_pct: 34.54 },
  { id: 'zigong', name_zh: '自贡高新区', name_en: 'Zigong High-tech Zone', province: 'sichuan', kind: 'nhidz', lon: 104.7734, lat: 29.3528, positioning_zh: '动能转换高地、绿色科技新城', main_industries_zh: '节能环保、新材料、文创、电子信息', output_share_of_city_pct: 34.44 },
  { id: 'panzhihua', name_zh: '攀枝花钒钛高新区', name_en: 'Panzhihua Vanadium-Titanium High-tech Zone', province: 'sichuan', kind: 'nhidz', lon: 101.716, lat: 26.5804, positioning_zh: '攀枝花市高质量发展示范区、攀西经济区新增长极', main_industries_zh: '钒钛及新材料、钒钛机械制造', output_share_of_city_pct: 35.03 },
  { id: 'luzhou', name_zh: '泸州高新区', name_en: 'Luzhou High-tech Zone', province: 'sichuan', kind: 'nhidz', lon: 105.4433, lat: 28.8891, positioning_zh: '川南创新引擎、中国智造新城', main_industries_zh: '天然气化工、机械、能源、酒业', output_share_of_city_pct: 34.72 },
  { id: 'neijiang', name_zh: '内江高新区', name_en: 'Neijiang High-tech Zone', province: 'sichuan', kind: 'nhidz', lon: 105.0661, lat: 29.5871, positioning_zh: '高新技术和战略性新兴产业核心区、高端人才聚集区、产城融合示范区', main_industries_zh: '新材料、电子信息、生物医药、机械汽配', output_share_of_city_pct: 16.34 },
  { id: 'chongqing_zone', name_zh: '重庆高新区', name_en: 'Chongqing High-tech Zone', province: 'chongqing', kind: 'core_nhidz', lon: 106.5629, lat: 29.5567, positioning_zh: '科学之城、创新高地', main_industries_zh: '新一代信息技术、先进制造、生命科学、高技术服务业', output_share_of_city_pct: null },
  { id: 'yongchuan', name_zh: '永川高新区', name_en: 'Yongchuan High-tech Zone', province: 'chongqing', kind: 'nhidz', lon: 105.8947, lat: 29.3487, positioning_zh: '创新驱动中心、产业升级引擎', main_industries_zh: '智能装备、电子信息、汽车及零部件、新材料、软件与信息技术', output_share_of_city_pct: 79.0 },
  { id: 'bishan', name_zh: '璧山高新区', name_en: 'Bishan High-tech Zone', province: 'chongqing', kind: 'nhidz', lon: 106.2311, lat: 29.5936, positioning_zh: '军民协同创新示范区、校院企地协同发展标杆区', main_industries_zh: '智能装备、信息技术、生命健康', output_share_of_city_pct: 60.0 },
  { id: 'rongchang', name_zh: '荣昌高新区', name_en: 'Rongchang High-tech Zone', province: 'chongqing', kind: 'nhidz', lon: 105.5941, lat: 29.4036, positioning_zh: '成渝城市群生物工程科技创新示范区', main_industries_zh: '智能装备、食品医药、轻工陶瓷、农牧高新', output_share_of_city_pct: 74.0 },
];
