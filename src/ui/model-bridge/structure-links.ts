// The polarity of every causal link of the regional model, for the structure view's
// diagrams: computed once at build time (prerender.ts) from the equations, at the states of
// two runs — the baseline and every lever switched on at mid range from 2020 — so that
// links through lever-driven terms (zero in the baseline) get their sign too.
import { getChengyuModel, runChengyu } from '../../model/chengyu/run.ts';
import { concatRuns, linkPolarities } from '../../model/analysis/link-polarity.ts';
import { defaultLeverConstants, LEVERS } from '../../model/scenario/levers.ts';
import type { StructureVariable } from './types.ts';

/** Every lever at the middle of its range, started in 2020 (start years are whole years). */
export function midLeverConstants(): Record<string, number> {
  const out: Record<string, number> = { ...defaultLeverConstants() };
  for (const l of LEVERS) {
    for (const f of l.fields) {
      const mid = f.field === 'start_year' ? 2020 : (f.min + f.max) / 2;
      out[`lever_${l.id}_${f.field}`] = f.integer ? Math.round(mid) : mid;
    }
  }
  return out;
}

/** The structure with each variable's causal links and their polarity. */
export function withLinkPolarity(structure: StructureVariable[]): StructureVariable[] {
  const runs = concatRuns([runChengyu(defaultLeverConstants()), runChengyu(midLeverConstants())]);
  const links = linkPolarities(getChengyuModel().spec, runs);
  return structure.map((v) => (links[v.name] ? { ...v, links: links[v.name] } : v));
}
