// mathjs's parser and units for Node (CLI, tests): its prebuilt single-file bundle loads
// in a fraction of the time of the ESM module graph. Chosen by the "#mathjs" import
// condition in package.json; browsers get mathjs-browser.ts (tree-shaken).
import type { MathJsInstance } from 'mathjs';
// @ts-expect-error -- the prebuilt bundle ships without type declarations.
import bundle from 'mathjs/lib/browser/math.js';

const math = bundle as MathJsInstance;

/** mathjs's expression parser. */
export const parse = math.parse;
/** mathjs's Unit class (for the units check). */
export const Unit = (math as unknown as { Unit: unknown }).Unit;
