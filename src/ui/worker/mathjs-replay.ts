// The "#mathjs" import of the page's model worker (vite.config.ts points it here): the
// answers recorded when the bundle was built (model-bridge/worker-mathjs-tape.ts), so the
// worker compiles the regional model without bundling mathjs.
import tape from 'virtual:chengyu-mathjs-tape';
import { replayMathjs } from '../../model/engine/mathjs-tape.ts';

const replay = replayMathjs(tape);

/** The recorded parse tree of an equation. */
export const parse = replay.parse;
/** The recorded answers about unit names. */
export const unitClass = replay.unitClass;
