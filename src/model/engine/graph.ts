// The model's dependency graph by variable: what each equation uses (the "what drives
// this?" view), and the feedback loops through a variable.
import { walk } from './ast.ts';
import type { Layout } from './layout.ts';
import { canonicalName } from './names.ts';
import type { VariableKind } from './types.ts';

/** One variable in the graph. */
export interface GraphNode {
  name: string;
  kind: VariableKind;
  /** Variables its equation uses (for a stock: its initial equation and its flows). */
  uses: string[];
  /** Variables whose equations use it. */
  usedBy: string[];
}

/** Dependency graph of a model. */
export interface ModelGraph {
  nodes: GraphNode[];
  /** The node of a variable (by name as written or canonical), or undefined. */
  node(name: string): GraphNode | undefined;
  /**
   * Feedback loops through `name`: each a list of variable names starting with it, in the
   * direction of influence (a drives b drives … drives a). At most `max` loops, shortest first.
   */
  loopsThrough(name: string, max?: number): string[][];
}

/** Build the graph from a laid-out model. */
export function buildGraph(layout: Layout): ModelGraph {
  const nodes: GraphNode[] = [];
  const byName = new Map<string, GraphNode>();
  for (const v of layout.order) {
    const uses = new Set<string>();
    for (const e of v.exprs) {
      if (!e) continue;
      walk(e, (n) => {
        const key = n.k === 'ref' ? n.name : n.k === 'call' ? n.fn : undefined;
        const u = key !== undefined ? layout.vars.get(key) : undefined;
        if (u) uses.add(u.display);
      });
    }
    if (v.spec.kind === 'stock') {
      for (const f of [...(v.spec.inflows ?? []), ...(v.spec.outflows ?? [])]) {
        const u = layout.vars.get(canonicalName(f));
        if (u) uses.add(u.display);
      }
    }
    const node: GraphNode = { name: v.display, kind: v.spec.kind, uses: [...uses], usedBy: [] };
    nodes.push(node);
    byName.set(v.name, node);
  }
  for (const n of nodes) for (const u of n.uses) byName.get(canonicalName(u))?.usedBy.push(n.name);
  const node = (name: string): GraphNode | undefined => byName.get(canonicalName(name));
  const loopsThrough = (name: string, max = 50): string[][] => {
    const start = node(name);
    if (!start) return [];
    // Breadth-first over simple paths start → … → start along "drives" edges (usedBy).
    const found: string[][] = [];
    let frontier: string[][] = [[start.name]];
    for (let depth = 0; depth < nodes.length && frontier.length && found.length < max; depth++) {
      const next: string[][] = [];
      for (const path of frontier) {
        const last = node(path[path.length - 1])!;
        for (const d of last.usedBy) {
          if (d === start.name) {
            found.push(path);
            if (found.length >= max) break;
          } else if (!path.includes(d) && next.length < 100_000) {
            next.push([...path, d]);
          }
        }
        if (found.length >= max) break;
      }
      frontier = next;
    }
    return found;
  };
  return { nodes, node, loopsThrough };
}
