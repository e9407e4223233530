// Helpers of the .mdl tests: a model text around some equations, its run, its error.
import { ModelError, compileModel } from '../../src/model/engine/index.ts';
import { loadMdl } from '../../src/model/mdl/index.ts';

/** A control section: 0 to 4 months, dt 1. */
export const CONTROL = `
********************************************************
	.Control
********************************************************~
		Simulation Control Parameters
	|
FINAL TIME  = 4 ~ Month ~ The final time. |
INITIAL TIME  = 0 ~ Month ~ |
SAVEPER  = TIME STEP ~ Month [0,?] ~ |
TIME STEP  = 1 ~ Month [0,?] ~ |
`;

/** A whole .mdl document: the equations (from line 2), the control section, a sketch. */
export const mdl = (eqs: string, control = CONTROL): string => `{UTF-8}\n${eqs}\n${control}\n\\\\\\---/// Sketch information\nV300  Do not put anything below this section\n*View 1\n`;

/** Run a model and return the series by column name. */
export function run(eqs: string, control?: string): Record<string, number[]> {
  const r = compileModel(loadMdl(mdl(eqs, control))).run();
  return Object.fromEntries(r.names.map((n) => [n, [...r.series.get(n)!]]));
}

/** The message of the ModelError `f` throws. */
export function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    if (err instanceof ModelError) return err.message;
    throw err;
  }
  throw new Error('expected a ModelError');
}
