// Unit tests of the workshop-room helpers: the QR code decodes back to the link, undo
// history steps and bursts, undo steps in words, why offline is unavailable, and bad
// links explained in plain words in both languages.
import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { qrMatrix, qrPath, QR_QUIET_ZONE } from '../../src/ui/lib/qr-code.ts';
import { COALESCE_MS, LeverHistory, type LeverSnapshot } from '../../src/ui/state/lever-history.ts';
import { changeText } from '../../src/ui/lib/change-text.ts';
import { offlineBlocker } from '../../src/ui/sw/register.ts';
import { linkProblemText } from '../../src/ui/lib/link-problem-text.ts';
import { decodeShareFragment, encodeShareFragment, ShareLinkError } from '../../src/ui/state/share-link.ts';
import { defaultLeverSettings } from '../../src/model/scenario/levers.ts';
import type { LeverSettings } from '../../src/model/scenario/lever-types.ts';

/** Draw a module matrix at `scale` pixels a module as RGBA pixels (what a camera would see, minus the blur). */
function pixels(m: boolean[][], scale: number): { data: Uint8ClampedArray; size: number } {
  const size = m.length * scale;
  const data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const v = m[Math.floor(y / scale)][Math.floor(x / scale)] ? 0 : 255;
      data.set([v, v, v, 255], (y * size + x) * 4);
    }
  }
  return { data, size };
}

describe('QR code of a share link', () => {
  const link = 'http://192.168.1.20:4173/#cy=2&lang=zh&area=circle&kpi=hte&sc=paper-package&corridor.integration=0.8&pin1.name=%E7%A0%94%E5%8F%91&ck=1c1sp55';

  it('decodes back to the exact link', () => {
    const m = qrMatrix(link);
    const { data, size } = pixels(m, 3);
    expect(jsQR(data, size, size)?.data).toBe(link);
  });

  it('has a 4-module quiet zone and a path that draws exactly the dark modules', () => {
    const m = qrMatrix(link);
    for (let i = 0; i < QR_QUIET_ZONE; i++) expect(m[i].some(Boolean) || m[m.length - 1 - i].some(Boolean) || m.some((r) => r[i])).toBe(false);
    // Each "M x y h w" run covers w dark modules of row y.
    let dark = 0;
    for (const run of qrPath(m).matchAll(/M(\d+) (\d+)h(\d+)/g)) {
      const [x, y, w] = [Number(run[1]), Number(run[2]), Number(run[3])];
      for (let k = 0; k < w; k++) expect(m[y][x + k]).toBe(true);
      dark += w;
    }
    expect(dark).toBe(m.flat().filter(Boolean).length);
  });
});

const snap = (mut: (l: LeverSettings) => void, id = 'custom', title = { zh: '自定义方案', en: 'Custom settings' }): LeverSnapshot => {
  const levers = defaultLeverSettings();
  mut(levers);
  return { levers, scenarioId: id, scenarioTitle: title };
};

describe('undo history', () => {
  it('undoes a burst on one field as one step, redoes it, and drops redo on a new change', () => {
    const h = new LeverHistory();
    h.reset(snap(() => {}));
    expect(h.canUndo).toBe(false);
    h.record(snap((l) => (l.corridor.integration = 0.05)), 'corridor.integration', 0);
    h.record(snap((l) => (l.corridor.integration = 0.1)), 'corridor.integration', 200);
    h.record(snap((l) => (l.corridor.integration = 0.15)), 'corridor.integration', 400);
    // Another field: a new step; the same field after a pause: a new step too.
    h.record(snap((l) => ((l.corridor.integration = 0.15), (l.parks.count = 2))), 'parks.count', 500);
    h.record(snap((l) => ((l.corridor.integration = 0.15), (l.parks.count = 3))), 'parks.count', 500 + COALESCE_MS + 1);
    expect(h.undo()?.levers.parks.count).toBe(2);
    expect(h.undo()?.levers.parks.count).toBe(0);
    expect(h.undo()?.levers.corridor.integration).toBe(0);
    expect(h.canUndo).toBe(false);
    expect(h.redo()?.levers.corridor.integration).toBe(0.15);
    expect(h.canRedo).toBe(true);
    // A change right after a redo is not merged into the step redone, and it ends the redo branch.
    h.record(snap((l) => (l.corridor.integration = 0.2)), 'corridor.integration', 600);
    expect(h.canRedo).toBe(false);
    expect(h.undo()?.levers.corridor.integration).toBe(0.15);
  });

  it('says what a step changes, in both languages', () => {
    const a = snap(() => {});
    const b = snap((l) => (l.corridor.integration = 0.2));
    expect(changeText(a, b, 'zh')).toBe('走廊一体化程度 0 → 0.2');
    expect(changeText(a, b, 'en')).toBe('Integration level 0 → 0.2');
    const p = snap((l) => ((l.corridor.integration = 0.6), (l.parks.count = 6), (l.transfer.level = 0.6)), 'paper-package', { zh: '第 6 节政策组合', en: "The paper's section-6 package" });
    expect(changeText(a, p, 'zh')).toBe('载入“第 6 节政策组合”');
    expect(changeText(p, snap(() => {}), 'en')).toBe('3 settings');
  });
});

describe('offline blockers', () => {
  const env = { prod: true, protocol: 'https:', secure: true, hasServiceWorker: true };
  it('name why offline use is impossible, plain http on a LAN address first of all', () => {
    expect(offlineBlocker(env)).toBeUndefined();
    expect(offlineBlocker({ ...env, protocol: 'http:', secure: false, hasServiceWorker: false })).toBe('insecure');
    expect(offlineBlocker({ ...env, protocol: 'file:' })).toBe('file');
    expect(offlineBlocker({ ...env, prod: false })).toBe('dev');
    expect(offlineBlocker({ ...env, hasServiceWorker: false })).toBe('unsupported');
  });
});

describe('bad links in plain words', () => {
  const link = encodeShareFragment({ lang: 'zh', scenarioId: 'custom', scenarioTitle: { zh: '自定义方案', en: 'Custom settings' }, levers: defaultLeverSettings(), view: { area: 'circle', kpi: 'hte' }, pins: [] });
  const problem = (hash: string) => {
    try {
      decodeShareFragment(hash, ['circle']);
    } catch (err) {
      return err as ShareLinkError;
    }
    throw new Error('opened');
  };
  it('explain each kind of problem without developer words', () => {
    const cases: Array<[string, RegExp, RegExp]> = [
      [link.slice(0, 30), /截断/, /cut off/],
      ['#s=bm90IGpzb24', /不是本应用生成/, /not a share link made by this app/],
      [link.replace('cy=2', 'cy=9'), /更新版本.*格式 9/, /newer version.*format 9/],
      [link.replace('&ck=', '&parks.count=30&ck='), /“共建产业合作园区（利益分成）”的“.+”为 30，应为 0–\d+ 之间的整数/, /of "Co-built profit-sharing parks" is 30; it must be a whole number in 0–\d+/],
      [link.replace('&ck=', '&science_city.investment=500&ck='), /为 500，不在允许范围 0–200 亿元\/年 内/, /is 500, outside the allowed range 0–200 100 million CNY\/yr/],
      [link.replace('kpi=hte', 'kpi=hte&kpi=gdp'), /不接受的内容/, /does not accept/],
      [link.replace(/ck=\w+/, 'ck=0000000'), /被改动过/, /changed after it was made/],
    ];
    for (const [hash, zh, en] of cases) {
      const err = problem(hash);
      expect(linkProblemText(err, 'zh'), hash).toMatch(zh);
      expect(linkProblemText(err, 'en'), hash).toMatch(en);
      expect(linkProblemText(err, 'zh')).not.toMatch(/JSON|base64|link\.|levers\./);
    }
  });
});
