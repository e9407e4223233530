// The stable output names of the regional model (DESIGN.md "Outputs") and the choice of
// columns for a run's output (`--vars`).
import type { RunResult } from '../engine/types.ts';

/** Regions every headline output is reported for. */
export const REGIONS = ['sichuan', 'chengdu_city', 'chongqing', 'zones12', 'circle'] as const;

/** Headline output families: name prefix, zh/en label and unit. */
export const OUTPUT_FAMILIES = [
  { prefix: 'hte', label: { zh: '高新技术企业数', en: 'High-tech enterprises' }, unit: { zh: '家', en: 'enterprises' } },
  { prefix: 'rd_intensity', label: { zh: '研发强度', en: 'R&D intensity' }, unit: { zh: '%', en: '% of GDP' } },
  { prefix: 'tech_contracts', label: { zh: '技术合同成交额', en: 'Technology contract turnover' }, unit: { zh: '亿元/年', en: '100 million CNY/yr' } },
] as const;

/** Name of the yearly public cost of the levers (亿元/yr) and of its running sum. */
export const POLICY_COST = 'policy_cost';
/** Cumulative policy cost since the start (亿元). */
export const POLICY_COST_CUMULATIVE = 'policy_cost_cumulative';

/** The stable headline names, in report order: `<family>_<region>` then the costs. */
export function headlineNames(): string[] {
  const out: string[] = [];
  for (const f of OUTPUT_FAMILIES) for (const r of REGIONS) out.push(`${f.prefix}_${r}`);
  out.push(POLICY_COST, POLICY_COST_CUMULATIVE);
  return out;
}

/** Default columns of a run: the headline names, then per-node `hte[...]`, as far as the result has them. */
export function defaultColumns(result: Pick<RunResult, 'names'>): string[] {
  const have = new Set(result.names);
  const out = headlineNames().filter((n) => have.has(n));
  for (const n of result.names) if (n.startsWith('hte[')) out.push(n);
  return out;
}

/** Split a `--vars` list at commas outside brackets (`a,hte[x],w[a,b]` → three names). */
export function splitVarList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of text) {
    if (c === '[') depth++;
    if (c === ']') depth = Math.max(0, depth - 1);
    if (c === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out.filter((s) => s !== '');
}

/** An unknown variable asked for; the message lists what is available. */
export class UnknownVariableError extends Error {
  constructor(readonly variable: string, available: readonly string[]) {
    const shown = available.slice(0, 12).join(', ');
    super(`--vars: unknown variable ${JSON.stringify(variable)}; available: ${shown}${available.length > 12 ? `, … (${available.length} in all)` : ''}`);
    this.name = 'UnknownVariableError';
  }
}

/**
 * Columns for `--vars`: exact names (spaces and case as the result writes them, matched
 * case-insensitively), and an array's bare name selects all its elements (`hte` → `hte[...]`).
 */
export function selectColumns(result: Pick<RunResult, 'names'>, requested: readonly string[]): string[] {
  const byLower = new Map(result.names.map((n) => [n.toLowerCase().replace(/\s+/g, '_'), n]));
  const out: string[] = [];
  for (const want of requested) {
    const key = want.toLowerCase().replace(/\s+/g, '_');
    const exact = byLower.get(key);
    if (exact) {
      out.push(exact);
      continue;
    }
    const elements = result.names.filter((n) => n.toLowerCase().startsWith(`${key}[`));
    if (elements.length === 0) throw new UnknownVariableError(want, defaultColumns(result).length ? defaultColumns(result) : result.names);
    out.push(...elements);
  }
  return [...new Set(out)];
}
