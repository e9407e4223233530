// Ordering of statements: a depth-first topological sort that names the loop when the
// definitions are circular.
import type { Stmt } from './lower.ts';

/** Sort `stmts` so each comes after what it reads; `cycles` receives each loop found (as owner names). */
export function orderStatements(stmts: Stmt[], cycles: string[][]): Stmt[] {
  const bySlot = new Map<number, number>();
  stmts.forEach((s, i) => bySlot.set(s.target, i));
  const state = new Uint8Array(stmts.length); // 0 new, 1 on stack, 2 done
  const out: Stmt[] = [];
  const stack: number[] = [];
  const seen = new Set<string>();
  const visit = (root: number): void => {
    // Iterative DFS (models can have long chains).
    const iters: Array<Iterator<number>> = [];
    const push = (i: number): void => {
      state[i] = 1;
      stack.push(i);
      iters.push(stmts[i].deps[Symbol.iterator]());
    };
    push(root);
    while (iters.length) {
      const it = iters[iters.length - 1];
      const nx = it.next();
      if (nx.done) {
        iters.pop();
        const i = stack.pop()!;
        state[i] = 2;
        out.push(stmts[i]);
        continue;
      }
      const j = bySlot.get(nx.value);
      if (j === undefined || state[j] === 2) continue;
      if (state[j] === 1) {
        const loop = stack.slice(stack.indexOf(j)).map((k) => stmts[k].owner);
        const names: string[] = [];
        for (const n of loop) if (names[names.length - 1] !== n) names.push(n);
        if (names.length > 1 && names[names.length - 1] === names[0]) names.pop();
        const key = [...names].sort().join('\u0000');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(names);
        }
        continue;
      }
      push(j);
    }
  };
  for (let i = 0; i < stmts.length; i++) if (state[i] === 0) visit(i);
  return out;
}
