// The static half of ModelMeta, built from the regional model's data: areas (regions and
// the 12 zones with coordinates), the rail lines, indicator labels and units, and the
// observed history as points on the model's output columns.
import { NODES, REGIONS } from '../../model/chengyu/nodes.ts';
import { RAIL_LINES } from '../../model/chengyu/data/geography.ts';
import { CALIBRATION_TARGETS } from '../../model/chengyu/targets.ts';
import { observedPoints } from './observed-points.ts';
import { REGION_IDS } from '../state/app-state.ts';
import type { AreaInfo, KpiInfo, Observation, RailLine } from './types.ts';

/** Indicators in display order with units (DESIGN.md "Outputs"). */
export const KPIS: readonly KpiInfo[] = [
  { id: 'hte', label: { zh: '高新技术企业', en: 'High-tech enterprises' }, unit: { zh: '家', en: 'enterprises' }, digits: 0, exportDigits: 0 },
  { id: 'rd_intensity', label: { zh: '研发投入强度', en: 'R&D intensity' }, unit: { zh: '%', en: '%' }, digits: 2,
    // A difference of two percentages is in percentage points, not percent.
    deltaUnit: { zh: '个百分点', en: 'pp' }, exportDigits: 4 },
  { id: 'tech_contracts', label: { zh: '技术合同成交额', en: 'Technology contract turnover' }, unit: { zh: '亿元', en: 'CNY 100 m' }, digits: 0, exportDigits: 2,
    short: { zh: '技术合同成交额', en: 'Tech contracts' } },
  {
    id: 'policy_cost',
    label: { zh: '政策年度支出（全圈）', en: 'Policy spending (whole circle)' },
    short: { zh: '政策年度支出（全圈）', en: 'Policy spending' },
    unit: { zh: '亿元/年', en: 'CNY 100 m/yr' },
    digits: 1,
    exportDigits: 3,
    scope: 'circle',
    neutral: true,
  },
];

/** Regions (in REGION_IDS order: circle first) then the 12 zones in the model's order. */
export function modelAreas(): AreaInfo[] {
  const regions = REGION_IDS.map((id) => {
    const r = REGIONS.find((x) => x.id === id);
    if (!r) throw new Error(`region ${id} is missing from the regional model`);
    return { id, kind: 'region' as const, label: { zh: r.name_zh, en: r.name_en } };
  });
  const zones = NODES.filter((n) => n.role !== 'hinterland').map((n) => ({
    id: n.id,
    kind: 'zone' as const,
    label: { zh: n.name_zh, en: n.name_en.replace(/ High-tech Zone$/, '') },
    province: n.province,
    lon: n.lon,
    lat: n.lat,
  }));
  return [...regions, ...zones];
}

/** Rail lines through zones only (hinterland stops are areas, not places on the map). */
export function modelRail(): RailLine[] {
  const zoneIds = new Set(NODES.filter((n) => n.role !== 'hinterland').map((n) => n.id));
  return RAIL_LINES.map((l) => ({ id: l.id, label: { zh: l.name_zh, en: l.name_en }, stops: l.stops.filter((s) => zoneIds.has(s)) }));
}

/** Observed history (the calibration targets, and circle sums derived from them) as points on output columns. */
export function modelObservations(): Observation[] {
  return observedPoints(CALIBRATION_TARGETS);
}
