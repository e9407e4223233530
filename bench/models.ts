// Benchmark models, generated in code: the SD "teacup" (as in the community test models,
// samples/teacup: 240 Euler steps of dt 0.125), a ring of 300 coupled stocks (900
// variables, 400 steps), and an arrayed regional-style model (20 nodes × 30 variables,
// 80 steps) for the batch runner.
import type { ModelSpec, VariableSpec } from '../src/model/engine/index.ts';

/** The teacup: Newton cooling, 240 Euler steps. */
export function teacup(): ModelSpec {
  return {
    name: 'teacup',
    sim: { start: 0, stop: 30, dt: 0.125 },
    variables: [
      { name: 'teacup_temperature', kind: 'stock', equation: '180', outflows: ['heat_loss_to_room'] },
      { name: 'heat_loss_to_room', kind: 'flow', equation: '(teacup_temperature - room_temperature) / characteristic_time' },
      { name: 'characteristic_time', kind: 'aux', equation: '10' },
      { name: 'room_temperature', kind: 'aux', equation: '70' },
    ],
  };
}

/** n stocks in a ring, each with one flow and one auxiliary (3n variables), `steps` Euler steps of dt 0.25. */
export function coupledStocks(n = 300, steps = 400): ModelSpec {
  const variables: VariableSpec[] = [];
  for (let i = 0; i < n; i++) {
    const prev = (i + n - 1) % n;
    variables.push({ name: `s${i}`, kind: 'stock', equation: String(1 + (i % 7)), inflows: [`f${i}`] });
    variables.push({ name: `f${i}`, kind: 'flow', equation: `(a${prev} - s${i}) * 0.05` });
    variables.push({ name: `a${i}`, kind: 'aux', equation: `s${i} * 0.9 + s${(i + 1) % n} * 0.1` });
  }
  return { name: `coupled-${n}`, sim: { start: 0, stop: steps * 0.25, dt: 0.25 }, variables };
}

/** An arrayed model shaped like the regional one: `nodes` nodes, 30 arrayed variables, 80 steps. */
export function arrayedRegional(nodes = 20): ModelSpec {
  const elements = Array.from({ length: nodes }, (_, i) => `n${i}`);
  const v = (name: string, kind: VariableSpec['kind'], equation: string, extra: Partial<VariableSpec> = {}): VariableSpec =>
    ({ name, kind, equation, dims: ['node'], ...extra });
  const variables: VariableSpec[] = [
    v('sme', 'stock', '100', { inflows: ['formation'], outflows: ['certification'] }),
    v('hte', 'stock', '50', { inflows: ['certification'], outflows: ['lapse'] }),
    v('knowledge', 'stock', '1000', { inflows: ['rd_flow', 'spill_in'], outflows: ['depreciation'] }),
    v('talent', 'stock', '10', { inflows: ['talent_in'] }),
    v('formation', 'flow', 'formation_rate * talent * effect_k'),
    v('certification', 'flow', 'sme * cert_rate * capability'),
    v('lapse', 'flow', 'hte / cert_life * (1 - renewal)'),
    v('rd_flow', 'flow', 'rd_spend * rd_eff'),
    v('spill_in', 'flow', 'SUM(dist_w[node, src] * knowledge[src]) * spill_rate * (1 + corridor)'),
    v('depreciation', 'flow', 'knowledge * dep_rate'),
    v('talent_in', 'flow', 'talent * attract * (attractiveness / MEAN(attractiveness[*]) - 1 + growth)'),
    v('effect_k', 'aux', 'MIN(2, knowledge / INIT(knowledge)) ^ 0.3'),
    v('capability', 'aux', 'rd_intensity / (rd_intensity + 0.02)'),
    v('rd_spend', 'aux', 'ent_rd + public_rd'),
    v('ent_rd', 'aux', 'hte * rd_per_hte'),
    v('public_rd', 'aux', 'gdp * public_share + STEP(lever, 2022)'),
    v('gdp', 'aux', 'gdp0 * EXP(gdp_growth * (TIME - 2015)) + knowledge * 0.01'),
    v('rd_intensity', 'aux', 'rd_spend / gdp'),
    v('attractiveness', 'aux', 'SMTH1(hte / talent, 3)'),
    v('dist_w', 'aux', 'IF_THEN_ELSE(node == src, 0, 1 / (1 + ABS(node - src)))', { dims: ['node', 'src'] }),
    v('formation_rate', 'aux', '0.08'), v('cert_rate', 'aux', '0.1'), v('cert_life', 'aux', '3'),
    v('renewal', 'aux', '0.7'), v('rd_eff', 'aux', '0.9'), v('spill_rate', 'aux', '0.001'),
    v('corridor', 'aux', '0'), v('dep_rate', 'aux', '0.1'), v('attract', 'aux', '0.02'),
    v('growth', 'aux', '0.01'), v('rd_per_hte', 'aux', '0.3'), v('public_share', 'aux', '0.005'),
    v('lever', 'aux', '0'), v('gdp0', 'aux', '1000'), v('gdp_growth', 'aux', '0.06'),
  ];
  return {
    name: `arrayed-${nodes}`,
    sim: { start: 2015, stop: 2035, dt: 0.25 },
    dimensions: [{ name: 'node', elements }, { name: 'src', elements: [], aliasOf: 'node' }],
    variables,
  };
}
