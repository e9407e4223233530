// The structure view's neighbourhood of a variable (causes and effects one or two steps
// away, the links among them) and the kind of its feedback loops (R/B).
import { describe, expect, it } from 'vitest';
import { loopKind, neighbourhood, type CausalLinks, type LinkSign } from '../../src/ui/lib/graph-loops.ts';

// Population: pop (stock) ← births (+), deaths (−); births ← pop, rate; deaths ← pop, life;
// rate ← base, crowding (−); crowding ← pop, capacity (−); report ← pop.
const links: CausalLinks = new Map<string, Record<string, LinkSign>>([
  ['pop', { births: '+', deaths: '-' }],
  ['births', { pop: '+', rate: '+' }],
  ['deaths', { pop: '+', life: '-' }],
  ['rate', { base: '+', crowding: '-' }],
  ['crowding', { pop: '+', capacity: '-' }],
  ['report', { pop: '+' }],
  ['base', {}],
  ['life', {}],
  ['capacity', {}],
]);

describe('loop kinds', () => {
  it('counts negative links: even is reinforcing, odd balancing, an unknown sign unknown', () => {
    expect(loopKind(links, ['pop', 'births'])).toBe('R');
    expect(loopKind(links, ['pop', 'deaths'])).toBe('B');
    expect(loopKind(links, ['pop', 'crowding', 'rate', 'births'])).toBe('B');
    const unsure: CausalLinks = new Map([...links, ['births', { pop: '?', rate: '+' } as Record<string, LinkSign>]]);
    expect(loopKind(unsure, ['pop', 'births'])).toBe('?');
  });
});

describe('neighbourhood', () => {
  it('one step: inflows and inputs before a stock, its outflows and what it drives after', () => {
    const n = neighbourhood(links, 'pop', { depth: 1, maxPerRank: 10, outflowsOf: (s) => (s === 'pop' ? ['deaths'] : []) });
    const rank = Object.fromEntries(n.nodes.map((x) => [x.name, x.rank]));
    expect(rank).toEqual({ pop: 0, births: -1, deaths: 1, crowding: 1, report: 1 });
    expect(n.edges).toContainEqual({ from: 'births', to: 'pop', sign: '+' });
    expect(n.edges).toContainEqual({ from: 'deaths', to: 'pop', sign: '-' });
    expect(n.edges).toContainEqual({ from: 'pop', to: 'deaths', sign: '+' });
    // Loops whose variables are all shown: the two short ones, not the one through rate.
    expect(n.loops).toEqual([['pop', 'births'], ['pop', 'deaths']]);
  });

  it('two steps: causes of causes and effects of effects, and the longer loop closes', () => {
    const n = neighbourhood(links, 'pop', { depth: 2, maxPerRank: 10 });
    const rank = Object.fromEntries(n.nodes.map((x) => [x.name, x.rank]));
    expect(rank.rate).toBe(-2);
    expect(rank.life).toBe(-2);
    // capacity causes an effect (crowding), not a cause: it is not in the neighbourhood.
    expect(rank.capacity).toBeUndefined();
    expect(n.loops).toContainEqual(['pop', 'crowding', 'rate', 'births']);
  });

  it('fills a full ring with loop members first, minor ones last, and says what it left out', () => {
    const n = neighbourhood(links, 'pop', { depth: 1, maxPerRank: 2, outflowsOf: () => ['deaths'] });
    const effects = n.nodes.filter((x) => x.rank === 1).map((x) => x.name);
    // The outflow first; then crowding, on a loop through pop, before report, on none.
    expect(effects).toEqual(['deaths', 'crowding']);
    expect(n.hidden.get(1)).toEqual(['report']);
    const minor = neighbourhood(links, 'rate', { depth: 1, maxPerRank: 1, minor: (x) => x === 'base' });
    expect(minor.nodes.filter((x) => x.rank === -1).map((x) => x.name)).toEqual(['crowding']);
  });
});

describe('variables on loops', () => {
  it('finds every variable on some cycle, and none off them', async () => {
    const { causalGraph, cyclicVariables } = await import('../../src/ui/lib/graph-loops.ts');
    expect([...cyclicVariables(causalGraph(links))].sort()).toEqual(['births', 'crowding', 'deaths', 'pop', 'rate']);
  });
});
