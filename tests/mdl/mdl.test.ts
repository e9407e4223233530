// Vensim .mdl import: control section, equations, Vensim functions and semantics,
// subscripts (ranges, subranges, :EXCEPT:, equivalences), lookups, errors with line and column.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/model/engine/index.ts';
import { equationSection, loadMdl, parseMdl } from '../../src/model/mdl/index.ts';
import { errorOf, mdl, run } from './mdl-helpers.ts';

describe('Vensim .mdl import', () => {
  it('reads the control section, stocks, flows, units and comments', () => {
    const spec = loadMdl(mdl(`Stock = INTEG(inflow - outflow, 10) ~ Widget ~ How many.\n\t\tSecond line. |
inflow = 2 ~ Widget/Month ~ |
outflow = Stock * 0.5 ~~|`));
    expect(spec.sim).toMatchObject({ start: 0, stop: 4, dt: 1, saveStep: 1, method: 'euler', precision: 'single', timeUnits: 'Month' });
    const stock = spec.variables.find((v) => v.name === 'Stock')!;
    expect(stock).toMatchObject({ kind: 'stock', equation: '10', inflows: ['inflow'], outflows: ['outflow'], units: 'Widget' });
    expect(stock.doc).toMatch(/How many\.[\s\S]*Second line\./);
    expect(spec.variables.find((v) => v.name === 'inflow')).toMatchObject({ kind: 'flow', units: 'Widget/Month' });
    expect(spec.variables.some((v) => /time step|initial time|final time/i.test(v.name))).toBe(false);
    expect(run(`Stock = INTEG(inflow - outflow, 10) ~~|\ninflow = 2 ~~|\noutflow = Stock * 0.5 ~~|`).Stock).toEqual([10, 7, 5.5, 4.75, 4.375]);
  });

  it('gives a rate that is not a sum of flows its own flow', () => {
    const s = run(`S = INTEG(2 * k, 1) ~~|\nk = 3 ~~|`);
    expect(s.S).toEqual([1, 7, 13, 19, 25]);
  });

  it('stops at the sketch section, whatever follows it', () => {
    expect(equationSection('a = 1 ~~|\n\\\\\\---/// Sketch\n$%&')).toBe('a = 1 ~~|\n');
    expect(equationSection('a = 1 ~~|\n\\\\---/// Sketch')).toBe('a = 1 ~~|\n');
  });

  it('keeps Vensim semantics: INTEGER truncates toward zero, MODULO has the sign of the dividend', () => {
    const s = run(`i = INTEGER(-2.5) ~~|\nj = INTEGER(2.5) ~~|\nm = MODULO(-7, 3) ~~|\nn = MODULO(7, -3) ~~|`);
    expect([s.i[0], s.j[0], s.m[0], s.n[0]]).toEqual([-2, 2, -1, 1]);
  });

  it('translates logic, IF THEN ELSE, MIN/MAX, STEP, PULSE, RAMP and line continuations', () => {
    const s = run(`a = IF THEN ELSE(:NOT: (Time > 1 :AND: Time < 4) :OR: Time = 2, 1, 0) ~~|
b = MIN(Time, 2) + MAX(Time, 3) ~~|
c = STEP(5, 2) ~~|
p = PULSE(1, 2) ~~|
r = RAMP(2, 1, 3) + \\
  1 ~~|`);
    expect(s.a).toEqual([1, 1, 1, 0, 1]);
    expect(s.b).toEqual([3, 4, 5, 5, 6]);
    expect(s.c).toEqual([0, 0, 5, 5, 5]);
    expect(s.p).toEqual([0, 1, 1, 0, 0]);
    expect(s.r).toEqual([1, 1, 3, 5, 5]);
  });

  it('runs the SMOOTH and DELAY families, TREND and INITIAL', () => {
    const s = run(`x = STEP(10, 1) ~~|
s1 = SMOOTH(x, 1) ~~|
s3 = SMOOTH3I(x, 3, 5) ~~|
d1 = DELAY1(x, 1) ~~|
df = DELAY FIXED(x, 2, 7) ~~|
t = TREND(x, 1, 0) ~~|
first = INITIAL(Time + 4) ~~|`);
    expect(s.s1).toEqual([0, 0, 10, 10, 10]);
    expect(s.s3[0]).toBe(5);
    expect(s.d1).toEqual([0, 0, 10, 10, 10]);
    expect(s.df).toEqual([7, 7, 0, 10, 10]);
    expect(s.t[0]).toBe(0);
    expect(s.first).toEqual([4, 4, 4, 4, 4]);
  });

  it('reads lookups: named, inline WITH LOOKUP, and the older x-list/y-list form', () => {
    const s = run(`tab([(0,0)-(10,10)],(0,0),(2,4),(4,4)) ~~|
old(0, 4, 0, 8) ~~|
a = tab(Time) ~~|
b = WITH LOOKUP(Time, ([(0,0)-(4,1)],(0,1),(4,-1))) ~~|
c = old(Time) ~~|`);
    expect(s.a).toEqual([0, 2, 4, 4, 4]);
    expect(s.b).toEqual([1, 0.5, 0, -0.5, -1]);
    expect(s.c).toEqual([0, 2, 4, 6, 8]);
  });

  it('reads subscripts: number lists, element equations, ranges, subranges, :EXCEPT: and equivalences', () => {
    const spec = loadMdl(mdl(`Dim: (A1-A3) ~~|
Sub: A1, A2 ~~|
Other <-> Dim ~~|
v[Dim] = 1, 2, 3 ~~|
w[Dim] :EXCEPT: [A2] = v[Dim] * 10 ~~|
w[A2] = -1 ~~|
s[Sub] = v[Sub] + 100 ~~|
m[Dim, Other] = v[Dim] * v[Other] ~~|
t2[Dim] = 1, 2; 3, 4; 5, 6 ~~|`).replace('t2[Dim] = 1, 2; 3, 4; 5, 6 ~~|', ''));
    const dim = spec.dimensions!.find((d) => d.name === 'Dim')!;
    expect(dim.elements).toEqual(['A1', 'A2', 'A3']);
    expect(dim.subranges).toEqual({ Sub: ['A1', 'A2'] });
    expect(spec.dimensions!.find((d) => d.name === 'Other')).toMatchObject({ aliasOf: 'Dim' });
    const r = compileModel(spec).run();
    const at = (n: string) => r.series.get(n)![0];
    expect([at('w[A1]'), at('w[A2]'), at('w[A3]')]).toEqual([10, -1, 30]);
    expect([at('s[A1]'), at('s[A2]')]).toEqual([101, 102]);
    expect(at('m[A2,A3]')).toBe(6);
  });

  it('reads a two-dimensional table of numbers row by row', () => {
    const s = run(`Row: r1, r2 ~~|\nCol: c1, c2, c3 ~~|\nt[Row, Col] = 1, 2, 3;\n 4, 5, 6; ~~|`);
    expect([s['t[r1,c3]'][0], s['t[r2,c1]'][0]]).toEqual([3, 4]);
  });

  it('expands macros per call, each with its own stocks', () => {
    const eqs = `:MACRO: ACC(in, start)
ACC = INTEG(in * k, start) ~~|
k = 2 ~~|
:END OF MACRO:
:MACRO: HALF(x)
HALF = x / 2 ~~|
:END OF MACRO:
a = ACC(1, 10) ~~|
b = ACC(HALF(Time), 0) ~~|`;
    const s = run(eqs);
    expect(s.a).toEqual([10, 12, 14, 16, 18]);
    expect(s.b).toEqual([0, 0, 1, 3, 6]);
    expect(errorOf(() => loadMdl(mdl(`${eqs}\nc = HALF(1, 2) ~~|`)))).toMatch(/macro HALF takes 1 argument\(s\), got 2 \(line 11, column 1\)/);
  });

  it('reports syntax errors with line and column in the .mdl', () => {
    expect(errorOf(() => loadMdl(mdl('a = 1 +\n  * 2 ~~|')))).toMatch(/syntax error at "\*".*\(line 3, column 3\)/);
    expect(errorOf(() => loadMdl(mdl('a = 1 ~~|\nb = 2 # 3 ~~|')))).toMatch(/unexpected character "#" \(line 3, column 7\)/);
    expect(errorOf(() => loadMdl(mdl('a = 1 ~~|\nb = FOO BAR(1) ~~|')))).toMatch(/unknown Vensim function FOO BAR \(line 3, column 5\)/);
    expect(errorOf(() => loadMdl(mdl('x[Nowhere] = 1 ~~|')))).toMatch(/"Nowhere".*neither a subscript range.*line 2, column 1/);
    expect(errorOf(() => loadMdl(mdl('a = 1 ~~|', 'FINAL TIME = 4 ~~|\nINITIAL TIME = 0 ~~|')))).toMatch(/no TIME STEP/);
    expect(errorOf(() => loadMdl(mdl('a = 1 ~~|', 'FINAL TIME = Time + 1 ~~|\nINITIAL TIME = 0 ~~|\nTIME STEP = 1 ~~|')))).toMatch(/FINAL TIME must be a number \(line 3, column 1\)/);
  });

  it('parses the statement structure with a grammar', () => {
    const st = parseMdl('Dim: A, B -> Map ~~|\nx[Dim] :EXCEPT: [A] = 1 ~ u ~ d |');
    expect(st[0]).toMatchObject({ k: 'dim', name: 'Dim', elements: ['A', 'B'], mapsTo: ['Map'] });
    expect(st[1]).toMatchObject({ k: 'eq', lhs: { name: 'x', subs: ['Dim'], except: [['A']] }, units: 'u', doc: 'd' });
  });
});
