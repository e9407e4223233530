// Report-only statements: per-step equations that no stock, memory, delay line or random draw
// depends on (regional totals, ratios shown as outputs). They cannot change the trajectory, so
// they run only on the steps that save outputs, and a runner runs only those its outputs read.
// The statements and their order are unchanged, so saved values are bit-identical.
import type { Stmt } from './lower.ts';

/** A report-only statement as generated code, with the report statements it reads. */
export interface ReportStmt {
  target: number;
  line: string;
  /** Targets of other report statements this one reads. */
  deps: number[];
}

/** Slots a piece of generated code reads (`v[123]`). */
export function slotsRead(code: string): number[] {
  return [...code.matchAll(/\bv\[(\d+)\]/g)].map((m) => Number(m[1]));
}

/**
 * Split the ordered per-step statements (deps restricted to per-step targets) into the core,
 * which the integration needs every step, and the report-only rest. `roots` are the slots the
 * stock rates, memories and delay lines read.
 */
export function splitReport(ordered: Stmt[], roots: Iterable<number>): { core: Stmt[]; report: ReportStmt[] } {
  const byTarget = new Map(ordered.map((s) => [s.target, s]));
  const needed = new Set<number>();
  const stack = [...roots];
  for (const s of ordered) if (s.effect) stack.push(s.target);
  while (stack.length) {
    const t = stack.pop()!;
    if (needed.has(t) || !byTarget.has(t)) continue;
    needed.add(t);
    for (const d of byTarget.get(t)!.deps) stack.push(d);
  }
  const core = ordered.filter((s) => needed.has(s.target));
  const report = ordered
    .filter((s) => !needed.has(s.target))
    .map((s) => ({ target: s.target, line: s.dyn!, deps: [...s.deps].filter((d) => byTarget.has(d) && !needed.has(d)) }));
  return { core, report };
}

/** The report lines needed to bring `slots` up to date, in run order. */
export function reportLinesFor(report: ReportStmt[], slots: Iterable<number>): string[] {
  const byTarget = new Map(report.map((s) => [s.target, s]));
  const needed = new Set<number>();
  const stack = [...slots];
  while (stack.length) {
    const t = stack.pop()!;
    if (needed.has(t) || !byTarget.has(t)) continue;
    needed.add(t);
    stack.push(...byTarget.get(t)!.deps);
  }
  return report.filter((s) => needed.has(s.target)).map((s) => s.line);
}
