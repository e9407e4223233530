import { describe, expect, it } from 'vitest';
import { decodeShareFragment, ShareLinkError } from '../../src/ui/state/share-link.ts';
import { defaultLeverSettings } from '../../src/model/scenario/levers.ts';
import type { ShareableState } from '../../src/ui/state/app-state.ts';
import { readScenarioFile, scenarioFileText, scenarioFromLevers } from '../../src/ui/state/scenario-file.ts';

const areas = ['circle', 'sichuan', 'chengdu', 'mianyang'];

function sample(): ShareableState {
  const levers = defaultLeverSettings();
  levers.corridor.integration = 0.6;
  levers.corridor.start_year = 2024;
  const pinned = defaultLeverSettings();
  pinned.rd_support.extra_share_gdp = 0.5;
  return {
    lang: 'en',
    scenarioId: 'custom',
    scenarioTitle: { zh: '自定义方案', en: 'Custom settings' },
    levers,
    view: { area: 'mianyang', kpi: 'rd_intensity' },
    pins: [{ name: '研发 +0.5%, "quoted"', levers: pinned }],
  };
}

/** The state as a link of the first (long) format made it: `#s=` + base64url of the JSON payload. */
function legacyFragment(state: ShareableState): string {
  return fragmentOf({
    v: 1,
    lang: state.lang,
    scenario: scenarioFromLevers(state.levers, state.scenarioId, state.scenarioTitle),
    view: state.view,
    pins: state.pins.map((p) => ({
      name: p.title ? '' : p.name,
      ...(p.color !== undefined ? { color: p.color } : {}),
      scenario: scenarioFromLevers(p.levers, 'pin', p.title ?? { zh: p.name, en: p.name }),
    })),
  });
}

/** Re-encode a payload object as a fragment (to craft bad links). */
function fragmentOf(payload: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  return '#s=' + Buffer.from(bytes).toString('base64url');
}

function payloadOf(fragment: string): Record<string, any> {
  return JSON.parse(Buffer.from(fragment.slice(3), 'base64url').toString('utf8'));
}

describe('share links of the first (long) format still open, as strictly as before', () => {
  it('round-trip the exact state, including Chinese names', () => {
    const s = sample();
    const back = decodeShareFragment(legacyFragment(s), areas);
    expect(back).toEqual(s);
  });

  it('return undefined when the fragment has no state', () => {
    expect(decodeShareFragment('', areas)).toBeUndefined();
    expect(decodeShareFragment('#other=1', areas)).toBeUndefined();
  });

  it('reject garbage, naming the problem', () => {
    expect(() => decodeShareFragment('#s=%%%', areas)).toThrow(/base64url/);
    expect(() => decodeShareFragment('#s=bm90IGpzb24', areas)).toThrow(/not valid JSON/);
  });

  it('validate the scenario like a scenario file: out-of-range value named with its range', () => {
    const p = payloadOf(legacyFragment(sample()));
    p.scenario.levers.corridor.integration = 7;
    expect(() => decodeShareFragment(fragmentOf(p), areas)).toThrow(ShareLinkError);
    expect(() => decodeShareFragment(fragmentOf(p), areas)).toThrow(/link\.scenario: levers\.corridor\.integration: 7 is out of range; allowed: a number in \[0, 1\]/);
  });

  it('reject unknown levers, areas, indicators, too many pins and unknown keys', () => {
    const base = payloadOf(legacyFragment(sample()));
    const bad = (mut: (p: Record<string, any>) => void) => {
      const p = structuredClone(base);
      mut(p);
      return () => decodeShareFragment(fragmentOf(p), areas);
    };
    expect(bad((p) => (p.scenario.levers.teleport = { level: 1 }))).toThrow(/unknown lever id "teleport"/);
    expect(bad((p) => (p.view.area = 'atlantis'))).toThrow(/link\.view\.area: "atlantis" is not a known area/);
    expect(bad((p) => (p.view.kpi = 'gdp'))).toThrow(/link\.view\.kpi/);
    expect(bad((p) => (p.pins = [1, 2, 3, 4, 5]))).toThrow(/at most 4/);
    expect(bad((p) => (p.pins[0].scenario.levers.parks = { count: 2.5 }))).toThrow(/link\.pins\[0\]\.scenario: levers\.parks\.count: 2\.5 is not a whole number/);
    expect(bad((p) => (p.extra = 1))).toThrow(/unknown key "extra"/);
    expect(bad((p) => (p.v = 2))).toThrow(/link\.v/);
    expect(bad((p) => (p.lang = 'fr'))).toThrow(/link\.lang/);
  });
});

describe('scenario files', () => {
  it('save and read back the same settings', () => {
    const s = sample();
    const text = scenarioFileText(s.levers, 'my-plan', { zh: '我的方案', en: 'My plan' });
    const { scenario, levers } = readScenarioFile(text, 'my-plan.json');
    expect(levers).toEqual(s.levers);
    expect(scenario.title.zh).toBe('我的方案');
  });

  it('name the file, field and range of a bad value', () => {
    expect(() => readScenarioFile('{"id":"x","title":{"zh":"甲","en":"A"},"levers":{"rd_support":{"extra_share_gdp":9}}}', 'x.json')).toThrow(
      /x\.json: levers\.rd_support\.extra_share_gdp: 9 is out of range/,
    );
    expect(() => readScenarioFile('{"id":', 'y.json')).toThrow(/y\.json: not valid JSON/);
  });
});
