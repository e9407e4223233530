// Unit tests of the pure helpers behind the issue-12 fixes: ids as code, unit words, pin
// names and the pin list, the CSV and SVG exports, the settings in words, share links with
// pin titles and colours, full-width brackets, the chart-height rule.
import { describe, expect, it } from 'vitest';
import { codeSpans } from '../../src/ui/lib/code-spans.ts';
import { unitLabel } from '../../src/ui/lib/unit-label.ts';
import { freeColor, numberedTitle, pinName, uniqueText, uniqueTitle, type PinLabel } from '../../src/ui/lib/pin-labels.ts';
import { exportCsvText, roundTo } from '../../src/ui/lib/export-csv.ts';
import { framedSvg, wrapText, xmlEscape } from '../../src/ui/lib/svg-frame.ts';
import { settingsText } from '../../src/ui/lib/settings-text.ts';
import { decodeShareFragment, encodeShareFragment } from '../../src/ui/state/share-link.ts';
import { defaultLeverSettings } from '../../src/model/scenario/levers.ts';

describe('code spans', () => {
  it('marks ids, paths, file names, elements and backticked text as code, not words', () => {
    const spans = codeSpans('它改变 lever_corridor_integration 与 bad.json: levers.parks.count，hte[chengdu] 和 `Worker crashed`。');
    expect(spans.filter((s) => s.code).map((s) => s.text)).toEqual(['lever_corridor_integration', 'bad.json', 'levers.parks.count', 'hte[chengdu]', 'Worker crashed']);
    expect(codeSpans('GDP 的 0.3%').every((s) => !s.code)).toBe(true);
  });
});

describe('unit words', () => {
  it('writes model units the way the page does, and says when it cannot', () => {
    expect(unitLabel('1e8 CNY/year', 'zh')).toBe('亿元/年');
    expect(unitLabel('1e8 CNY/year', 'en')).toBe('CNY 100 m/yr');
    expect(unitLabel('enterprise/year', 'zh')).toBe('家/年');
    expect(unitLabel('1', 'zh')).toBe('无量纲');
    expect(unitLabel('1/year', 'en')).toBe('1/yr');
    expect(unitLabel('widgets', 'zh')).toBeUndefined();
  });
});

describe('pin names and colours', () => {
  const title = { zh: '走廊', en: 'Corridor' };
  it('numbers from the smallest free n, and never repeats a name', () => {
    const taken: PinLabel[] = [{ kind: 'title', title: { zh: '方案 2', en: 'Run 2' } }];
    expect(numberedTitle(taken)).toEqual({ zh: '方案 1', en: 'Run 1' });
    expect(numberedTitle([...taken, { kind: 'title', title: { zh: '方案 1', en: 'Run 1' } }])).toEqual({ zh: '方案 3', en: 'Run 3' });
    expect(uniqueTitle(title, [{ kind: 'title', title }])).toEqual({ zh: '走廊 (2)', en: 'Corridor (2)' });
    expect(uniqueText('Corridor', [{ kind: 'title', title }])).toBe('Corridor (2)');
    expect(pinName({ kind: 'title', title }, 'en')).toBe('Corridor');
  });
  it('gives a new pin the first free colour', () => {
    expect(freeColor([1, 2], 4)).toBe(0);
    expect(freeColor([0, 1, 2], 4)).toBe(3);
  });
});

describe('exports', () => {
  it('CSV: comment lines, a header, values rounded to the given decimals', () => {
    const text = exportCsvText([{ name: '当前', times: [2015, 2016], values: [3554.000000000001, 4536.4999] }], { comments: ['单位：家', 'a\nb'], timeHeader: '年份', digits: 0 });
    expect(text).toBe('\ufeff# 单位：家\r\n# a b\r\n年份,当前\r\n2015,3554\r\n2016,4536\r\n');
    expect(roundTo(2.4149999, 4)).toBe(2.415);
  });
  it('SVG: a white page, the title above and the caption wrapped below', () => {
    expect(wrapText('成渝'.repeat(20), 100, 10)).toHaveLength(4);
    expect(xmlEscape('<a & "b">')).toBe('&lt;a &amp; &quot;b&quot;&gt;');
    const f = framedSvg('<svg width="400" height="300"><g/></svg>', 400, 300, { title: 'T & U', caption: ['模型版本 abc'] });
    expect(f.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="400" height="\d+"/);
    expect(f.svg).toContain('<rect x="0" y="0" width="400" height="' + f.height + '" fill="#ffffff"/>');
    expect(f.svg).toContain('<svg x="0" y="34" width="400" height="300">');
    expect(f.svg).toContain('T &amp; U');
    expect(f.height).toBeGreaterThan(334);
  });
  it('settings in words: only the levers that differ from their defaults', () => {
    const levers = defaultLeverSettings();
    expect(settingsText(levers, 'zh')).toBe('全部为默认值（基准）');
    levers.science_city.investment = 50;
    expect(settingsText(levers, 'zh')).toMatch(/^合作共建西部科学城：年度联合投资 50 亿元\/年，/);
    expect(settingsText(levers, 'en')).toMatch(/^Western Science City, jointly built: Joint investment per year 50 /);
  });
});

describe('share links with pin titles', () => {
  it('round-trip a pin named by a bilingual title', () => {
    const state = {
      lang: 'en' as const,
      scenarioId: 'custom',
      scenarioTitle: { zh: '自定义方案', en: 'Custom settings' },
      levers: defaultLeverSettings(),
      view: { area: 'circle', kpi: 'hte' as const },
      pins: [{ name: '', title: { zh: '方案 1', en: 'Run 1' }, levers: defaultLeverSettings(), color: 2 }, { name: '我的', levers: defaultLeverSettings() }],
    };
    expect(decodeShareFragment(encodeShareFragment(state), ['circle'])).toEqual(state);
  });
  it('refuse a pin colour out of range, in both languages', () => {
    const frag = encodeShareFragment({
      lang: 'zh', scenarioId: 'custom', scenarioTitle: { zh: '甲', en: 'A' }, levers: defaultLeverSettings(),
      view: { area: 'circle', kpi: 'hte' }, pins: [{ name: 'x', levers: defaultLeverSettings(), color: 7 }],
    });
    try {
      decodeShareFragment(frag, ['circle']);
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toContain('link.pins[0].color: 7 is not allowed');
      expect((err as { zh: string }).zh).toContain('link.pins[0].color：不允许 7');
    }
  });
});

describe('brackets', () => {
  it('are full-width in Chinese', async () => {
    const { inParens } = await import('../../src/ui/i18n/i18n.ts');
    expect('单位' + inParens('zh', '家')).toBe('单位（家）');
    expect('Unit' + inParens('en', 'firms')).toBe('Unit (firms)');
  });
});

describe('chart height', () => {
  it('fills the first screen on a desktop, within bounds, and stays small on a phone', async () => {
    const { chartHeightFor } = await import('../../src/ui/lib/chart-fit.ts');
    expect(chartHeightFor({ viewport: 768, top: 190, fixed: 160, narrow: false })).toBe(406);
    expect(chartHeightFor({ viewport: 1200, top: 190, fixed: 160, narrow: false })).toBe(440);
    expect(chartHeightFor({ viewport: 480, top: 190, fixed: 160, narrow: false })).toBe(140);
    expect(chartHeightFor({ viewport: 844, top: 300, fixed: 210, narrow: true })).toBe(220);
    expect(chartHeightFor({ viewport: 640, top: 300, fixed: 210, narrow: true })).toBe(130);
  });
});

describe('pin list', () => {
  it('adds with the first free colour, renames without repeats, and round-trips through link state', async () => {
    const { withPin, renamed, pinStates, pinsFromStates } = await import('../../src/ui/state/pin-list.ts');
    const run = { times: new Float64Array(), columns: {} };
    const lv = defaultLeverSettings();
    let pins = withPin([], lv, run, { zh: '走廊', en: 'Corridor' });
    pins = withPin(pins, lv, run, undefined);
    pins = withPin(pins, lv, run, { zh: '走廊', en: 'Corridor' });
    expect(pins.map((p) => pinName(p.label, 'zh'))).toEqual(['走廊', '方案 1', '走廊 (2)']);
    pins = pins.slice(1);
    pins = withPin(pins, lv, run, undefined);
    expect(pins.map((p) => p.color)).toEqual([1, 2, 0]);
    expect(pinName(renamed(pins, 2, '方案 1')[2].label, 'en')).toBe('方案 1 (2)');
    expect(pinName(renamed(pins, 0, '  ')[0].label, 'en')).toBe('Run 1');
    const back = pinsFromStates(pinStates(pins));
    expect(back.map((p) => [pinName(p.label, 'en'), p.color])).toEqual([['Run 1', 1], ['Corridor (2)', 2], ['Run 2', 0]]);
    expect(pinsFromStates([{ name: 'a', levers: lv, color: 1 }, { name: 'b', levers: lv, color: 1 }]).map((p) => p.color)).toEqual([1, 0]);
  });
});
