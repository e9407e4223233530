// Vensim subscript mappings in a .mdl: `->` to a range (element by element), ordered
// mappings to elements and subranges, several ranges mapped to, equivalents of a mapped
// range, in equations written per element and in stocks; errors with line and column.
import { describe, expect, it } from 'vitest';
import { loadMdl, parseMdl } from '../../src/model/mdl/index.ts';
import { errorOf, mdl, run } from './mdl-helpers.ts';

const DIMS = `L: l1, l2, l3, l4 ~~|
Sub: l1, l3 ~~|
M: m1, m2 ~~|
R: r1, r2, r3 -> (L: Sub, l4, l2), (M: m2, m1, m1) ~~|
N: n1, n2, n3 ~~|
Q: q1, q2, q3 -> N, (L: l1, l2, l3) ~~|
q[Q] = 1, 2, 3 ~~|
r[R] = 10, 20, 30 ~~|`;

describe('subscript mappings (.mdl)', () => {
  it('parses plain and ordered mappings, several per range', () => {
    const st = parseMdl('R: r1, r2 -> (L: b, a), M, (N: Sub, c) ~~|');
    expect(st[0]).toMatchObject({
      k: 'dim', elements: ['r1', 'r2'], mapsTo: ['L', 'M', 'N'],
      mappings: [{ to: 'L', list: ['b', 'a'] }, { to: 'M' }, { to: 'N', list: ['Sub', 'c'] }],
    });
  });

  it('reads the mapped range element by element, in each range it maps to', () => {
    const s = run(`${DIMS}\nx[L] = r[R] + 1 ~~|\ny[N] = q[Q] * 2 ~~|\nz[L] :EXCEPT: [l4] = q[Q] ~~|\nz[l4] = 0 ~~|`);
    expect(['l1', 'l2', 'l3', 'l4'].map((e) => s[`x[${e}]`][0])).toEqual([11, 31, 11, 21]);
    expect(['n1', 'n2', 'n3'].map((e) => s[`y[${e}]`][0])).toEqual([2, 4, 6]);
    // Q maps to N and to L: an equation over L (but l4, which no q maps to) reads through the second.
    expect(['l1', 'l2', 'l3', 'l4'].map((e) => s[`z[${e}]`][0])).toEqual([1, 2, 3, 0]);
  });

  it('maps positionally, through an equivalent range, and in equations per element and stocks', () => {
    const s = run(`A: a1, a2 ~~|\nB: b1, b2 -> A ~~|\nC <-> B ~~|\nb[B] = 5, 7 ~~|
x[A] = b[C] ~~|
y[a1] = 0 ~~|
y[a2] = b[B] * 10 ~~|
s[A] = INTEG(b[B], 0) ~~|`);
    expect([s['x[a1]'][0], s['x[a2]'][0]]).toEqual([5, 7]);
    expect([s['y[a1]'][0], s['y[a2]'][0]]).toEqual([0, 70]);
    expect(s['s[a2]']).toEqual([0, 7, 14, 21, 28]);
  });

  it('leaves a mapped range alone in equations that have it on the left', () => {
    const s = run(`${DIMS}\nw[R] = r[R] / 10 ~~|\nv[L, R] = r[R] ~~|`);
    expect([s['w[r1]'][0], s['w[r3]'][0]]).toEqual([1, 3]);
    // Over L and R, r[R] is this element of R, not the one mapped to the element of L.
    expect([s['v[l2,r1]'][0], s['v[l4,r3]'][0]]).toEqual([10, 30]);
  });

  it('refuses a mapping that does not fit, with the line and column in the .mdl', () => {
    expect(errorOf(() => loadMdl(mdl('A: a1, a2 ~~|\nB: b1, b2, b3 -> A ~~|')))).toMatch(/"B" -> "A": 3 elements map to 2 \(line 3, column 18\)/);
    expect(errorOf(() => loadMdl(mdl('A: a1, a2 ~~|\nB: b1, b2 -> (A: a2, zz) ~~|')))).toMatch(/"B" -> "A": "zz" is neither an element nor a subrange of "A" \(line 3, column 15\)/);
    expect(errorOf(() => loadMdl(mdl('B: b1, b2 -> Nowhere ~~|')))).toMatch(/"Nowhere" is no subscript range \(line 2, column 14\)/);
    expect(errorOf(() => loadMdl(mdl('A: a1, a2, a3 ~~|\nB: b1, b2 -> (A: a1, a2) ~~|\nb[B] = 1, 2 ~~|\nx[A] = b[B] ~~|'))))
      .toMatch(/"x\[a3\]": no element of "b" maps to it \(line 5, column 1\)/);
    // m1 is the image of both r2 and r3: an equation over M cannot read R.
    expect(errorOf(() => loadMdl(mdl(`${DIMS}\ny[M] = r[R] ~~|`)))).toMatch(/"y\[m1\]": several elements of "r" map to "m1" \(line 10, column 1\)/);
    expect(errorOf(() => loadMdl(mdl(`${DIMS}\nz[L] = q[Q] ~~|`)))).toMatch(/"z\[l4\]": no element of "q" maps to it/);
  });
});
