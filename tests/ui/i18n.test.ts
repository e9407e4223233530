import { describe, expect, it } from 'vitest';
import { formatDelta, formatNumber, parseLang, t, withUnit } from '../../src/ui/i18n/i18n.ts';
import { en, zh } from '../../src/ui/i18n/messages.ts';

describe('i18n', () => {
  it('has the same keys and no empty text in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [k, v] of [...Object.entries(zh), ...Object.entries(en)]) expect(v, k).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
    for (const k of Object.keys(zh) as Array<keyof typeof zh>) expect(holes(en[k]), k).toBe(holes(zh[k]));
  });

  it('translates and fills placeholders', () => {
    expect(t('zh', 'pins.defaultName', { n: 2 })).toBe('方案 2');
    expect(t('en', 'pins.defaultName', { n: 2 })).toBe('Run 2');
    expect(t('en', 'chart.heading', { kpi: 'R&D', region: 'Sichuan' })).toBe('R&D (Sichuan)');
  });

  it('formats numbers per locale', () => {
    expect(formatNumber('en', 12345.678)).toBe('12,346');
    expect(formatNumber('zh', 12345.678)).toBe('12,346');
    expect(formatNumber('en', 2.345, 1)).toBe('2.3');
    expect(formatNumber('en', NaN)).toBe('–');
    expect(formatDelta('en', 3.21, 1)).toBe('+3.2');
    expect(formatDelta('en', -3.21, 1)).toBe('−3.2');
    expect(formatDelta('en', 0.001, 1)).toBe('0');
    expect(withUnit('2.3', '%')).toBe('2.3%');
    expect(withUnit('1,200', '家')).toBe('1,200 家');
  });

  it('parses language tags', () => {
    expect(parseLang('zh-CN')).toBe('zh');
    expect(parseLang('en-US')).toBe('en');
    expect(parseLang('fr')).toBeUndefined();
    expect(parseLang(null)).toBeUndefined();
  });
});
