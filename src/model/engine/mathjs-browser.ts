// mathjs's parser and units for browsers: only the factories the engine needs, so the
// bundle stays small. Node uses node/mathjs.ts (see the "#mathjs" import in package.json).
import { create, parseDependencies, unitDependencies } from 'mathjs';

const math = create({ parseDependencies, unitDependencies });

/** mathjs's expression parser. */
export const parse = math.parse;
/** mathjs's Unit class (for the units check). */
export function unitClass(): unknown {
  return (math as unknown as { Unit: unknown }).Unit;
}
