import { describe, expect, it } from 'vitest';
import { briefingBand, briefingLine, briefingProbability, thresholdText } from '../../src/ui/lib/briefing-number.ts';
import { bandOf, effectOf, ratioBand } from '../../src/ui/lib/headline-bands.ts';
import { COST_COLUMNS, costParts, costPerEnterprise, cumulativeTo } from '../../src/ui/lib/cost-split.ts';
import { COST_SPLIT_OUTPUTS } from '../../src/model/chengyu/outputs.ts';
import { drawsOf, type HeadlineDraws } from '../../src/ui/model-bridge/headline-types.ts';
import { headlineDraws } from '../../src/ui/model-bridge/headline-draws.ts';
import { loadChengyuRuntime } from '../../src/ui/model-bridge/runtime-source.ts';
import { paperPackageConstants, PAPER_PACKAGE } from '../../src/model/chengyu/experiments.ts';

const band = (p5: number, p25: number, p50: number, p75: number, p95: number) => ({ p5, p25, p50, p75, p95 });

describe('numbers as a briefing quotes them', () => {
  it('enterprises: 万 in Chinese, spaces in English, two significant digits', () => {
    const b = band(30_812, 35_500, 39_805, 45_100, 51_960);
    expect(briefingLine('zh', 'hte', b)).toBe('约 4.0 万家（90% 区间 3.1–5.2 万）');
    expect(briefingLine('en', 'hte', b)).toBe('about 40\u00a0000 enterprises (90 % range 31\u00a0000–52\u00a0000)');
    expect(briefingBand('zh', 'hte', b).range50).toBe('3.6–4.5 万');
  });

  it('below 10 000 Chinese counts stay in 家; a narrow band earns a third digit', () => {
    expect(briefingLine('zh', 'hte', band(3_100, 3_500, 3_800, 4_200, 5_200))).toBe('约 3,800 家（90% 区间 3,100–5,200）');
    expect(briefingBand('en', 'hte', band(39_500, 39_700, 39_805, 39_900, 40_100)).value).toBe('39\u00a0800');
  });

  it('R&D intensity in % with one decimal, its differences in 个百分点 / pp', () => {
    expect(briefingLine('zh', 'rd_intensity', band(2.41, 2.5, 2.6, 2.7, 2.93))).toBe('约 2.6%（90% 区间 2.4–2.9%）');
    const d = briefingBand('zh', 'rd_intensity', band(0.31, 0.4, 0.45, 0.5, 0.62), true);
    expect(`${d.value} ${d.unit}`).toBe('+0.5 个百分点');
    expect(d.range90).toBe('0.3–0.6');
    expect(briefingBand('en', 'rd_intensity', band(0.01, 0.02, 0.03, 0.04, 0.05), true).value).toBe('+0.03');
    expect(briefingBand('en', 'rd_intensity', band(-0.2, 0, 0.1, 0.2, 0.3), true).range90).toBe('−0.2–+0.3');
  });

  it('money: 亿元 and 万亿元 in Chinese, billions of CNY in English', () => {
    expect(briefingLine('zh', 'tech_contracts', band(3_100, 3_300, 3_456, 3_700, 4_200))).toBe('约 3,500 亿元（90% 区间 3,100–4,200 亿）');
    expect(briefingLine('zh', 'tech_contracts', band(10_500, 11_000, 12_300, 13_000, 14_100))).toBe('约 1.2 万亿元（90% 区间 1.1–1.4 万亿）');
    expect(briefingLine('en', 'tech_contracts', band(3_100, 3_300, 3_456, 3_700, 4_200))).toBe('about 350 bn CNY (90 % range 310–420 bn)');
    expect(briefingBand('en', 'cost_per_enterprise', band(240, 300, 470, 800, 1_700))).toMatchObject({ value: '4.7', unit: 'm CNY per enterprise' });
    // A yearly cost the levers fix has no spread: two significant digits, one number for its range (not "0.4000").
    expect(briefingBand('en', 'policy_cost', band(4, 4, 4, 4, 4))).toMatchObject({ value: '0.40', unit: 'bn CNY/yr', range90: '0.40 bn' });
    expect(briefingBand('zh', 'policy_cost', band(43.21, 43.21, 43.21, 43.21, 43.21))).toMatchObject({ value: '43', unit: '亿元/年', range90: '43 亿' });
  });

  it('probabilities in whole percent, the ends as <1% and >99%; thresholds as typed', () => {
    expect([0, 0.004, 0.834, 0.996, 1].map(briefingProbability)).toEqual(['<1%', '<1%', '83%', '>99%', '>99%']);
    expect(thresholdText('zh', 2000)).toBe('2,000');
    expect(thresholdText('en', 0.15)).toBe('0.15');
  });
});

describe('bands and paired effects', () => {
  it('percentiles of the finite draws; the effect pairs draw by draw', () => {
    const base = Float64Array.from({ length: 101 }, (_, i) => 1000 + 10 * i);
    const pkg = base.map((x, i) => x + 100 + i);
    expect(bandOf(base)).toEqual(band(1050, 1250, 1500, 1750, 1950));
    expect(bandOf([NaN, 1, 3])?.p50).toBe(2);
    expect(bandOf([])).toBeUndefined();
    const e = effectOf(base, pkg, 149.5)!;
    // Effects are 100…200: the shared spread of the levels cancels.
    expect([e.p5, e.p50, e.p95]).toEqual([105, 150, 195]);
    expect(e.probabilityAbove).toBeCloseTo(51 / 101, 12);
    expect(effectOf(base, undefined, 0)).toBeUndefined();
    // The cost of one unit gained, per draw; none when some draw gains nothing.
    expect(ratioBand(Float64Array.from(base, () => 300), base, pkg)?.p50).toBe(2);
    expect(ratioBand(Float64Array.from(base, () => 300), base, base)).toBeUndefined();
  });

  it('the worker returns each asked column in its place, and common draws give a package effect with no baseline noise', () => {
    const cols = ['hte_circle', 'rd_intensity_circle', 'policy_cost_cumulative'];
    const a = headlineDraws({}, cols, [2030, 2035], 40);
    const b = headlineDraws({}, [...cols].reverse(), [2035, 2030], 40);
    for (const c of cols) for (const y of [2030, 2035]) expect(Array.from(drawsOf(a, c, y)!)).toEqual(Array.from(drawsOf(b, c, y)!));
    const pkg: HeadlineDraws = headlineDraws(paperPackageConstants(), cols, [2030, 2035], 40);
    const e = effectOf(drawsOf(a, 'hte_circle', 2035), drawsOf(pkg, 'hte_circle', 2035), 0)!;
    expect(e.n).toBe(40);
    expect(e.p5).toBeGreaterThan(0);
    expect(drawsOf(a, 'policy_cost_cumulative', 2035)!.every((x) => x === 0)).toBe(true);
  });
});

describe('who pays, as the cost panel reads it', () => {
  const rt = loadChengyuRuntime();

  it('the page names the model\'s split outputs and runs them', () => {
    expect(COST_COLUMNS.province).toEqual(COST_SPLIT_OUTPUTS.province);
    expect(COST_COLUMNS.area).toEqual(COST_SPLIT_OUTPUTS.area);
    expect(COST_COLUMNS.parksProvince).toEqual(COST_SPLIT_OUTPUTS.parksProvince);
    expect(COST_COLUMNS.parksArea).toEqual(COST_SPLIT_OUTPUTS.parksArea);
    for (const c of [COST_COLUMNS.total, COST_COLUMNS.parksTotal, ...Object.values(COST_SPLIT_OUTPUTS).flat()]) expect(rt.meta.columns).toContain(c);
  });

  it('the yearly spending summed to a year is the model\'s cumulative cost, and every split adds up to it', () => {
    const run = rt.run(paperPackageConstants());
    for (const y of [2025, 2030, 2035]) {
      const total = cumulativeTo(run, 'policy_cost', y)!;
      const i = Array.from(run.times).indexOf(y);
      expect(total).toBeCloseTo(run.columns.policy_cost_cumulative[i], 8);
      for (const split of [COST_COLUMNS.province, COST_COLUMNS.area]) {
        const parts = costParts(run, split, y);
        expect(parts.reduce((s, p) => s + p.amount, 0)).toBeCloseTo(total, 8);
        if (total > 0) expect(parts.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 12);
      }
    }
    const parks = rt.run({ ...PAPER_PACKAGE.parks });
    expect(cumulativeTo(parks, COST_COLUMNS.parksTotal, 2035)).toBeCloseTo(6 * 2 * 10, 9);
    expect(costParts(parks, COST_COLUMNS.parksArea, 2035).map((p) => p.share)).toEqual([0.5, 0.5].map((x) => expect.closeTo(x, 12)));
  });

  it('cost per extra enterprise in 万元, none without a gain', () => {
    expect(costPerEnterprise(120, 2_400)).toBe(500);
    expect(costPerEnterprise(120, 0)).toBeUndefined();
    expect(costPerEnterprise(undefined, 10)).toBeUndefined();
  });
});
