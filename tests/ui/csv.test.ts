import { describe, expect, it } from 'vitest';
import { csvField, seriesTable, toCsv } from '../../src/ui/lib/csv.ts';
import { fileNameFrom } from '../../src/ui/lib/download.ts';

describe('csv', () => {
  it('quotes fields that need it', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('高新区')).toBe('高新区');
    expect(csvField(0.1)).toBe('0.1');
    expect(csvField(NaN)).toBe('');
  });

  it('writes a header and CRLF rows', () => {
    expect(toCsv(['time', 'x'], [[2015, 1.5], [2016, 2]])).toBe('time,x\r\n2015,1.5\r\n2016,2\r\n');
  });

  it('aligns columns with different times, blank where absent', () => {
    const t = seriesTable([
      { name: 'model', times: [2015, 2016, 2017], values: [1, 2, 3] },
      { name: 'observed', times: [2016], values: [2.5] },
    ]);
    expect(t.header).toEqual(['time', 'model', 'observed']);
    expect(t.rows).toEqual([
      [2015, 1, ''],
      [2016, 2, 2.5],
      [2017, 3, ''],
    ]);
  });

  it('makes file names from titles in any script', () => {
    expect(fileNameFrom('高新技术企业（四川省）', 'png')).toBe('高新技术企业-四川省.png');
    expect(fileNameFrom('R&D intensity (Sichuan)', 'csv')).toBe('R-D-intensity-Sichuan.csv');
    expect(fileNameFrom('***', 'svg')).toBe('chengyu-sim.svg');
  });
});

describe('memoByIdentity', () => {
  it('recomputes only when an argument changes identity', async () => {
    const { memoByIdentity } = await import('../../src/ui/lib/memo.ts');
    let calls = 0;
    const f = memoByIdentity((a: object, b: string) => {
      calls++;
      return [a, b];
    });
    const o = {};
    const r1 = f(o, 'x');
    expect(f(o, 'x')).toBe(r1);
    expect(calls).toBe(1);
    expect(f({}, 'x')).not.toBe(r1);
    f(o, 'y');
    expect(calls).toBe(3);
  });
});
