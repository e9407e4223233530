// Change guards: per-step statements that are pure functions of a few slots that rarely change
// (a link-weight matrix blended by two lever effects that stay 0 until a lever acts, a sum of
// such weights) run only on the steps where one of those slots has changed. Each statement's
// "roots" are the changing slots it depends on, through pure statements: a stock, a memory, a
// statement that reads the time or draws, or (when a chain has too many roots) the dependency
// itself. All pure statements with the same small set of roots form one group, computed
// together inside `if (some root differs from its value at the group's last run) { ... }`.
// A skipped statement keeps the value it computed from the same root values, so results are
// bit-identical (roots compare by value and by the sign of zero; NaN always recomputes).
import type { Stmt } from './lower.ts';

/** Most roots a guarded group may have (each costs a comparison per step). */
const MAX_ROOTS = 4;
/** Fewest statements (elements) a group needs to be worth its comparisons. */
const MIN_STATEMENTS = 8;

/** A group of statements run only when one of its roots changed. */
export interface GuardGroup {
  /** The changing slots the group's statements depend on. */
  roots: number[];
  /** Slots holding each root's value at the group's last run (NaN at start: the first step runs). */
  saved: number[];
  /** The statements, in run order. */
  members: Stmt[];
}

/** One item of the guarded per-step pass: a plain statement or a group. */
export type GuardedItem = { stmt: Stmt } | { group: GuardGroup };

/**
 * Order the ordered per-step statements `core` with groups: `fixed` holds the slots that do
 * not change during a run, `allDeps` every slot each statement reads (by target; `core`'s own
 * deps may leave out stocks and constants); `alloc` gives a fresh slot for a saved root value.
 */
export function guardStatements(core: Stmt[], allDeps: ReadonlyMap<number, ReadonlySet<number>>, fixed: ReadonlySet<number>,
  alloc: () => number): GuardedItem[] {
  const byTarget = new Map(core.map((s) => [s.target, s]));
  const roots = new Map<number, number[] | null>(); // null: too many roots to track
  for (const s of core) {
    if (s.timeDep || s.effect) {
      roots.set(s.target, null);
      continue;
    }
    const r = new Set<number>();
    for (const d of allDeps.get(s.target) ?? s.deps) {
      if (fixed.has(d)) continue;
      const dr = byTarget.has(d) ? roots.get(d) : null;
      if (dr) for (const x of dr) r.add(x);
      else r.add(d); // the dependency's own value is the input
    }
    roots.set(s.target, r.size > 0 && r.size <= MAX_ROOTS ? [...r].sort((a, b) => a - b) : null);
  }
  const groups = new Map<string, GuardGroup>();
  for (const s of core) {
    const r = roots.get(s.target);
    if (!r) continue;
    const key = r.join(',');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { roots: r, saved: [], members: [] }));
    g.members.push(s);
  }
  const groupOf = new Map<number, GuardGroup>();
  for (const g of groups.values()) {
    if (g.members.length < MIN_STATEMENTS) continue;
    g.saved = g.roots.map(() => alloc());
    for (const m of g.members) groupOf.set(m.target, g);
  }
  if (groupOf.size === 0) return core.map((stmt) => ({ stmt }));
  // Members of a group share roots, so nothing outside the group lies between two of them
  // in the dependency order (it would have the same roots and be a member): each group can
  // run as a whole at the place of its first member once what it reads has run.
  const out: GuardedItem[] = [];
  const done = new Set<Stmt | GuardGroup>();
  const emit = (s: Stmt): void => {
    const g = groupOf.get(s.target);
    const unit: Stmt | GuardGroup = g ?? s;
    if (done.has(unit)) return;
    done.add(unit);
    const members = g ? g.members : [s];
    for (const m of members) {
      for (const d of m.deps) {
        const dep = byTarget.get(d);
        if (dep && groupOf.get(d) !== g) emit(dep);
      }
    }
    out.push(g ? { group: g } : { stmt: s });
  };
  for (const s of core) emit(s);
  return out;
}

/** The condition under which a group runs: some root differs from its saved value (or is NaN, or changed the sign of zero). */
export function guardCondition(g: GuardGroup): string {
  return g.roots.map((r, k) => `!(v[${r}] === v[${g.saved[k]}] && 1 / v[${r}] === 1 / v[${g.saved[k]}])`).join(' || ');
}

/** Generated code of a group: the check, the saved roots' update, then `body` (the members' lines). */
export function guardBlock(g: GuardGroup, body: string[]): string {
  const save = g.roots.map((r, k) => `v[${g.saved[k]}] = v[${r}];`);
  return `if (${guardCondition(g)}) {\n${[...save, ...body].join('\n')}\n}`;
}
