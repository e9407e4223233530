// The pure parts of the projector layout, the graphs menu, presentation mode and the map:
// lever groups, chart choices and the menu's search, the presentation address, the
// map's label placement and colour legend, the chart height for two rows of charts.
import { describe, expect, it } from 'vitest';
import { LEVERS } from '../../src/model/scenario/levers.ts';
import { leverGroups, mainAndDetails } from '../../src/ui/lib/lever-groups.ts';
import { elementsOf, resolveChoice, searchCatalog, searchKpis, shownElement, elementLabel, sameChoice } from '../../src/ui/lib/chart-choice.ts';
import { isPresentUrl, presentUrl, isTypingTarget } from '../../src/ui/lib/presentation.ts';
import { overlap, placeLabels, type LabelAnchor } from '../../src/ui/lib/label-placement.ts';
import { divergingColor, mapScale } from '../../src/ui/lib/projection.ts';
import { chartHeightFor } from '../../src/ui/lib/chart-fit.ts';
import { KPIS } from '../../src/ui/model-bridge/model-meta.ts';
import type { AreaInfo, VariableCatalog } from '../../src/ui/model-bridge/types.ts';

const catalog: VariableCatalog = {
  variables: [
    { name: 'hte', kind: 'stock', units: 'enterprise', dims: ['node'], label: { zh: '高新技术企业数', en: 'High-tech enterprises' } },
    { name: 'facility', kind: 'stock', units: '1e8 CNY' },
    { name: 'spill_weight', kind: 'aux', units: '1', dims: ['node', 'src'] },
    { name: 'certification_rate', kind: 'constant', units: '1/year' },
    { name: 'formation', kind: 'flow', units: 'enterprise/year', dims: ['node'] },
  ],
  dimensions: { node: ['chengdu', 'mianyang'], src: ['chengdu', 'mianyang'] },
  elementLabels: { chengdu: { zh: '成都高新区', en: 'Chengdu' }, mianyang: { zh: '绵阳高新区', en: 'Mianyang' } },
};
const zone: AreaInfo = { id: 'mianyang', kind: 'zone', label: { zh: '绵阳高新区', en: 'Mianyang' } };
const circle: AreaInfo = { id: 'circle', kind: 'region', label: { zh: '双城经济圈', en: 'Circle' } };

describe('lever groups', () => {
  it('puts every lever in exactly one group: money inputs, then mechanisms', () => {
    const groups = leverGroups();
    expect(groups.map((g) => g.id)).toEqual(['inputs', 'mechanisms']);
    expect(groups[0].levers.map((l) => l.id)).toEqual(['science_city', 'parks', 'rd_support']);
    const all = groups.flatMap((g) => g.levers.map((l) => l.id));
    expect([...all].sort()).toEqual(LEVERS.map((l) => l.id).sort());
  });

  it('shows the first field as the main slider and tucks shares and start years away', () => {
    const sc = mainAndDetails(LEVERS.find((l) => l.id === 'science_city')!);
    expect(sc.main.field).toBe('investment');
    expect(sc.details.map((f) => f.field)).toEqual(['sharing', 'start_year']);
    for (const l of LEVERS) expect(mainAndDetails(l).details.map((f) => f.field)).toContain('start_year');
  });
});

describe('chart choices', () => {
  it('lists the elements of one- and two-dimensional variables', () => {
    expect(elementsOf(catalog.variables[1], catalog)).toEqual([]);
    expect(elementsOf(catalog.variables[0], catalog)).toEqual(['chengdu', 'mianyang']);
    expect(elementsOf(catalog.variables[2], catalog)).toEqual(['chengdu,chengdu', 'chengdu,mianyang', 'mianyang,chengdu', 'mianyang,mianyang']);
  });

  it('shows the viewed zone of an arrayed variable unless an element was chosen', () => {
    const hte = catalog.variables[0];
    expect(shownElement(hte, catalog, zone)).toBe('mianyang');
    expect(shownElement(hte, catalog, circle)).toBe('chengdu');
    expect(shownElement(hte, catalog, zone, 'chengdu')).toBe('chengdu');
    expect(shownElement(catalog.variables[2], catalog, zone)).toBe('mianyang,chengdu');
    expect(resolveChoice({ variable: 'hte' }, KPIS, catalog, zone)?.column).toBe('hte[mianyang]');
    expect(resolveChoice({ variable: 'facility' }, KPIS, catalog, zone)?.column).toBe('facility');
    expect(resolveChoice({ kpi: 'hte' }, KPIS, catalog, circle)?.column).toBe('hte_circle');
    expect(resolveChoice({ kpi: 'hte' }, KPIS, catalog, zone)?.column).toBe('hte[mianyang]');
    expect(resolveChoice({ variable: 'nope' }, KPIS, catalog, zone)).toBeUndefined();
    expect(elementLabel('mianyang,chengdu', catalog, 'zh')).toBe('绵阳高新区 × 成都高新区');
    expect(sameChoice({ kpi: 'hte' }, { variable: 'hte' })).toBe(false);
  });

  it('searches ids and both languages’ names, grouped by kind in a fixed order', () => {
    expect(searchCatalog(catalog.variables, '').map((g) => g.kind)).toEqual(['stock', 'flow', 'aux', 'constant']);
    expect(searchCatalog(catalog.variables, '高新技术')[0].variables.map((v) => v.name)).toEqual(['hte']);
    expect(searchCatalog(catalog.variables, 'high-tech ENTER')[0].variables.map((v) => v.name)).toEqual(['hte']);
    expect(searchCatalog(catalog.variables, 'spill weight').flatMap((g) => g.variables.map((v) => v.name))).toEqual(['spill_weight']);
    expect(searchCatalog(catalog.variables, 'zzz')).toEqual([]);
    expect(searchKpis(KPIS, '研发').map((k) => k.id)).toEqual(['rd_intensity']);
  });
});

describe('presentation mode in the address', () => {
  it('reads and writes ?present, keeping the fragment and other parameters', () => {
    expect(isPresentUrl('http://h/?present')).toBe(true);
    expect(isPresentUrl('http://h/?present=1#s=x')).toBe(true);
    expect(isPresentUrl('http://h/?present=0')).toBe(false);
    expect(isPresentUrl('http://h/#present')).toBe(false);
    expect(presentUrl('http://h/?a=b#s=x', true)).toBe('http://h/?a=b&present=1#s=x');
    expect(presentUrl('http://h/?present=1#s=x', false)).toBe('http://h/#s=x');
    expect(isTypingTarget(undefined)).toBe(false);
  });
});

describe('map label placement', () => {
  it('places crowded labels so that none covers another label or dot, inside the map', () => {
    // Seven dots in a tight cluster, as the Chongqing zones are at a small map size.
    const anchors: LabelAnchor[] = [
      [200, 200], [215, 205], [230, 200], [205, 220], [225, 225], [190, 235], [240, 240],
    ].map(([x, y]) => ({ x, y, r: 8, w: 56, h: 16 }));
    const bounds = { x: 0, y: 0, w: 420, h: 400 };
    const placed = placeLabels(anchors, bounds);
    const dots = anchors.map((a) => ({ x: a.x - a.r, y: a.y - a.r, w: 2 * a.r, h: 2 * a.r }));
    placed.forEach((p, i) => {
      expect(overlap(p.box, bounds)).toBeCloseTo(p.box.w * p.box.h);
      placed.forEach((q, j) => j !== i && expect(overlap(p.box, q.box), `${i} over ${j}`).toBe(0));
      dots.forEach((d, j) => j !== i && expect(overlap(p.box, d), `${i} over dot ${j}`).toBe(0));
    });
    expect(placed.some((p) => p.leader)).toBe(true);
  });

  it('puts a lone label to the right of its dot and keeps labels out of obstacles', () => {
    const [p] = placeLabels([{ x: 100, y: 100, r: 10, w: 40, h: 16 }], { x: 0, y: 0, w: 300, h: 300 });
    expect(p).toEqual({ box: { x: 113, y: 92, w: 40, h: 16 }, leader: false });
    const [q] = placeLabels([{ x: 100, y: 100, r: 10, w: 40, h: 16 }], { x: 0, y: 0, w: 300, h: 300 }, [{ x: 110, y: 80, w: 60, h: 40 }]);
    expect(q.box.x + q.box.w).toBeLessThanOrEqual(110);
  });
});

describe('map colour legend', () => {
  it('differences: symmetric about zero, white at zero, signed ends', () => {
    const s = mapScale([-5, 2, 10], 'diff')!;
    expect(s.ticks.map((x) => x.value)).toEqual([-10, 0, 10]);
    expect(s.color(0)).toBe('#f5f5f5');
    expect(s.color(10)).toBe('#01665e');
    expect(s.color(-10)).toBe('#8c510a');
    expect(divergingColor(undefined, 1)).toBe('#c7ccd3');
  });

  it('values: a log scale with its geometric middle when they span over a factor of 10', () => {
    const s = mapScale([10, 1000], 'value')!;
    expect(s.log).toBe(true);
    expect(s.ticks.map((x) => x.value)).toEqual([10, 100, 1000]);
    expect(mapScale([10, 20], 'value')!.log).toBe(false);
    expect(mapScale([], 'value')).toBeUndefined();
  });
});

describe('chart height for rows of charts', () => {
  it('splits the room between two rows (four charts)', () => {
    expect(chartHeightFor({ viewport: 720, top: 110, fixed: 200, narrow: false, rows: 2 })).toBe(199);
    expect(chartHeightFor({ viewport: 720, top: 110, fixed: 200, narrow: false })).toBe(398);
    expect(chartHeightFor({ viewport: 480, top: 110, fixed: 200, narrow: false, rows: 2 })).toBe(120);
  });
});
