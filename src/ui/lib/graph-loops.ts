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

/** Polarity of a causal link as the structure carries it. */
export type LinkSign = '+' | '-' | '?';

/** A causal graph: each variable's causal inputs with the polarity of each link. */
export type CausalLinks = ReadonlyMap<string, Readonly<Record<string, LinkSign>>>;

/** The causal graph as a dependency graph (inputs only), for loopsThrough and usedBy. */
export function causalGraph(links: CausalLinks): DependencyGraph {
  return { inputs: new Map([...links].map(([v, ins]) => [v, Object.keys(ins)])) };
}

/** Polarity of the link from → to, or undefined when there is none. */
export function linkSign(links: CausalLinks, from: string, to: string): LinkSign | undefined {
  return links.get(to)?.[from];
}

/**
 * Kind of a feedback loop (names in causal order, closing back on the first): 'R'
 * (reinforcing: an even number of negative links), 'B' (balancing: odd), '?' when a link's
 * sign depends on the state.
 */
export function loopKind(links: CausalLinks, loop: readonly string[]): 'R' | 'B' | '?' {
  let negatives = 0;
  for (let i = 0; i < loop.length; i++) {
    const s = linkSign(links, loop[i], loop[(i + 1) % loop.length]);
    if (s === undefined || s === '?') return '?';
    if (s === '-') negatives++;
  }
  return negatives % 2 === 0 ? 'R' : 'B';
}

/** One variable placed in a neighbourhood: rank < 0 causes, 0 the centre, > 0 effects. */
export interface PlacedNode {
  name: string;
  rank: number;
}

/** The neighbourhood of a variable: its causes and effects up to `depth` steps, with the links among them. */
export interface Neighbourhood {
  nodes: PlacedNode[];
  /** Causal links between shown variables (from → to) with their polarity. */
  edges: { from: string; to: string; sign: LinkSign }[];
  /** Variables left out per rank because the ring was full (rank → names). */
  hidden: Map<number, string[]>;
  /** Feedback loops through the centre whose variables are all shown, in causal order from the centre. */
  loops: string[][];
}

/** Options of `neighbourhood`. */
export interface NeighbourhoodOptions {
  /** Steps from the centre (1 or 2). */
  depth: number;
  /** Most variables shown per rank. */
  maxPerRank: number;
  /** Variables to show last when a ring is full (constants, say). */
  minor?: (name: string) => boolean;
  /** Flows drawn on the outflow side of their stock: an outflow of the centre is placed after it. */
  outflowsOf?: (stock: string) => readonly string[];
}

/**
 * Causes (inputs, inputs of inputs) and effects (variables it drives, and what they drive)
 * of `centre` in the causal graph. A variable that is both cause and effect is placed as a
 * cause, except the outflows of a stock, placed after it as a pipe leaves it. Within a full
 * ring, variables on feedback loops through the centre come first, then major ones by name.
 */
export function neighbourhood(links: CausalLinks, centre: string, opts: NeighbourhoodOptions): Neighbourhood {
  const graph = causalGraph(links);
  const drives = new Map<string, string[]>();
  for (const [v, ins] of graph.inputs) for (const i of ins) drives.set(i, [...(drives.get(i) ?? []), v]);
  const loopsAll = loopsThrough(graph, centre, Math.max(2, 2 * opts.depth), 24);
  // Priority in a full ring: on a loop through the centre (of any length we search), then not minor.
  const onLoop = new Set(loopsThrough(graph, centre, 8, 24).flat());
  const rank = new Map<string, number>([[centre, 0]]);
  const hidden = new Map<number, string[]>();
  const outflows = new Set(opts.outflowsOf?.(centre) ?? []);
  const order = (names: string[]) =>
    [...new Set(names)].sort((a, b) => Number(onLoop.has(b)) - Number(onLoop.has(a)) || Number(opts.minor?.(a) ?? false) - Number(opts.minor?.(b) ?? false) || a.localeCompare(b));
  const fill = (r: number, candidates: string[]) => {
    const fresh = order(candidates.filter((n) => !rank.has(n)));
    const room = Math.max(0, opts.maxPerRank - [...rank.values()].filter((x) => x === r).length);
    fresh.slice(0, room).forEach((n) => rank.set(n, r));
    if (fresh.length > room) hidden.set(r, [...(hidden.get(r) ?? []), ...fresh.slice(room)]);
  };
  // The centre's outflows go after it; its other inputs before it; then what it drives.
  fill(1, [...outflows].filter((n) => graph.inputs.has(n)));
  fill(-1, graph.inputs.get(centre) ?? []);
  fill(1, drives.get(centre) ?? []);
  for (let step = 2; step <= opts.depth; step++) {
    const causes = [...rank].filter(([, r]) => r === -(step - 1)).flatMap(([n]) => graph.inputs.get(n) ?? []);
    const effects = [...rank].filter(([, r]) => r === step - 1).flatMap(([n]) => drives.get(n) ?? []);
    fill(-step, causes);
    fill(step, effects);
  }
  const nodes = [...rank].map(([name, r]) => ({ name, rank: r }));
  const edges: Neighbourhood['edges'] = [];
  for (const to of rank.keys()) {
    for (const [from, sign] of Object.entries(links.get(to) ?? {})) if (rank.has(from) && from !== to) edges.push({ from, to, sign });
  }
  return { nodes, edges, hidden, loops: loopsAll.filter((l) => l.every((n) => rank.has(n))) };
}

/** Variables that lie on some feedback loop of the graph (members of a cycle), by Tarjan's strongly connected components. */
export function cyclicVariables(graph: DependencyGraph): Set<string> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out = new Set<string>();
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.inputs.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    const selfLoop = (graph.inputs.get(v) ?? []).includes(v);
    if (component.length > 1 || selfLoop) component.forEach((x) => out.add(x));
  };
  for (const v of graph.inputs.keys()) if (!index.has(v)) visit(v);
  return out;
}
