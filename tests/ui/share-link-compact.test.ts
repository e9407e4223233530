// Unit tests of the compact share-link format: exact round trips, short readable links,
// and refusal of every tampered, cut-off, foreign or newer link with its kind of problem.
import { describe, expect, it } from 'vitest';
import { decodeShareFragment, encodeShareFragment, ShareLinkError } from '../../src/ui/state/share-link.ts';
import { checkCode } from '../../src/ui/state/share-link-compact.ts';
import { defaultLeverSettings } from '../../src/model/scenario/levers.ts';
import { resolveLevers } from '../../src/model/scenario/scenario.ts';
import { PRESETS } from '../../src/ui/state/presets.ts';
import type { ShareableState } from '../../src/ui/state/app-state.ts';
import type { LinkProblemKind } from '../../src/ui/state/share-link-error.ts';

const areas = ['circle', 'sichuan', 'chengdu', 'mianyang', 'chongqing_hitech'];
const preset = (id: string) => PRESETS.find((p) => p.scenario.id === id)!.scenario;

function baseline(): ShareableState {
  return { lang: 'zh', scenarioId: 'custom', scenarioTitle: { zh: '自定义方案', en: 'Custom settings' }, levers: defaultLeverSettings(), view: { area: 'circle', kpi: 'hte' }, pins: [] };
}

/** A state with everything a link can carry: a tweaked preset, a file title, and pins of every kind of name. */
function rich(): ShareableState {
  const levers = resolveLevers(preset('paper-package'));
  levers.corridor.integration = 0.8;
  const pinned = defaultLeverSettings();
  pinned.rd_support.extra_share_gdp = 0.5;
  pinned.rd_support.start_year = 2021;
  return {
    lang: 'en',
    scenarioId: 'paper-package',
    scenarioTitle: preset('paper-package').title,
    levers,
    view: { area: 'mianyang', kpi: 'rd_intensity' },
    pins: [
      { name: '研发 +0.5%, "quoted" & #hash=1', levers: pinned, color: 2 },
      { name: '', title: { zh: '方案 2', en: 'Run 2' }, levers: defaultLeverSettings(), color: 0 },
      { name: '', title: preset('corridor').title, levers: resolveLevers(preset('corridor')), color: 1 },
      { name: '', title: { zh: '我的文件', en: 'My file' }, levers: pinned },
    ],
  };
}

/** The kind of problem decoding `hash` reports (fails the test if it decodes). */
function kindOf(hash: string): LinkProblemKind {
  try {
    decodeShareFragment(hash, areas);
  } catch (err) {
    expect(err).toBeInstanceOf(ShareLinkError);
    return (err as ShareLinkError).kind;
  }
  throw new Error(`decoded: ${hash}`);
}

/** Replace `key=value` (or add it before the check code) and re-sign the link, as a forger would not be able to without this code. */
function edited(hash: string, key: string, value: string | undefined): string {
  const pairs = hash.slice(1).split('&').filter((p) => !p.startsWith('ck='));
  const i = pairs.findIndex((p) => p.split('=')[0] === key);
  if (value === undefined) pairs.splice(i, 1);
  else if (i >= 0) pairs[i] = `${key}=${encodeURIComponent(value)}`;
  else pairs.push(`${key}=${encodeURIComponent(value)}`);
  return `#${pairs.join('&')}&ck=0000000`;
}

describe('compact share links', () => {
  it('round-trip the exact state: presets, typed and numbered pin names, titles, colours', () => {
    for (const s of [baseline(), rich()]) expect(decodeShareFragment(encodeShareFragment(s), areas)).toEqual(s);
    // Every preset as loaded, in both languages.
    for (const p of PRESETS) {
      const s: ShareableState = { ...baseline(), scenarioId: p.scenario.id, scenarioTitle: p.scenario.title, levers: resolveLevers(p.scenario) };
      expect(decodeShareFragment(encodeShareFragment(s), areas)).toEqual(s);
    }
  });

  it('are short and readable: only what differs from the preset', () => {
    const b = encodeShareFragment(baseline());
    expect(b).toMatch(/^#cy=2&lang=zh&area=circle&kpi=hte&ck=[0-9a-z]{7}$/);
    const s = { ...baseline(), scenarioId: 'paper-package', scenarioTitle: preset('paper-package').title, levers: resolveLevers(preset('paper-package')) };
    expect(encodeShareFragment(s)).toMatch(/^#cy=2&lang=zh&area=circle&kpi=hte&sc=paper-package&ck=[0-9a-z]{7}$/);
    s.levers.corridor.integration = 0.8;
    expect(encodeShareFragment(s)).toContain('&sc=paper-package&corridor.integration=0.8&ck=');
    // Four pins (Chinese names percent-encoded) and a tweaked preset: under 500 characters (the first format: ~3 KB).
    expect(encodeShareFragment(rich()).length).toBeLessThan(500);
  });

  it('refuse every strict prefix of a link, as cut off', () => {
    const full = encodeShareFragment(rich());
    for (let n = 6; n < full.length; n++) expect(kindOf(full.slice(0, n))).toBe('truncated');
  });

  it('never open a link with one character changed as different settings', () => {
    const full = encodeShareFragment(rich());
    const want = decodeShareFragment(full, areas);
    let refused = 0;
    for (let i = 1; i < full.length; i++) {
      for (const c of ['0', '9', 'a', 'z', '.', '&', '=', '%']) {
        if (full[i] === c) continue;
        const hash = full.slice(0, i) + c + full.slice(i + 1);
        let got: ShareableState | undefined;
        try {
          got = decodeShareFragment(hash, areas);
        } catch (err) {
          expect(err).toBeInstanceOf(ShareLinkError);
          refused++;
          continue;
        }
        // The only changes that open at all open the very same state (e.g. %C3 → %c3).
        if (got !== undefined) expect(got).toEqual(want);
      }
    }
    expect(refused).toBeGreaterThan(full.length * 6);
  });

  it('name the lever, the value and the range of a bad value', () => {
    const link = encodeShareFragment(rich());
    const err = (() => {
      try {
        decodeShareFragment(edited(link, 'corridor.integration', '7'), areas);
      } catch (e) {
        return e as ShareLinkError;
      }
    })()!;
    expect(err.kind).toBe('value');
    expect(err.info).toEqual({ lever: 'corridor', field: 'integration', value: 7 });
    expect(err.message).toMatch(/link\.scenario: levers\.corridor\.integration: 7 is out of range; allowed: a number in \[0, 1\]/);
    expect(err.zh).toMatch(/levers\.corridor\.integration: 7 超出范围/);
    expect(kindOf(edited(link, 'pin1.parks.count', '2.5'))).toBe('value');
    expect(() => decodeShareFragment(edited(link, 'pin1.parks.count', '2.5'), areas)).toThrow(/link\.pins\[0\]\.scenario: levers\.parks\.count: 2\.5 is not a whole number/);
    expect(() => decodeShareFragment(edited(link, 'rd_support.extra_share_gdp', 'abc'), areas)).toThrow(/"abc" is a string, expected a number/);
    expect(() => decodeShareFragment(edited(link, 'rd_support.extra_share_gdp', 'Infinity'), areas)).toThrow(/expected a number/);
  });

  it('refuse what the long format refuses: unknown levers, areas, indicators, languages, keys, too many pins, colours', () => {
    const link = encodeShareFragment(rich());
    const cases: Array<[string, string | undefined, RegExp]> = [
      ['teleport.level', '1', /unknown lever id "teleport"/],
      ['corridor.speed', '1', /unknown field of lever corridor "speed"/],
      ['area', 'atlantis', /link\.view\.area: "atlantis" is not a known area/],
      ['kpi', 'gdp', /link\.view\.kpi/],
      ['lang', 'fr', /link\.lang/],
      ['extra', '1', /unknown key "extra"/],
      ['pin5.name', 'five', /at most 4/],
      ['pin7.name', 'gap', /at most 4/],
      ['pin1.color', '7', /link\.pins\[0\]\.color: 7 is not allowed/],
      ['pin1.run', '3', /exactly one of/],
      ['pin2.run', '0', /link\.pins\[1\]\.run/],
      ['pin3.sc', 'nope', /link\.pins\[2\]\.sc: "nope" is not a preset/],
      // One title is enough (the other falls back to it), so only the check code objects.
      ['pin4.title.en', undefined, /link\.ck: the check code does not match/],
      ['pin1.name', 'x'.repeat(61), /at most 60 characters/],
      ['sc', 'Not An Id', /link\.scenario: id/],
      ['sc', 'my-file', /link\.scenario: title: missing/],
    ];
    for (const [key, value, message] of cases) expect(() => decodeShareFragment(edited(link, key, value), areas), `${key}=${value}`).toThrow(message);
    expect(() => decodeShareFragment('#cy=2&lang=zh&lang=en&area=circle&kpi=hte&ck=0000000', areas)).toThrow(/appears twice/);
  });

  it('tell cut-off, foreign, newer and altered links apart', () => {
    const link = encodeShareFragment(rich());
    expect(kindOf(link.replace(/&ck=.*$/, ''))).toBe('truncated');
    expect(kindOf(link.replace('cy=2', 'cy=3'))).toBe('newer');
    expect(kindOf(link.replace('cy=2', 'cy=x'))).toBe('foreign');
    // Changed by hand within range: the check code no longer matches.
    expect(kindOf(link.replace('corridor.integration=0.8', 'corridor.integration=0.9'))).toBe('altered');
    // Opened by a version whose preset has other values: the same link would mean other settings.
    const changed = PRESETS.map((p) => (p.scenario.id === 'paper-package' ? { ...p.scenario, levers: { ...p.scenario.levers, parks: { count: 9 } } } : p.scenario));
    expect(() => decodeShareFragment(link, areas, changed)).toThrow(expect.objectContaining({ kind: 'altered' }));
    expect(checkCode('')).toMatch(/^[0-9a-z]{7}$/);
  });
});

describe('long links of the first format', () => {
  const long = (payload: string) => '#s=' + Buffer.from(payload).toString('base64url');
  const json = JSON.stringify({ v: 1, lang: 'zh', view: { area: 'circle', kpi: 'hte' }, pins: [], scenario: { id: 'x', title: { zh: '甲方案', en: 'A' }, levers: {} } });

  it('still open', () => {
    expect(decodeShareFragment(long(json), areas)?.scenarioTitle).toEqual({ zh: '甲方案', en: 'A' });
  });

  it('cut off anywhere are refused as cut off', () => {
    const full = long(json);
    for (let n = 8; n < full.length; n++) expect(kindOf(full.slice(0, n)), full.slice(0, n)).toBe('truncated');
  });

  it('from a newer version, or not from this app, say so', () => {
    expect(kindOf(long(json.replace('"v":1', '"v":5')))).toBe('newer');
    expect(kindOf('#s=bm90IGpzb24')).toBe('foreign');
    expect(kindOf('#s=%%%')).toBe('foreign');
    expect(kindOf(long('[1,2]'))).toBe('foreign');
  });
});

describe('compact share links carry the view', () => {
  // A model's variables as the page passes them: a scalar and an arrayed one.
  const variables = new Map<string, string[]>([
    ['gdp_circle', []],
    ['hte', ['chengdu', 'mianyang']],
  ]);
  const decode = (hash: string) => decodeShareFragment(hash, areas, undefined, variables);
  const viewed = (): ShareableState => ({
    ...rich(),
    year: 2030,
    charts: { count: 4, choices: [{ kpi: 'rd_intensity' }, { variable: 'hte', element: 'mianyang' }, { variable: 'gdp_circle' }, { kpi: 'hte' }] },
  });

  it('round-trip the headline year and the graphs menu (count, indicators, variables and their elements)', () => {
    const s = viewed();
    const link = encodeShareFragment(s);
    expect(link).toContain('&year=2030&charts=4&chart2.var=hte&chart2.el=mianyang&chart3.var=gdp_circle&chart4.kpi=hte&');
    expect(decode(link)).toEqual(s);
    for (const count of [1, 2] as const) {
      const two = { ...baseline(), year: 2025 as const, charts: { count, choices: [{ kpi: 'hte' as const }, { variable: 'gdp_circle' }, { kpi: 'tech_contracts' as const }, { kpi: 'policy_cost' as const }] } };
      expect(decode(encodeShareFragment(two))).toEqual(two);
    }
  });

  it('say nothing of a default view, so older links keep their check code', () => {
    const s = { ...baseline(), year: 2035 as const, charts: { count: 1 as const, choices: [{ kpi: 'hte' as const }, { kpi: 'rd_intensity' as const }, { kpi: 'tech_contracts' as const }, { kpi: 'policy_cost' as const }] } };
    expect(encodeShareFragment(s)).toBe(encodeShareFragment(baseline()));
  });

  it('refuse a bad year, chart count, chart place, indicator, variable or element by name', () => {
    const link = encodeShareFragment(viewed());
    const cases: Array<[string, string | undefined, RegExp, RegExp]> = [
      ['year', '2040', /link\.year: "2040" is not allowed; allowed: 2025, 2030, 2035/, /link\.year：不允许 "2040"/],
      ['charts', '3', /link\.charts: "3" is not allowed; allowed: 1, 2, 4/, /link\.charts：不允许 "3"/],
      ['chart4.kpi', 'gdp', /link\.charts\[3\]\.kpi: "gdp" is not allowed/, /link\.charts\[3\]\.kpi：不允许 "gdp"/],
      ['chart3.var', 'teleport', /link\.charts\[2\]\.var: "teleport" is not a variable of the model/, /不是模型中的变量/],
      ['chart2.el', 'atlantis', /link\.charts\[1\]\.el: "atlantis" is not an element of hte; allowed: chengdu, mianyang/, /不是 hte 的元素/],
      ['chart5.kpi', 'hte', /chart5: there are 4 chart places/, /图表位置只有 4 个/],
      ['chart1.el', 'chengdu', /link\.charts\[0\]\.el: an element needs a variable/, /须同时指定变量/],
      ['chart2.kpi', 'hte', /link\.charts\[1\]: expected one of chart2\.kpi or chart2\.var, not both/, /只能有一项/],
    ];
    for (const [key, value, en, zh] of cases) {
      const hash = edited(link, key, value);
      let err: ShareLinkError | undefined;
      try {
        decode(hash);
      } catch (e) {
        err = e as ShareLinkError;
      }
      expect(err, key).toBeInstanceOf(ShareLinkError);
      expect(err!.message).toMatch(en);
      expect(err!.zh).toMatch(zh);
    }
    // Changed by hand and signed again with a wrong code: refused as altered.
    expect(() => decode(link.replace('year=2030', 'year=2025'))).toThrow(/check code does not match/);
  });
});
