// XMILE import: sim specs, variables, arrays, graphical functions, expression syntax, errors.
import { describe, expect, it } from 'vitest';
import { ModelError, compileModel } from '../../src/model/engine/index.ts';
import { importXmile, loadXmile, mapPositionToXmile, translateExpression } from '../../src/model/xmile/index.ts';

const doc = (vars: string, extra = '', sim = '<start>0</start><stop>4</stop><dt>1</dt>', header = '') => `<?xml version="1.0"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0"><header>${header}</header>
<sim_specs method="Euler" time_units="Years">${sim}</sim_specs>${extra}
<model><variables>${vars}</variables></model></xmile>`;

describe('XMILE expressions', () => {
  it('translates XMILE syntax into the native language', () => {
    expect(translateExpression('IF a > 1 AND NOT b THEN 1 ELSE 0')).toBe('IF_THEN_ELSE(((a > 1) and (not b)), 1, 0)');
    expect(translateExpression('a = b OR a <> c')).toBe('((a == b) or (a != c))');
    expect(translateExpression('7 MOD 3')).toBe('mod(7, 3)');
    expect(translateExpression('-2^2')).toBe('(-(2 ^ 2))');
    expect(translateExpression('"My Var$"[Dim1, *] + x')).toBe('(my_var_u24_[dim1, :] + x)');
    expect(translateExpression('INITIAL(x) {comment} + .5')).toBe('(init(x) + 0.5)');
    expect(translateExpression('a[Dim.e1]')).toBe('a[e1]');
  });

  it('maps positions in the translation back to the XMILE text', () => {
    const x = 'IF a > 1 THEN "Big Name" MOD b ELSE a';
    const t = translateExpression(x);
    expect(t).toBe('IF_THEN_ELSE((a > 1), mod(big_name, b), a)');
    expect(mapPositionToXmile(x, t, t.indexOf('big_name'))).toBe(x.indexOf('"Big'));
    expect(mapPositionToXmile(x, t, t.lastIndexOf('a)'))).toBe(x.lastIndexOf('a'));
    expect(mapPositionToXmile(x, t, t.indexOf('b)'))).toBe(x.indexOf('b ELSE'));
    expect(mapPositionToXmile(x, t, 0)).toBeUndefined();
  });

  it('reports syntax errors with a position', () => {
    expect(() => translateExpression('IF a THEN b')).toThrow(/expected ELSE/);
    try {
      translateExpression('1 + * 2');
    } catch (err) {
      expect((err as { position: number }).position).toBe(4);
    }
  });
});

describe('loadXmile', () => {
  it('reads sim specs (reciprocal dt, save step, method) and runs stocks, flows and auxes', () => {
    const spec = loadXmile(doc(`
      <stock name="Population Stock"><eqn>100</eqn><inflow>births</inflow><non_negative/></stock>
      <flow name="births"><eqn>Population_Stock * "growth rate"</eqn></flow>
      <aux name="growth rate"><eqn>0.5</eqn><units>1/Years</units><doc>per year</doc></aux>`,
      '', '<start>0</start><stop>2</stop><dt reciprocal="true">2</dt><save_step>1</save_step>'));
    expect(spec.sim).toMatchObject({ start: 0, stop: 2, dt: 0.5, saveStep: 1, method: 'euler', timeUnits: 'Years' });
    const pop = spec.variables.find((v) => v.name === 'Population Stock')!;
    expect(pop).toMatchObject({ kind: 'stock', inflows: ['births'], nonNegative: true });
    expect(spec.variables.find((v) => v.name === 'growth rate')).toMatchObject({ units: '1/Years', doc: 'per year' });
    const r = compileModel(spec).run();
    expect([...r.times]).toEqual([0, 1, 2]);
    expect([...r.series.get('Population Stock')!]).toEqual([100, 156.25, 244.140625]);
  });

  it('reads dimensions, element-wise definitions, number lists and multi-line equations', () => {
    const spec = loadXmile(doc(`
      <aux name="a"><dimensions><dim name="D"/></dimensions>
        <element subscript="x"><eqn>1</eqn></element><element subscript="y"><eqn>2 +
          3</eqn></element></aux>
      <aux name="b"><dimensions><dim name="D"/><dim name="N"/></dimensions><eqn>1,2;3,4</eqn></aux>
      <aux name="total"><eqn>SUM(a[*]) + b[y, 2] + MAX(b[x, *])</eqn></aux>`,
      '<dimensions><dim name="D"><elem name="x"/><elem name="y"/></dim><dim name="N" size="2"/></dimensions>'));
    const r = compileModel(spec).run();
    expect(r.series.get('a[y]')![0]).toBe(5);
    expect(r.series.get('b[y,1]')![0]).toBe(3);
    expect(r.series.get('total')![0]).toBe(6 + 4 + 2);
  });

  it('reads graphical functions with and without x points, standalone and attached', () => {
    const spec = loadXmile(doc(`
      <gf name="table"><xscale min="0" max="2"/><ypts>0,10,20</ypts></gf>
      <aux name="y"><eqn>table(1.5)</eqn></aux>
      <aux name="z"><eqn>TIME</eqn><gf type="discrete"><xpts>0;2</xpts><ypts>5;7</ypts></gf></aux>`.replace('<xpts>0;2</xpts><ypts>5;7</ypts>', '<xpts sep=";">0;2</xpts><ypts sep=";">5;7</ypts>')));
    const r = compileModel(spec).run();
    expect(r.series.get('y')![0]).toBe(15);
    expect([...r.series.get('z')!]).toEqual([5, 5, 7, 7, 7]);
  });

  it('applies <behavior> non-negative defaults and honours non_negative=false', () => {
    const spec = loadXmile(doc(`
      <stock name="s"><eqn>1</eqn><outflow>f</outflow></stock>
      <stock name="t"><eqn>1</eqn><outflow>f</outflow><non_negative>false</non_negative></stock>
      <flow name="f"><eqn>2 - TIME * 2</eqn></flow>`, '<behavior><non_negative/></behavior>'));
    const r = compileModel(spec).run();
    expect([...r.series.get('f')!]).toEqual([2, 0, 0, 0, 0]);
    expect([...r.series.get('s')!]).toEqual([1, 0, 0, 0, 0]);
    expect([...r.series.get('t')!]).toEqual([1, -1, -1, -1, -1]);
  });

  it('flattens modules: variables as module.name, inputs connected to outside variables', () => {
    const xml = `<?xml version="1.0"?><xmile version="1.0"><sim_specs><start>0</start><stop>2</stop><dt>1</dt></sim_specs>
      <model><variables>
        <module name="pop"><connect to="rate" from=".growth"/></module>
        <module name="twin"><connect to="other" from="pop.people"/></module>
        <aux name="growth"><eqn>0.5</eqn></aux>
      </variables></model>
      <model name="pop"><variables>
        <stock name="people"><eqn>10</eqn><inflow>births</inflow></stock>
        <flow name="births"><eqn>people * rate</eqn></flow>
        <aux name="rate"><eqn>{set by the parent}</eqn></aux>
      </variables></model>
      <model name="twin"><variables>
        <aux name="other"><eqn>0</eqn></aux><aux name="double"><eqn>other * 2</eqn></aux>
      </variables></model></xmile>`;
    const spec = loadXmile(xml);
    expect(spec.variables.map((v) => v.name)).toEqual(['growth', 'pop.people', 'pop.births', 'pop.rate', 'twin.other', 'twin.double']);
    const r = compileModel(spec).run();
    expect([...r.series.get('pop.people')!]).toEqual([10, 15, 22.5]);
    expect([...r.series.get('twin.double')!]).toEqual([20, 30, 45]);
    expect(() => loadXmile(xml.replace('<model name="twin">', '<model name="other">'))).toThrow(/<module name="twin">: no <model name="twin"> to instantiate/);
  });

  it('importXmile points diagnostics into the XMILE equation', () => {
    const imp = importXmile(doc('<aux name="y"><eqn>IF TIME > 1 THEN missing ELSE 0</eqn></aux>'));
    try {
      compileModel(imp.spec);
      throw new Error('expected a ModelError');
    } catch (err) {
      const d = (err as ModelError).diagnostics[0];
      expect(d.position).toBe('IF_THEN_ELSE((time > 1), '.length);
      expect(imp.xmilePosition('y', d.position!)).toBe('IF TIME > 1 THEN '.length);
    }
  });

  it('closes a variable element left unclosed', () => {
    const spec = loadXmile(doc('<aux name="a"><eqn>1</eqn>\n<aux name="b"><eqn>a + 1</eqn></aux>'));
    expect(spec.variables.map((v) => v.name)).toEqual(['a', 'b']);
  });

  it('Vensim conventions: its exports run Euler; xmutil conversions store stocks in single precision', () => {
    const v = loadXmile(doc('<aux name="a"><eqn>1</eqn></aux>', '', '<start>0</start><stop>1</stop><dt>1</dt>',
      '<vendor>Ventana Systems, Inc.</vendor><product>Vensim</product>').replace('method="Euler"', 'method="RK4"'));
    expect(v.sim.method).toBeUndefined();
    const x = loadXmile(doc('<aux name="a"><eqn>1</eqn></aux>', '', '<start>0</start><stop>1</stop><dt>1</dt>',
      '<vendor>Ventana Systems, xmutil</vendor><product>Vensim, xmutil</product>'));
    expect(x.sim.precision).toBe('single');
  });

  it('Vensim-written files keep Vensim\'s integer arithmetic: INT truncates, MOD takes the dividend\'s sign', () => {
    const vars = ['<aux name="i"><eqn>INT(-2.5)</eqn></aux>', '<aux name="j"><eqn>INTEGER(2.5)</eqn></aux>',
      '<aux name="m"><eqn>MODULO(-7, 3)</eqn></aux>', '<aux name="o"><eqn>-7 MOD 3</eqn></aux>', '<aux name="p"><eqn>7 MOD -3</eqn></aux>'].join('');
    const values = (header: string) => {
      const r = compileModel(loadXmile(doc(vars, '', '<start>0</start><stop>1</stop><dt>1</dt>', header))).run();
      return ['i', 'j', 'm', 'o', 'p'].map((n) => r.series.get(n)![0]);
    };
    for (const h of ['<vendor>Ventana Systems, xmutil</vendor><product>Vensim, xmutil</product>', '<vendor>Ventana Systems, Inc.</vendor><product>Vensim</product>']) {
      expect(values(h)).toEqual([-2, 2, -1, -1, 1]);
    }
    // Elsewhere XMILE's own definitions: INT floors and MOD takes the divisor's sign.
    expect(values('<vendor>isee systems, inc.</vendor><product>Stella Architect</product>')).toEqual([-3, 2, 2, 2, -2]);
  });

  it('refuses broken XML and broken models with a message naming the element', () => {
    expect(() => loadXmile('<xmile><model>')).toThrow(ModelError);
    expect(() => loadXmile('<xmile><model>')).toThrow(/not well-formed XML at line 1/);
    expect(() => loadXmile('<other/>')).toThrow(/no <xmile> root element/);
    expect(() => loadXmile(doc('<aux name="bad"><eqn>1 +</eqn></aux>'))).toThrow(/^bad: equation "1 \+": unexpected end of equation/);
    expect(() => loadXmile(doc('<aux name="a"><eqn>1</eqn></aux>', '', '<start>zero</start><stop>1</stop><dt>1</dt>'))).toThrow(/<start> must be a number \(got "zero"\)/);
  });
});
