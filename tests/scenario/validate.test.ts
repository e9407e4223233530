import { describe, expect, it } from 'vitest';
import {
  ScenarioError,
  leverConstants,
  parseScenario,
  resolveLevers,
  scenarioConstants,
  validateScenario,
} from '../../src/model/scenario/scenario.ts';
import { defaultLeverConstants, defaultLeverSettings } from '../../src/model/scenario/levers.ts';

const base = { id: 'x', title: { zh: '甲', en: 'A' } };
/** The one-line message validation gives for `value`. */
function messageOf(value: unknown, source = 'test.json'): string {
  try {
    validateScenario(value, source);
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioError);
    return (err as Error).message;
  }
  throw new Error('expected a rejection');
}
const withLevers = (levers: unknown) => ({ ...base, levers });

describe('scenario validation: accepted', () => {
  it('accepts a minimal scenario and normalises absent parts', () => {
    const s = validateScenario(base);
    expect(s).toEqual({ id: 'x', title: { zh: '甲', en: 'A' }, levers: {}, simulation: {} });
  });
  it('accepts the DESIGN.md example', () => {
    const s = parseScenario(`{
      "id": "corridor",
      "title": { "zh": "成渝科技创新大走廊", "en": "Innovation corridor" },
      "levers": { "corridor": { "integration": 0.6, "start_year": 2022 } },
      "simulation": { "end": 2035, "method": "euler" }
    }`);
    expect(s.levers.corridor).toEqual({ integration: 0.6, start_year: 2022 });
    expect(s.simulation).toEqual({ end: 2035, method: 'euler' });
  });
  it('accepts range ends inclusively', () => {
    const s = validateScenario(withLevers({ science_city: { investment: 200, sharing: 0 }, parks: { count: 20, start_year: 2035 } }));
    expect(s.levers.science_city?.investment).toBe(200);
  });
});

describe('scenario validation: rejected, with field, value and allowed range named', () => {
  it('out-of-range value', () => {
    expect(messageOf(withLevers({ science_city: { investment: 250 } }))).toBe(
      'test.json: levers.science_city.investment: 250 is out of range; allowed: a number in [0, 200] (100 million CNY/yr)',
    );
    expect(messageOf(withLevers({ corridor: { integration: -0.1 } }))).toBe(
      'test.json: levers.corridor.integration: -0.1 is out of range; allowed: a number in [0, 1] (share (0–1))',
    );
    expect(messageOf(withLevers({ transfer: { start_year: 2015 } }))).toBe(
      'test.json: levers.transfer.start_year: 2015 is out of range; allowed: an integer in [2017, 2035] (year)',
    );
  });
  it('wrong type', () => {
    expect(messageOf(withLevers({ parks: { count: '3' } }))).toBe(
      'test.json: levers.parks.count: "3" is a string, expected a number; allowed: an integer in [0, 20] (parks)',
    );
    expect(messageOf(withLevers({ coordination: { level: null } }))).toBe(
      'test.json: levers.coordination.level: null is null, expected a number; allowed: a number in [0, 1] (share (0–1))',
    );
    expect(messageOf(withLevers({ coordination: 0.5 }))).toBe(
      'test.json: levers.coordination: 0.5 is a number; expected an object with fields level, start_year',
    );
    expect(messageOf(withLevers([1]))).toMatch(/^test\.json: levers: \[1\] is an array; expected an object of lever settings/);
  });
  it('non-integer where an integer is required', () => {
    expect(messageOf(withLevers({ parks: { count: 2.5 } }))).toBe(
      'test.json: levers.parks.count: 2.5 is not a whole number; allowed: an integer in [0, 20] (parks)',
    );
  });
  it('non-finite numbers', () => {
    expect(messageOf(withLevers({ rd_support: { extra_share_gdp: Infinity } }))).toBe(
      'test.json: levers.rd_support.extra_share_gdp: Infinity is not a finite number; allowed: a number in [0, 1.5] (% of GDP)',
    );
    expect(messageOf(withLevers({ rd_support: { extra_share_gdp: NaN } }))).toContain('NaN is not a finite number');
    // 1e999 is valid JSON syntax but overflows to Infinity
    expect(() => parseScenario('{"id":"x","title":{"zh":"a","en":"b"},"levers":{"science_city":{"investment":1e999}}}', 'f.json')).toThrow(
      'f.json: levers.science_city.investment: Infinity is not a finite number; allowed: a number in [0, 200] (100 million CNY/yr)',
    );
  });
  it('unknown lever id', () => {
    expect(messageOf(withLevers({ science: { investment: 1 } }))).toBe(
      'test.json: levers.science: unknown lever id "science"; allowed: science_city, corridor, parks, coordination, transfer, rd_support',
    );
  });
  it('unknown field of a lever', () => {
    expect(messageOf(withLevers({ corridor: { intgration: 0.5 } }))).toBe(
      'test.json: levers.corridor.intgration: unknown field of lever corridor "intgration"; allowed: integration, start_year',
    );
  });
  it('unknown top-level and nested keys', () => {
    expect(messageOf({ ...base, seed: 1 })).toBe(
      'test.json: seed: unknown key "seed"; allowed: $schema, id, title, description, levers, simulation',
    );
    expect(messageOf({ ...base, simulation: { stop: 2030 } })).toBe(
      'test.json: simulation.stop: unknown key "stop"; allowed: end, method, dt',
    );
    expect(messageOf({ ...base, title: { zh: 'a', en: 'b', fr: 'c' } })).toBe('test.json: title.fr: unknown key "fr"; allowed: zh, en');
  });
  it('missing or bad id, title, description', () => {
    expect(messageOf({ title: base.title })).toBe('test.json: id: missing; expected a text matching ^[a-z0-9][a-z0-9_-]{0,63}$');
    expect(messageOf({ ...base, id: 'Bad Id' })).toMatch(/^test\.json: id: "Bad Id" is not allowed; expected a text matching/);
    expect(messageOf({ id: 'x' })).toBe('test.json: title: missing; expected a non-empty text or an object {"zh": text, "en": text} with at least one of them');
    expect(messageOf({ ...base, title: {} })).toBe('test.json: title: neither "zh" nor "en" is given; expected a non-empty text or an object {"zh": text, "en": text} with at least one of them');
    expect(messageOf({ ...base, title: ' ' })).toBe('test.json: title: " " is blank; expected a non-empty text or an object {"zh": text, "en": text} with at least one of them');
    expect(messageOf({ ...base, description: { zh: ' ', en: 'b' } })).toBe(
      'test.json: description.zh: " " is a string; expected a non-empty text',
    );
    expect(messageOf({ ...base, title: 7 })).toBe(
      'test.json: title: 7 is a number; expected a non-empty text or an object {"zh": text, "en": text} with at least one of them',
    );
  });
  it('a quick experiment gives one title (or a plain text): the other language falls back to it', () => {
    expect(validateScenario({ id: 'x', title: { en: 'Quick try' } }).title).toEqual({ zh: 'Quick try', en: 'Quick try' });
    expect(validateScenario({ id: 'x', title: { zh: '试验' } }).title).toEqual({ zh: '试验', en: '试验' });
    expect(validateScenario({ id: 'x', title: 'Quick try', description: { zh: '说明' } })).toEqual({
      id: 'x', title: { zh: 'Quick try', en: 'Quick try' }, description: { zh: '说明', en: '说明' }, levers: {}, simulation: {},
    });
    expect(validateScenario({ id: 'x', title: { zh: '甲', en: 'A' } }).title).toEqual({ zh: '甲', en: 'A' });
  });
  it('bad simulation settings', () => {
    expect(messageOf({ ...base, simulation: { end: 2040 } })).toBe(
      'test.json: simulation.end: 2040 is out of range; allowed: an integer year in [2016, 2035]',
    );
    expect(messageOf({ ...base, simulation: { end: '2030' } })).toBe(
      'test.json: simulation.end: "2030" is a string, expected a number; allowed: an integer year in [2016, 2035]',
    );
    expect(messageOf({ ...base, simulation: { method: 'rk45' } })).toBe(
      'test.json: simulation.method: "rk45" is not allowed; allowed: "euler" or "rk4"',
    );
    expect(messageOf({ ...base, simulation: { dt: 0.3 } })).toBe(
      'test.json: simulation.dt: 0.3 is not allowed; allowed: one of 1, 0.5, 0.25, 0.125, 0.0625, 0.03125 (years)',
    );
    expect(messageOf({ ...base, simulation: { dt: -Infinity } })).toContain('simulation.dt: -Infinity is not a finite number');
    expect(messageOf({ ...base, simulation: 3 })).toBe('test.json: simulation: 3 is a number; expected an object {end?, method?, dt?}');
  });
  it('a non-object document', () => {
    expect(messageOf([])).toBe('test.json: the scenario is an array; expected a JSON object with keys id, title, description, levers, simulation');
  });
  it('counts further problems in the one-line message and lists them all', () => {
    try {
      validateScenario(withLevers({ science_city: { investment: -1, sharing: 2 }, bogus: {} }), 's.json');
      throw new Error('expected a rejection');
    } catch (err) {
      const e = err as ScenarioError;
      expect(e.message).toMatch(/\(and 2 more problems\)$/);
      expect(e.message).not.toContain('\n');
      expect(e.issues.map((i) => i.path)).toEqual(['levers.science_city.investment', 'levers.science_city.sharing', 'levers.bogus']);
    }
  });
});

describe('file-level errors', () => {
  const msg = (text: string) => {
    try {
      parseScenario(text, 'bad.json');
    } catch (err) {
      return (err as Error).message;
    }
    throw new Error('expected a rejection');
  };
  it('names line and column of a syntax error', () => {
    expect(msg('{\n  "id": "x",\n  "title": }\n')).toBe('bad.json: not valid JSON: unexpected character "}" at line 3, column 12');
    expect(msg('{"id": "x",}')).toBe('bad.json: not valid JSON: trailing comma before "}" at line 1, column 12');
    expect(msg('')).toBe('bad.json: not valid JSON: unexpected end of file at line 1, column 1');
    expect(msg('{"id": "x"} x')).toBe('bad.json: not valid JSON: unexpected character "x" after the end of the JSON value at line 1, column 13');
    expect(msg('{"id": "x\n"}')).toBe('bad.json: not valid JSON: control character in string (use \\n, \\t) at line 1, column 10');
    expect(msg('{"id": "x')).toBe('bad.json: not valid JSON: unterminated string at line 1, column 8');
    expect(msg('{"a": NaN}')).toBe('bad.json: not valid JSON: unexpected character "N" at line 1, column 7');
  });
  it('rejects duplicate keys instead of silently keeping the last', () => {
    expect(msg('{"id": "x", "title": {"zh": "a", "en": "b"},\n "id": "y"}')).toBe(
      'bad.json: not valid JSON: duplicate key "id" at line 2, column 2',
    );
  });
  it('treats "__proto__" as an ordinary (unknown) key', () => {
    expect(msg('{"id": "x", "title": {"zh": "a", "en": "b"}, "__proto__": {"id": 1}}')).toBe(
      'bad.json: __proto__: unknown key "__proto__"; allowed: $schema, id, title, description, levers, simulation',
    );
  });
  it('reads a byte-order mark and unicode escapes', () => {
    const s = parseScenario('\uFEFF{"id": "x", "title": {"zh": "\\u6210", "en": "b"}}');
    expect(s.title.zh).toBe('成');
  });
});

describe('resolution to lever settings and constants', () => {
  it('fills defaults under the given fields', () => {
    const s = validateScenario(withLevers({ parks: { count: 4 } }));
    const r = resolveLevers(s);
    expect(r.parks).toEqual({ count: 4, origin_share: 0.5, start_year: 2026 });
    expect(r.corridor).toEqual(defaultLeverSettings().corridor);
  });
  it('gives every lever constant, defaults for a baseline', () => {
    expect(scenarioConstants(validateScenario(base))).toEqual(defaultLeverConstants());
    const c = scenarioConstants(validateScenario(withLevers({ science_city: { investment: 80, start_year: 2024 } })));
    expect(c.lever_science_city_investment).toBe(80);
    expect(c.lever_science_city_start_year).toBe(2024);
    expect(c.lever_science_city_sharing).toBe(0.5);
    expect(Object.keys(c).sort()).toEqual(Object.keys(leverConstants(defaultLeverSettings())).sort());
  });
  it('does not share state between resolutions', () => {
    const a = resolveLevers(validateScenario(withLevers({ parks: { count: 4 } })));
    const b = resolveLevers(validateScenario(base));
    expect(a.parks.count).toBe(4);
    expect(b.parks.count).toBe(0);
  });
});

describe('messages in Chinese (for the web app)', () => {
  const zh = (value: unknown) => {
    try {
      validateScenario(value, 'f.json');
    } catch (err) {
      return (err as ScenarioError).messageIn('zh');
    }
    throw new Error('expected a rejection');
  };
  it('name the same field, value and range', () => {
    expect(zh(withLevers({ science_city: { investment: 250 } }))).toBe('f.json: levers.science_city.investment: 250 超出范围；允许：数值，范围 [0, 200]（亿元/年）');
    expect(zh(withLevers({ parks: { count: 2.5 } }))).toBe('f.json: levers.parks.count: 2.5 不是整数；允许：整数，范围 [0, 20]（个）');
    expect(zh(withLevers({ parks: { count: '3' } }))).toBe('f.json: levers.parks.count: "3" 是字符串，应为数字；允许：整数，范围 [0, 20]（个）');
    expect(zh(withLevers({ rd_support: { extra_share_gdp: Infinity } }))).toContain('Infinity 不是有限数');
    expect(zh(withLevers({ sci: {} }))).toBe('f.json: levers.sci: 未知的杠杆 "sci"；允许：science_city, corridor, parks, coordination, transfer, rd_support');
    expect(zh(withLevers({ corridor: { x: 1 } }))).toBe('f.json: levers.corridor.x: 未知的杠杆 corridor 字段 "x"；允许：integration, start_year');
    expect(zh({ ...base, extra: 1, simulation: { dt: 0.3 } })).toBe(
      'f.json: extra: 未知的键 "extra"；允许：$schema, id, title, description, levers, simulation（另有 1 处问题）',
    );
    expect(zh({ id: 'x' })).toBe('f.json: title: 缺失；应为非空文本，或对象 {"zh": 文本, "en": 文本}（至少其一）');
  });
  it('cover every issue: each has a Chinese message', () => {
    const bad = [
      withLevers({ science_city: { investment: -1, sharing: 'a', bogus: 1 }, nope: 1, parks: [] }),
      { id: 'Bad', title: 'x', description: { zh: '', en: 1 }, simulation: { end: 2040, method: 'x', dt: 0.3 }, $schema: 3, more: 1 },
      [],
    ];
    for (const v of bad) {
      try {
        validateScenario(v);
        throw new Error('expected a rejection');
      } catch (err) {
        for (const i of (err as ScenarioError).issues) expect(i.message_zh).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
  it('for syntax errors, with line and column', () => {
    try {
      parseScenario('{\n "id": }', 'b.json');
    } catch (err) {
      expect((err as ScenarioError).messageIn('zh')).toBe('b.json: 不是有效的 JSON（第 2 行第 8 列）：unexpected character "}"');
    }
  });
});
