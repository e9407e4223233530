// The levers as the page groups them: inputs (money spent each year: the Science City,
// the parks' subsidies, extra R&D) and mechanisms (levels of integration, coordination,
// reform). Each lever's first field is its main slider; the others (shares, start year)
// are details a person opens when needed.
import { LEVERS, type LeverFieldSpec, type LeverSpec } from '../../model/scenario/levers.ts';
import type { LeverId } from '../../model/scenario/lever-types.ts';

/** A group of levers on the page. */
export interface LeverGroup {
  id: 'inputs' | 'mechanisms';
  levers: LeverSpec[];
}

const INPUTS: readonly LeverId[] = ['science_city', 'parks', 'rd_support'];

/** The two groups, each in the paper's order; every lever is in exactly one. */
export function leverGroups(levers: readonly LeverSpec[] = LEVERS): LeverGroup[] {
  return [
    { id: 'inputs', levers: levers.filter((l) => INPUTS.includes(l.id)) },
    { id: 'mechanisms', levers: levers.filter((l) => !INPUTS.includes(l.id)) },
  ];
}

/** A lever's main field (shown as its one slider) and the fields tucked away under its details. */
export function mainAndDetails(lever: LeverSpec): { main: LeverFieldSpec; details: LeverFieldSpec[] } {
  return { main: lever.fields[0], details: lever.fields.slice(1) };
}
