// mathjs's parser and units for Node (CLI, workers, tests), chosen by the "#mathjs" import
// condition in package.json; browsers get ../mathjs-browser.ts (tree-shaken). This folder is
// the engine's only Node-side code.
//
// The prebuilt single-file bundle loads in a fraction of the time of mathjs's ESM module
// graph. It is evaluated here directly, as Node's CommonJS loader would: imported through the
// loaders instead, Node's ESM export scan and tsx's hooks each reread its 650 KB, which more
// than doubled the time it takes to load (about 390 ms → 200 ms in every worker and CLI process).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInThisContext } from 'node:vm';
import type { MathJsInstance } from 'mathjs';
import { tapeNode, type MathjsTape } from '../mathjs-tape.ts';

// Loaded on first use: a process that only runs already compiled code (a batch worker with
// the compiled-runner cache warm) never pays for it.
let math: MathJsInstance | undefined;
function load(): MathJsInstance {
  if (math) return math;
  const file = createRequire(import.meta.url).resolve('mathjs/lib/browser/math.js');
  const wrapper = runInThisContext(`(function (exports, module) {${readFileSync(file, 'utf8')}\n})`, { filename: file }) as (
    exports: object, module: { exports: object },
  ) => void;
  const mod = { exports: {} };
  wrapper(mod.exports, mod);
  math = mod.exports as MathJsInstance;
  return math;
}

// While a tape records (recordMathjs), every answer is written down too.
let tape: MathjsTape | undefined;

/** mathjs's expression parser. */
export const parse: MathJsInstance['parse'] = ((expr: string) => {
  const node = load().parse(expr);
  if (tape) tape.parses[expr] = tapeNode(node);
  return node;
}) as MathJsInstance['parse'];
/** mathjs's Unit class (for the units check). */
export function unitClass(): unknown {
  const Unit = (load() as unknown as { Unit: MathUnit }).Unit;
  if (!tape) return Unit;
  const t = tape;
  t.baseDimensions = [...Unit.BASE_DIMENSIONS];
  return {
    BASE_DIMENSIONS: Unit.BASE_DIMENSIONS,
    isValuelessUnit(name: string) {
      const known = Unit.isValuelessUnit(name);
      t.units[name] = known ? [...Unit.parse(name).dimensions] : null;
      return known;
    },
    parse: (name: string) => Unit.parse(name),
  };
}

type MathUnit = { isValuelessUnit(n: string): boolean; parse(n: string): { dimensions: number[] }; BASE_DIMENSIONS: string[] };

/** Run `work` and return what it asked mathjs (see ../mathjs-tape.ts): build tools record a model's tape for a browser bundle. */
export function recordMathjs(work: () => void): MathjsTape {
  const t: MathjsTape = { parses: {}, units: {}, baseDimensions: [] };
  tape = t;
  try {
    work();
  } finally {
    tape = undefined;
  }
  return t;
}
