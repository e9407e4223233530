// The small arrayed XMILE model several CLI tests analyse: each region's level grows at its
// own rate, level[r](t) = rate[r]·t exactly under Euler; total = Σ level.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Write the regions model (plus any extra variables) into `dir`; returns its path. */
export function writeRegionsModel(dir: string, extra = ''): string {
  const path = join(dir, 'regions.xmile');
  writeFileSync(path, `<?xml version="1.0"?>
<xmile version="1.0"><header><name>regions</name></header>
<sim_specs><start>0</start><stop>10</stop><dt>1</dt></sim_specs>
<dimensions><dim name="Region"><elem name="north"/><elem name="south"/></dim></dimensions>
<model><variables>
  <stock name="level"><dimensions><dim name="Region"/></dimensions><eqn>0</eqn><inflow>growth</inflow></stock>
  <flow name="growth"><dimensions><dim name="Region"/></dimensions><eqn>rate</eqn></flow>
  <aux name="rate"><dimensions><dim name="Region"/></dimensions><eqn>1</eqn></aux>
  <aux name="total"><eqn>SUM(level[*])</eqn></aux>${extra}
</variables></model></xmile>`);
  return path;
}
