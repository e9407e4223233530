// Unit tests of what the data-and-method panel and the chart's observed points say: the
// build-time summary (in-sample fit as validate committed it, hindcast, posterior), the
// hindcast headline, series names, the sources' wording in both languages, the derived
// circle sums and R&D intensity, which preset's description shows, and Chinese runs inside
// English notes.
import { describe, expect, it } from 'vitest';
import { runChengyu } from '../../src/model/chengyu/run.ts';
import { defaultLeverConstants, defaultLeverSettings } from '../../src/model/scenario/levers.ts';
import { resolveLevers, validateScenario } from '../../src/model/scenario/scenario.ts';
import { CALIBRATION_TARGETS } from '../../src/model/chengyu/targets.ts';
import { POSTERIOR } from '../../src/model/chengyu/posterior-data.ts';
import validation from '../../src/model/chengyu/validation.json' with { type: 'json' };
import baselineFile from '../../scenarios/baseline.json' with { type: 'json' };
import corridorFile from '../../scenarios/corridor.json' with { type: 'json' };
import { methodSummary } from '../../src/ui/model-bridge/method-summary.ts';
import { hindcastHeadline } from '../../src/ui/lib/hindcast-text.ts';
import { seriesLabel, seriesParts } from '../../src/ui/lib/series-label.ts';
import { SOURCE_LABELS, sourceLabel } from '../../src/ui/lib/source-label.ts';
import { observedPoints } from '../../src/ui/model-bridge/observed-points.ts';
import { activeStartYears, describedPreset } from '../../src/ui/state/scenario-description.ts';
import { scriptSpans } from '../../src/ui/lib/script-spans.ts';
import { modelAreas } from '../../src/ui/model-bridge/model-meta.ts';
import { derivedNote, observationTip } from '../../src/ui/lib/observation-tip.ts';

const HAN = /[\u3400-\u9fff]/;

describe('data-and-method summary', () => {
  const summary = methodSummary(runChengyu(defaultLeverConstants()));

  it('gives the baseline in-sample error per series as validate committed it, over the 2015–2022 fit window', () => {
    expect(summary.fitWindow).toEqual([2015, 2022]);
    expect(summary.inSample.map((s) => s.output)).toEqual(validation.inSample.series.map((s) => s.output));
    for (const s of validation.inSample.series) {
      const mine = summary.inSample.find((x) => x.output === s.output)!;
      expect(mine.mape, s.output).toBeCloseTo(s.mape, 6);
      expect(mine.points).toBe(s.points);
    }
    expect(summary.counts.targets).toBe(CALIBRATION_TARGETS.length);
    expect(summary.checks).toBeGreaterThan(0);
  });

  it('takes the hindcast and the posterior from the committed files; nothing after 2022', () => {
    expect(summary.hindcast.cutoff).toBe(validation.hindcast.cutoff);
    expect(summary.hindcast.forecast.length).toBe(validation.hindcast.series.filter((s) => s.role === 'forecast').length);
    for (const s of summary.hindcast.forecast) {
      expect(s.years[0]).toBeGreaterThan(validation.hindcast.cutoff);
      expect(s.years[1]).toBeLessThanOrEqual(2022);
    }
    expect(summary.posterior.draws).toBe(POSTERIOR.draws.length);
    expect(summary.posterior.maxRhat).toBe(Math.max(...POSTERIOR.summary.map((s) => s.rhat)));
    expect(summary.posterior.minEss).toBe(Math.min(...POSTERIOR.summary.map((s) => s.ess)));
  });

  it('words the enterprise hindcast from the errors: every series under-predicted, by the MAPE range', () => {
    const h = hindcastHeadline(summary.hindcast.forecast, 'hte')!;
    const rows = validation.hindcast.series.filter((s) => s.role === 'forecast' && /^hte[_[]/.test(s.output));
    expect(h.direction).toBe(rows.every((r) => r.biasPct < 0) ? 'under' : 'mixed');
    expect(h.range).toEqual([Math.min(...rows.map((r) => r.mape)), Math.max(...rows.map((r) => r.mape))]);
    expect(h.years).toEqual([2020, 2022]);
    expect(hindcastHeadline([{ output: 'gdp_sichuan', points: 1, years: [2020, 2020], mape: 3, biasPct: 3 }], 'gdp')?.direction).toBe('over');
    expect(hindcastHeadline([], 'hte')).toBeUndefined();
  });
});

describe('series names and sources', () => {
  const areas = modelAreas();

  it('names every series of the fit in both languages', () => {
    expect(seriesParts('hte[chengdu]')).toEqual({ stem: 'hte', area: 'chengdu' });
    expect(seriesParts('rd_intensity_chongqing')).toEqual({ stem: 'rd_intensity', area: 'chongqing' });
    expect(seriesParts('sme_registry_sichuan')).toEqual({ stem: 'sme_registry', area: 'sichuan' });
    expect(seriesLabel('tech_contracts_chengdu_city', areas, 'zh')).toBe('技术合同成交额（成都市）');
    expect(seriesLabel('hte[chengdu]', areas, 'en')).toBe('High-tech enterprises (Chengdu zone)');
    expect(seriesLabel('unknown_thing', areas, 'en')).toBeUndefined();
    for (const t of CALIBRATION_TARGETS) for (const lang of ['zh', 'en'] as const) expect(seriesLabel(t.output, areas, lang), t.output).toBeDefined();
  });

  it('words every target source in 中文 (no Latin words) and in English (no Chinese)', () => {
    for (const t of CALIBRATION_TARGETS) {
      const zh = sourceLabel(t.source, 'zh');
      expect(zh, t.source).toBeDefined();
      expect((zh!.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !/^[A-Z]{2,5}$/.test(w)), t.source).toEqual([]);
      expect(HAN.test(sourceLabel(t.source, 'en')!), t.source).toBe(false);
    }
    expect(Object.keys(SOURCE_LABELS).length).toBe(new Set(CALIBRATION_TARGETS.map((t) => t.source)).size);
  });

  it('marks the Chinese runs inside English text', () => {
    expect(scriptSpans('10 200 (四川在线, rounded)')).toEqual([
      { text: '10 200 (', zh: false },
      { text: '四川在线', zh: true },
      { text: ', rounded)', zh: false },
    ]);
    expect(scriptSpans('plain')).toEqual([{ text: 'plain', zh: false }]);
  });
});

describe('observed points', () => {
  it('keeps every target with its source and decision, and sums the provinces into the circle where both have a count', () => {
    const points = observedPoints(CALIBRATION_TARGETS);
    const direct = points.filter((p) => !p.derivation);
    expect(direct).toHaveLength(CALIBRATION_TARGETS.length);
    expect(direct[0].basis![0]).toEqual({ column: CALIBRATION_TARGETS[0].output, value: CALIBRATION_TARGETS[0].value, source: CALIBRATION_TARGETS[0].source, decision: CALIBRATION_TARGETS[0].decision });
    const circle = points.filter((p) => p.column === 'hte_circle');
    const s = CALIBRATION_TARGETS.filter((t) => t.output === 'hte_sichuan');
    const c = CALIBRATION_TARGETS.filter((t) => t.output === 'hte_chongqing');
    const years = s.filter((t) => c.some((x) => x.year === t.year)).map((t) => t.year);
    expect(circle.map((p) => p.time)).toEqual(years);
    for (const p of circle) {
      const v = s.find((t) => t.year === p.time)!.value + c.find((t) => t.year === p.time)!.value;
      expect(p.value).toBe(v);
      expect(p.basis!.map((b) => b.column)).toEqual(['hte_sichuan', 'hte_chongqing']);
    }
    // The circle's R&D intensity: both provinces' R&D over both GDPs, where all four exist.
    const ratio = points.filter((p) => p.column === 'rd_intensity_circle');
    expect(ratio.length).toBeGreaterThan(0);
    const v = (o: string, y: number) => CALIBRATION_TARGETS.find((t) => t.output === o && t.year === y)?.value;
    for (const p of ratio) {
      const expected = (100 * (v('rd_expenditure_sichuan', p.time)! + v('rd_expenditure_chongqing', p.time)!)) / (v('gdp_sichuan', p.time)! + v('gdp_chongqing', p.time)!);
      expect(p.value).toBeCloseTo(expected, 12);
      // Between the two provinces' own intensities, where both are observed.
      const [s, c] = [v('rd_intensity_sichuan', p.time), v('rd_intensity_chongqing', p.time)];
      if (s && c) {
        expect(p.value).toBeGreaterThanOrEqual(Math.min(s, c) - 0.05);
        expect(p.value).toBeLessThanOrEqual(Math.max(s, c) + 0.05);
      }
    }
    // A lower bound is never summed into a point estimate.
    const lower = [{ ...CALIBRATION_TARGETS[0], bound: 'lower' as const }, ...CALIBRATION_TARGETS.slice(1)];
    expect(observedPoints(lower).filter((p) => p.column === 'hte_circle').map((p) => p.time)).not.toContain(CALIBRATION_TARGETS[0].year);
  });
});

describe('observed points in the tooltip and the exports', () => {
  const areas = modelAreas();
  const points = observedPoints(CALIBRATION_TARGETS);

  it('says the source in both languages, the decision in English and where to read it in 中文, and marks lower bounds', () => {
    const lower = points.find((p) => p.bound === 'lower')!;
    const t = CALIBRATION_TARGETS.find((x) => x.output === lower.column && x.year === lower.time)!;
    expect(observationTip(lower, 'en', areas)).toEqual(['lower bound', `Source: ${t.source}`, `Decision: ${t.decision}`]);
    const zh = observationTip(lower, 'zh', areas);
    expect(zh[0]).toBe('下限');
    expect(zh[1]).toBe(`来源：${sourceLabel(t.source, 'zh')}`);
    expect(zh.join('')).not.toMatch(/[a-z]{2,}/);
    const sum = points.find((p) => p.column === 'hte_circle')!;
    expect(observationTip(sum, 'zh', areas)).toEqual(['由以下观测值相加推算：', '高新技术企业（四川省）：论文表 2', '高新技术企业（重庆市）：论文表 2', '取舍说明只有英文原文，见“数据与方法”。']);
  });

  it('names the summed series for the exports, and nothing when no point is derived', () => {
    expect(derivedNote(points.filter((p) => p.column === 'hte_circle'), 'en', areas)).toBe('Observed values are derived: the sum of High-tech enterprises (Sichuan), High-tech enterprises (Chongqing)');
    expect(derivedNote(points.filter((p) => p.column === 'rd_intensity_circle'), 'en', areas)).toMatch(/^Observed values are derived from R&D expenditure \(Sichuan\), .*GDP \(Chongqing\) \(total R&D expenditure over total GDP\)$/);
    expect(derivedNote(points.filter((p) => p.column === 'hte_sichuan'), 'zh', areas)).toBeUndefined();
  });
});

describe('scenario description', () => {
  const presets = [baselineFile, corridorFile].map((f) => ({ scenario: validateScenario(f, 'test') }));

  it('is the preset of the settings, the baseline at the defaults, none once a lever has moved', () => {
    expect(describedPreset(presets, 'custom', defaultLeverSettings())?.description).toEqual(baselineFile.description);
    const corridor = resolveLevers(presets[1].scenario);
    expect(describedPreset(presets, 'corridor', corridor)?.description).toEqual(corridorFile.description);
    const moved = { ...corridor, corridor: { ...corridor.corridor, integration: 0.65 } };
    expect(describedPreset(presets, 'custom', moved)).toBeUndefined();
    // A file or link that keeps a preset's id but changes its settings is not that preset.
    expect(describedPreset(presets, 'corridor', moved)).toBeUndefined();
  });

  it('names the start years the settings actually use (none at the defaults)', () => {
    expect(activeStartYears(defaultLeverSettings())).toEqual([]);
    const corridor = resolveLevers(presets[1].scenario);
    expect(activeStartYears(corridor)).toEqual([corridorFile.levers.corridor.start_year]);
    // A start year alone moves nothing.
    const d = defaultLeverSettings();
    expect(activeStartYears({ ...d, transfer: { ...d.transfer, start_year: 2020 } })).toEqual([]);
  });
});
