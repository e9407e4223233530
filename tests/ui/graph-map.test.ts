import { describe, expect, it } from 'vitest';
import { loopsThrough, usedBy, type DependencyGraph } from '../../src/ui/lib/graph-loops.ts';
import { fitProjection, sequentialColor, textOn } from '../../src/ui/lib/projection.ts';

// Population model: births = pop * rate; pop is a stock fed by births and drained by deaths;
// deaths = pop / life; crowding = pop / capacity; rate = base * (1 - crowding).
const g: DependencyGraph = {
  inputs: new Map([
    ['pop', ['births', 'deaths']],
    ['births', ['pop', 'rate']],
    ['deaths', ['pop', 'life']],
    ['rate', ['base', 'crowding']],
    ['crowding', ['pop', 'capacity']],
    ['base', []],
    ['life', []],
    ['capacity', []],
  ]),
};

describe('structure graph', () => {
  it('finds every loop through a stock, shortest first, in causal order', () => {
    const loops = loopsThrough(g, 'pop');
    expect(loops).toEqual([
      ['pop', 'births'],
      ['pop', 'deaths'],
      ['pop', 'crowding', 'rate', 'births'],
    ]);
  });

  it('finds loops through an auxiliary and none through a constant', () => {
    expect(loopsThrough(g, 'rate')).toEqual([['rate', 'births', 'pop', 'crowding']]);
    expect(loopsThrough(g, 'capacity')).toEqual([]);
  });

  it('respects the loop limits', () => {
    expect(loopsThrough(g, 'pop', 2)).toHaveLength(2);
    expect(loopsThrough(g, 'pop', 8, 1)).toHaveLength(1);
  });

  it('lists the variables that read a variable', () => {
    expect(usedBy(g, 'pop')).toEqual(['births', 'crowding', 'deaths']);
  });
});

describe('map projection and colours', () => {
  it('fits points in the box with north up and east right', () => {
    const pts = [
      { lon: 104.06, lat: 30.67 },
      { lon: 106.55, lat: 29.56 },
      { lon: 104.68, lat: 31.47 },
    ];
    const p = fitProjection(pts, 400, 300, 20);
    const xy = pts.map(p);
    for (const [x, y] of xy) {
      expect(x).toBeGreaterThanOrEqual(20 - 1e-9);
      expect(x).toBeLessThanOrEqual(380 + 1e-9);
      expect(y).toBeGreaterThanOrEqual(20 - 1e-9);
      expect(y).toBeLessThanOrEqual(280 + 1e-9);
    }
    expect(xy[1][0]).toBeGreaterThan(xy[0][0]); // Chongqing east of Chengdu
    expect(xy[2][1]).toBeLessThan(xy[0][1]); // Mianyang north of Chengdu
  });

  it('colours from light to dark and picks readable text', () => {
    expect(sequentialColor(0, 0, 10)).toBe('#deebf7');
    expect(sequentialColor(10, 0, 10)).toBe('#08306b');
    expect(sequentialColor(undefined, 0, 10)).toBe('#c7ccd3');
    expect(textOn('#deebf7')).toBe('#111');
    expect(textOn('#08306b')).toBe('#fff');
  });
});

describe('map outliers', () => {
  it('puts a far-away zone in an inset and keeps the cluster', async () => {
    const { outlierIndices } = await import('../../src/ui/lib/projection.ts');
    const pts = [
      { lon: 104.07, lat: 30.66 },
      { lon: 104.4, lat: 31.13 },
      { lon: 104.74, lat: 31.46 },
      { lon: 103.76, lat: 29.58 },
      { lon: 106.56, lat: 29.56 },
      { lon: 101.72, lat: 26.58 },
    ];
    expect(outlierIndices(pts)).toEqual([5]);
    expect(outlierIndices(pts.slice(0, 5))).toEqual([]);
  });
});

describe('rail line order', () => {
  it('orders a hub-first stop list along the line', async () => {
    const { orderAlongLine } = await import('../../src/ui/lib/projection.ts');
    // Chengdu, Deyang, Mianyang, Leshan in screen coordinates (y grows southwards).
    const pts: Array<[number, number]> = [[130, 177], [160, 127], [193, 91], [102, 293]];
    const order = orderAlongLine(pts);
    const names = ['chengdu', 'deyang', 'mianyang', 'leshan'];
    const seq = order.map((i) => names[i]);
    expect([seq.join(','), [...seq].reverse().join(',')]).toContain('mianyang,deyang,chengdu,leshan');
  });
});

describe('map colour scale', () => {
  it('switches to a log scale when values span more than a factor of 10', async () => {
    const { colorScale, sequentialColor } = await import('../../src/ui/lib/projection.ts');
    const wide = colorScale([10, 100, 1000]);
    // On a log scale 100 is the midpoint between 10 and 1000.
    expect(wide(100)).toBe(sequentialColor(0.5, 0, 1));
    const narrow = colorScale([10, 20, 30]);
    expect(narrow(20)).toBe(sequentialColor(0.5, 0, 1));
    expect(wide(undefined)).toBe('#c7ccd3');
  });
});
