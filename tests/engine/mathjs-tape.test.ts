// The mathjs tape: what compiling a model asked mathjs, recorded in Node and replayed with
// the "#mathjs" interface (the web app's worker compiles the regional model this way).
import { describe, expect, it } from 'vitest';
import { parse, recordMathjs, unitClass } from '../../src/model/engine/node/mathjs.ts';
import { replayMathjs, tapeNode } from '../../src/model/engine/mathjs-tape.ts';
import { workerMathjsTape } from '../../src/ui/model-bridge/worker-mathjs-tape.ts';
import { getChengyuSpec } from '../../src/model/chengyu/run.ts';

describe('mathjs tape', () => {
  it('records parse trees and unit names, and replays exactly those', () => {
    const tape = recordMathjs(() => {
      parse('IF THEN ELSE(a[north, 1] > 2, -b ^ 2, c(1:end))'.replace(/IF THEN ELSE/, 'if_then_else'));
      const U = unitClass() as { isValuelessUnit(n: string): boolean };
      U.isValuelessUnit('year');
      U.isValuelessUnit('enterprise');
    });
    const text = 'if_then_else(a[north, 1] > 2, -b ^ 2, c(1:end))';
    const replay = replayMathjs(JSON.parse(JSON.stringify(tape)));
    expect(replay.parse(text)).toEqual(tapeNode(parse(text)));
    const U = replay.unitClass() as { isValuelessUnit(n: string): boolean; parse(n: string): { dimensions: number[] }; BASE_DIMENSIONS: string[] };
    const real = unitClass() as typeof U;
    expect(U.isValuelessUnit('year')).toBe(true);
    expect(U.parse('year').dimensions).toEqual(real.parse('year').dimensions);
    expect(U.BASE_DIMENSIONS).toEqual(real.BASE_DIMENSIONS);
    expect(U.isValuelessUnit('enterprise')).toBe(false);
    // Outside a recording nothing is written down; text not on the tape is refused by name.
    parse('x + 1');
    expect(() => replay.parse('x + 1')).toThrow('equation "x + 1" was not recorded when this bundle was built');
    expect(() => U.isValuelessUnit('km')).toThrow('unit "km" was not recorded');
  });

  it("the web worker's tape holds every equation of the regional model", () => {
    const tape = workerMathjsTape();
    const spec = getChengyuSpec();
    const texts = spec.variables.flatMap((v) => (v.equation === undefined ? [] : typeof v.equation === 'string' ? [v.equation] : Object.values(v.equation)));
    const recorded = new Set(Object.keys(tape.parses));
    // Recorded as parse.ts hands them to mathjs (newlines as spaces).
    const missing = texts.map((t) => t.replace(/[\r\n\t]/g, ' ')).filter((t) => t.trim() !== '' && !recorded.has(t) && !/[[,]\s*\*/.test(t));
    expect(missing).toEqual([]);
    expect(Object.keys(tape.units).length).toBeGreaterThan(0);
  });
});
