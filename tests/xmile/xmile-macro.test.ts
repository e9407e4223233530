// XMILE macros (XMILE 1.0 §3.6): parameters and defaults, macros with their own stocks,
// several macros per file, macros calling macros, and clear errors. Expected values are
// worked by hand (Euler, dt = 1).
import { describe, expect, it } from 'vitest';
import { ModelError, compileModel } from '../../src/model/engine/index.ts';
import { loadXmile } from '../../src/model/xmile/index.ts';

const doc = (macros: string, vars: string) => `<?xml version="1.0"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0"><header><vendor>test</vendor></header>
<sim_specs method="Euler"><start>0</start><stop>3</stop><dt>1</dt></sim_specs>
<model><variables>${vars}</variables></model>${macros}</xmile>`;

const run = (macros: string, vars: string, name: string): number[] => [...compileModel(loadXmile(doc(macros, vars))).run().series.get(name)!];

const SCALE = '<macro name="SCALE"><parm>x</parm><parm>k</parm><eqn>x * k</eqn></macro>';
const ACCUM = `<macro name="ACCUM"><parm>rate</parm><parm>start</parm><eqn>total</eqn>
  <variables><stock name="total"><eqn>start</eqn><inflow>growth</inflow></stock><flow name="growth"><eqn>rate</eqn></flow></variables></macro>`;

const message = (macros: string, vars: string): string => {
  try {
    compileModel(loadXmile(doc(macros, vars)));
  } catch (err) {
    if (err instanceof ModelError) return err.message;
    throw err;
  }
  throw new Error('the model loaded');
};

describe('XMILE macros', () => {
  it('expands an expression macro with the call\'s arguments', () => {
    expect(run(SCALE, '<aux name="input"><eqn>5</eqn></aux><aux name="y"><eqn>SCALE(input, 1.1)</eqn></aux>', 'y')[0]).toBeCloseTo(5.5, 12);
  });

  it('gives every call its own copy of the macro\'s stocks', () => {
    // 0 + 1·t and 10 + 2·t: two copies that do not share their stock.
    expect(run(ACCUM, '<aux name="y"><eqn>ACCUM(1, 0) + ACCUM(2, 10)</eqn></aux>', 'y')).toEqual([10, 13, 16, 19]);
  });

  it('runs a first-order smooth written as a macro with a stock and a flow', () => {
    const smooth = `<macro name="MY SMOOTH"><parm>input</parm><parm>averaging time</parm><parm default="input">initial</parm>
      <eqn>Smooth_of_Input</eqn><variables>
      <stock name="Smooth of Input"><eqn>initial</eqn><inflow>change_in_smooth</inflow></stock>
      <flow name="change in smooth"><eqn>(input - Smooth_of_Input)/averaging_time</eqn></flow></variables></macro>`;
    // s(t+1) = s + (10 - s)/2 from s(0) = 0: 0, 5, 7.5, 8.75.
    expect(run(smooth, '<aux name="y"><eqn>MY_SMOOTH(10, 2, 0)</eqn></aux>', 'y')).toEqual([0, 5, 7.5, 8.75]);
    // The omitted third argument defaults to the input: the smooth starts, and stays, at 10.
    expect(run(smooth, '<aux name="y"><eqn>MY_SMOOTH(10, 2)</eqn></aux>', 'y')).toEqual([10, 10, 10, 10]);
  });

  it('reads several macros in one file, and macros calling macros', () => {
    const two = `${SCALE}<macro name="QUAD"><parm>x</parm><eqn>SCALE(SCALE(x, 2), 2)</eqn></macro>${ACCUM}`;
    expect(run(two, '<aux name="y"><eqn>QUAD(3) + ACCUM(QUAD(1), 0)</eqn></aux>', 'y')).toEqual([12, 16, 20, 24]);
  });

  it('lets a macro redefine a builtin of the same name', () => {
    expect(run('<macro name="MAX"><parm>a</parm><parm>b</parm><eqn>a + b</eqn></macro>', '<aux name="y"><eqn>MAX(2, 3)</eqn></aux>', 'y')[0]).toBe(5);
  });

  it('accepts a macro call written with spaces in its name (as xmutil writes Vensim\'s)', () => {
    const m = '<macro name="EXPRESSION MACRO"><parm>input</parm><parm>parameter</parm><eqn>input / parameter</eqn></macro>';
    expect(run(m, '<aux name="y"><eqn>EXPRESSION MACRO(5, 2)</eqn></aux>', 'y')[0]).toBe(2.5);
  });

  it('refuses wrong calls with a message naming the macro', () => {
    expect(message(SCALE, '<aux name="y"><eqn>SCALE(1)</eqn></aux>')).toMatch(/macro SCALE needs its argument "k" \(2 argument\(s\), got 1\)/);
    expect(message(SCALE, '<aux name="y"><eqn>SCALE(1, 2, 3)</eqn></aux>')).toMatch(/macro SCALE takes 2 argument\(s\), got 3/);
    expect(message('<macro name="LOOP"><parm>x</parm><eqn>LOOP(x)</eqn></macro>', '<aux name="y"><eqn>LOOP(1)</eqn></aux>')).toMatch(/macro LOOP calls itself more than 32 deep/);
    expect(message(`${SCALE}${SCALE}`, '<aux name="y"><eqn>SCALE(1, 2)</eqn></aux>')).toMatch(/<macro name="SCALE"> is defined twice/);
    expect(message('', '<aux name="y"><eqn>EXPRESSION MACRO(1, 2)</eqn></aux>')).toMatch(/"EXPRESSION MACRO" is not a function, and the file defines no macro of that name/);
  });

  it('refuses a macro call in an apply-to-all arrayed equation rather than give every element one value', () => {
    const arrayed = `<aux name="y"><dimensions><dim name="D"/></dimensions><eqn>SCALE(1, 2)</eqn></aux>`;
    const text = doc(SCALE, arrayed).replace('<model>', '<dimensions><dim name="D" size="2"/></dimensions><model>');
    expect(() => loadXmile(text)).toThrow(/macro scale is called in the arrayed equation of "y"/);
  });
});
