// What the regional model knows about its variables beyond the spec, for `vars` and
// `describe`: registry parameters' labels, plausible ranges and provenance, and the lever
// inputs' ranges (from the lever table).
import type { HumanName } from '../engine/types.ts';
import { LEVERS } from '../scenario/levers.ts';
import { PARAMETER_INDEX } from './parameters.ts';

/** Extra facts about one variable of the regional model. */
export interface VariableNotes {
  label?: HumanName;
  /** Plausible range (parameters) or allowed range (lever inputs), with its unit. */
  range?: { low: number; high: number; unit?: string };
  /** Where the value comes from, in words. */
  provenance?: string;
  /** How to set it from the command line. */
  setting?: string;
}

/** Notes on `name` (a registry parameter or a lever input), or undefined for other variables. */
export function chengyuVariableNotes(name: string): VariableNotes | undefined {
  const p = PARAMETER_INDEX.get(name);
  if (p) {
    const pv = p.provenance;
    const provenance = pv.kind === 'source' ? `source: ${pv.ref}` : pv.kind === 'assumption' ? `assumption: ${pv.reason}` : `calibrated against ${pv.against}`;
    return {
      ...(p.label ? { label: p.label } : {}),
      range: { low: p.range[0], high: p.range[1], ...(p.unit && p.unit !== '1' ? { unit: p.unit } : {}) },
      provenance,
      setting: typeof p.value === 'number' ? `--set ${p.id}=value` : `--set ${p.id}=value (every node) or --set ${p.id}[node]=value`,
    };
  }
  for (const l of LEVERS) {
    for (const f of l.fields) {
      if (`lever_${l.id}_${f.field}` !== name) continue;
      return {
        label: { en: `${l.label.en}: ${f.label.en}`, zh: `${l.label.zh}：${f.label.zh}` },
        range: { low: f.min, high: f.max, unit: f.unit.en },
        provenance: `lever input (paper section ${l.sections.join(', ')}); default ${f.default}`,
        setting: `--set ${l.id}.${f.field}=value`,
      };
    }
  }
  return undefined;
}
