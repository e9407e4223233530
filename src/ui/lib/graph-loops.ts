// "What drives this?": a variable's direct inputs, the variables it feeds, and the
// feedback loops through it, from the equations' dependency graph. Pure, so it works on
// whatever graph the engine exposes once converted to `DependencyGraph`.

/** Dependency graph: each variable's direct inputs (names as the model writes them). */
export interface DependencyGraph {
  /** Variable → the variables its equation (or, for a stock, its flows) reads. */
  inputs: Map<string, string[]>;
}

/** Variables that read `name`. */
export function usedBy(graph: DependencyGraph, name: string): string[] {
  const out: string[] = [];
  for (const [v, ins] of graph.inputs) if (ins.includes(name)) out.push(v);
  return out.sort();
}

/**
 * Feedback loops through `name`: elementary cycles name → … → name following
 * "is an input of" links, each listed from `name` in causal order (cause first).
 * Searches loops of at most `maxLength` variables and returns at most `maxLoops`,
 * shortest first — a teaching view needs the main loops, not all of them.
 */
export function loopsThrough(graph: DependencyGraph, name: string, maxLength = 8, maxLoops = 12): string[][] {
  // Walk backwards along inputs: a path name ← a ← b ← name is the loop name → b → a → name.
  const found: string[][] = [];
  const seen = new Set<string>();
  // Iterative deepening gives shortest loops first and bounds the work.
  for (let limit = 1; limit <= maxLength && found.length < maxLoops; limit++) {
    const path: string[] = [name];
    const onPath = new Set<string>([name]);
    const dfs = (node: string): void => {
      if (found.length >= maxLoops) return;
      for (const inp of graph.inputs.get(node) ?? []) {
        if (inp === name) {
          if (path.length === limit) {
            const loop = [...path].reverse();
            // Causal order starting at `name`: name → … (reverse of the backward walk).
            const ordered = [name, ...loop.slice(0, -1)];
            const key = ordered.join('>');
            if (!seen.has(key)) {
              seen.add(key);
              found.push(ordered);
            }
          }
          continue;
        }
        if (onPath.has(inp) || path.length >= limit) continue;
        path.push(inp);
        onPath.add(inp);
        dfs(inp);
        path.pop();
        onPath.delete(inp);
      }
    };
    dfs(name);
  }
  return found;
}
