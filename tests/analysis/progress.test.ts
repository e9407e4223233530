import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/model/analysis/node/progress.ts';

describe('progress on stderr', () => {
  it('prints plain lines at each 10 % when not a terminal', () => {
    const out: string[] = [];
    const p = createProgress('batch', 100, { write: (s) => out.push(s) }, 30);
    for (let d = 31; d <= 100; d++) p.update(d);
    p.finish();
    expect(out.map((l) => l.split(',')[0])).toEqual([
      'batch: 40/100 runs (40%)', 'batch: 50/100 runs (50%)', 'batch: 60/100 runs (60%)', 'batch: 70/100 runs (70%)',
      'batch: 80/100 runs (80%)', 'batch: 90/100 runs (90%)', 'batch: 100/100 runs (100%)',
    ]);
    expect(out.every((l) => l.endsWith('\n') && !l.includes('\r'))).toBe(true);
  });
  it('redraws one bar in place on a terminal', () => {
    const out: string[] = [];
    const p = createProgress('batch', 10, { write: (s) => out.push(s), isTTY: true });
    p.update(5);
    p.update(10); // within 100 ms of the last draw: not redrawn until finish
    p.finish();
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^\rbatch \[#{15}-{15}\] 50% 5\/10 runs/);
    expect(out.at(-1)).toMatch(/^\rbatch \[#{30}\] 100% 10\/10 runs, \d+ runs\/s\n$/);
  });
});
