// The regional model as a ModelSpec (plain data, equations as text), generated from the
// parameter registry. Arrays run over the `node` dimension; `src` is its alias, so a 2-D
// variable w[node, src] sums over the other nodes with SUM(w[node, src] * x[src]).
//
// Structure (DESIGN.md, refined with src/model/chengyu/data/README.md's literature):
//   S&T SMEs (pipeline) --certification--> high-tech enterprises (HTE) --lapse/exit-->
//   formation = propensity × talent × innovation^e × technology absorbed^e (+ co-built parks)
//   knowledge = perpetual inventory of R&D (depreciation 15 %/yr); innovation index =
//     own effective knowledge^0.85 × distance-decayed spillovers^0.025 (Bottazzi & Peri)
//   R&D = enterprise (per HTE) + other (share of GDP) + extra public + science-city spending
//   technology contracts = conversion × knowledge × market access (gravity; R&D in the core,
//     commercialisation around it); GDP = exogenous trend + HTE value added.
// Every lever enters through a constant `lever_<id>_<field>`; at its default every lever term
// is exactly zero (or one, as a factor), so the baseline is unchanged bit for bit.
import type { ModelSpec, VariableSpec } from '../engine/types.ts';
import type { ParameterSpec } from './parameter-types.ts';
import { PARAMETERS } from './parameters.ts';
import { NODE_IDS, REGIONS } from './nodes.ts';
import { defaultLeverConstants } from '../scenario/levers.ts';
import { LEVERS } from '../scenario/levers.ts';
import calibration from './calibration.json' with { type: 'json' };
import { chengyuLabel } from './labels.ts';

/**
 * Model time settings: 2015–2035, steps of 1/8 year (Euler; converged to within 1 % of the
 * enterprise counts, docs/model.md "Numerics"), yearly saves. Time Y is the end of year Y: a
 * stock (or a level marked `save: 'instant'`) reports its end-of-year value, a rate its mean over
 * the year, i.e. the year's flow (GDP, R&D, contracts, cost of year Y); 2015, the first point,
 * reports the rates at the end of 2015.
 */
export const CHENGYU_SIM = { start: 2015, stop: 2035, dt: 0.125, saveStep: 1, method: 'euler', timeUnits: 'year', saveMode: 'interval-mean' } as const;

const N = ['node'];
const NS = ['node', 'src'];

function num(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`non-finite parameter value ${v}`);
  return String(v);
}

/** The constant variable of a registry parameter, with an optional value override. */
function constantOf(p: ParameterSpec, override?: number): VariableSpec {
  const doc = `${p.doc} [${p.provenance.kind}]`;
  if (typeof p.value === 'number') {
    return { name: p.id, kind: 'aux', equation: num(override ?? p.value), units: p.unit, doc };
  }
  const keys = Object.keys(p.value);
  const twoD = keys[0].includes(',');
  return {
    name: p.id,
    kind: 'aux',
    dims: twoD ? NS : N,
    equation: Object.fromEntries(keys.map((k) => [k, num((p.value as Record<string, number>)[k])])),
    units: p.unit,
    doc,
  };
}

/** Saturating response to a 0–1 intensity x: 0 at 0, 1 at 1, concave. */
const response = (x: string) => `(1 - EXP(-lever_response_curvature * ${x})) / (1 - EXP(-lever_response_curvature))`;
/**
 * Link weight between two nodes once a lever acts: border × distance decay, with the border
 * discount removed by coordination and the decay blended linearly between no and full corridor
 * (`<m>_decay_none` plus the corridor effect times `<m>_decay_gain`).
 */
const linkBlend = (m: string) =>
  `(border_none[node, src] + border_gain[node, src] * coordination_effect) * (${m}_decay_none[node, src] + corridor_effect * ${m}_decay_gain[node, src])`;
/** The link weight: the blend once a lever acts, before that the constant `<m>_base`. */
const linkWeight = (m: string) => `IF_THEN_ELSE(links_active, ${linkBlend(m)}, ${m}_base)`;
/** SUM over the other nodes of the link weight `w` times `x` there. */
const linkSum = (w: string, x: string) => `SUM(${w}[node, src] * ${x}[src])`;
/**
 * 1 from the lever's start year on: time Y − 1 is the start of year Y (time Y is its end), so the
 * lever acts over the whole of year Y. Reported rates are year means (sim.saveMode), so the value
 * reported for year Y − 1 (the mean over (Y − 2, Y − 1]) stays untouched.
 */
const on = (id: string) => `STEP(1, lever_${id}_start_year - year_start_offset)`;

const v = (
  name: string,
  kind: VariableSpec['kind'],
  dims: string[] | undefined,
  equation: string,
  units: string,
  doc: string,
  extra: Partial<VariableSpec> = {},
): VariableSpec => ({ name, kind, ...(dims ? { dims } : {}), equation, units, doc, ...extra });

/** The model's dynamic variables (everything but registry constants and lever inputs). */
/** A section marker inside the variable list (for the generated documentation). */
interface SectionMark {
  section: string;
  title: string;
}
const section = (id: string, title: string): SectionMark => ({ section: id, title });

/** A documentation section of the model: its id, title and variables. */
export interface ModelSection {
  id: string;
  title: string;
  variables: VariableSpec[];
}

/** The dynamic variables grouped by section, in model order. */
export function modelSections(): ModelSection[] {
  const out: ModelSection[] = [];
  for (const item of dynamicVariables()) {
    if ('section' in item) out.push({ id: item.section, title: item.title, variables: [] });
    else out[out.length - 1].variables.push(item);
  }
  return out;
}

function dynamicVariables(): (VariableSpec | SectionMark)[] {
  const out: (VariableSpec | SectionMark)[] = [
    section('levers', 'Levers: activation, delays, diminishing returns'),
    v('sci_spend', 'aux', undefined, `lever_science_city_investment * ${on('science_city')}`, '1e8 CNY/year', 'Joint Western Science City investment being spent (counts as R&D where built).'),
    v('facility_completion', 'flow', undefined, 'DELAY3(sci_spend, science_construction_time)', '1e8 CNY/year', 'Facilities completed: spending through a third-order construction delay.'),
    v('facility_retirement', 'flow', undefined, 'facility * facility_depreciation', '1e8 CNY/year', 'Facilities wearing out.'),
    v('facility', 'stock', undefined, '0', '1e8 CNY', 'Completed science-city facility capital.', { inflows: ['facility_completion'], outflows: ['facility_retirement'], nonNegative: true }),
    // The responses depend on constants only, so the engine computes them once per run; only
    // the cheap switch-on and smoothing below run every step.
    v('corridor_response', 'aux', undefined, response('lever_corridor_integration'), '1', 'Saturating response to the corridor integration level (constant during a run).'),
    v('coordination_response', 'aux', undefined, response('lever_coordination_level'), '1', 'Saturating response to the coordination level (constant during a run).'),
    v('transfer_response', 'aux', undefined, response('lever_transfer_level'), '1', 'Saturating response to the transfer-reform level (constant during a run).'),
    v('corridor_effect', 'aux', undefined, `SMTH1(corridor_response * ${on('corridor')}, corridor_build_time)`, '1', 'Effective corridor integration (0–1), built up over time.'),
    v('coordination_effect', 'aux', undefined, `SMTH1(coordination_response * ${on('coordination')}, coordination_build_time)`, '1', 'Effective coordination (0–1).'),
    v('transfer_effect', 'aux', undefined, `SMTH1(transfer_response * ${on('transfer')}, transfer_build_time)`, '1', 'Effective technology-transfer reform (0–1).'),
    v('rd_support_share', 'aux', undefined, `SMTH1(lever_rd_support_extra_share_gdp / percent * ${on('rd_support')}, rd_budget_ramp_time)`, '1', 'Extra public R&D as a share of GDP, ramped in.'),
    v('park_capacity', 'aux', undefined, '1 - EXP(-lever_parks_count / park_saturation_count)', '1', 'Diminishing-returns capacity of the co-built parks (0 with no park).'),
    v('park_incentive', 'aux', undefined, 'park_capacity * lever_parks_origin_share * (1 - lever_parks_origin_share) / (park_pilot_share * (1 - park_pilot_share))', '1', 'Park capacity times the joint willingness of origin and host: both must gain, so it peaks at the 50:50 pilot rule.'),
    v('park_shift', 'aux', undefined, `SMTH1(park_max_shift * park_incentive * ${on('parks')}, park_build_time)`, '1', "Share of the cores' SME formation moved to co-built parks."),
    v('duplication_factor', 'aux', undefined, '(1 - duplication_loss * (1 - coordination_effect)) / (1 - duplication_loss)', '1', 'Effort recovered from duplicated competition (1 at baseline).'),

    section('geography', 'Geography: distance, corridor, border'),
    // The distance decay is blended linearly between no and full corridor (the decays at both
    // ends hold constants only, so the engine computes them once per run); the link weights
    // change only while the corridor and coordination effects do (the engine recomputes them
    // only then).
    v('full_corridor_dist', 'aux', NS, 'dist_km[node, src] * (1 - corridor_distance_cut * on_rail[node] * on_rail[src])', 'km', 'Effective distance at full corridor integration: the corridor shortens it between rail nodes.'),
    v('border_none', 'aux', NS, 'same_province + (1 - same_province) * border_factor', '1', 'Cross-province discount without coordination (1 within a province).'),
    v('border_gain', 'aux', NS, '1 - border_none', '1', 'Part of the cross-province discount that full coordination removes (constant).'),
    v('spill_decay_none', 'aux', NS, '(dist_km[node, src] > 0) * EXP(-dist_km[node, src] / spillover_decay_km)', '1', 'Distance decay of spillovers without the corridor (0 within a node: own knowledge is not a spillover).'),
    v('spill_decay_full', 'aux', NS, '(dist_km[node, src] > 0) * EXP(-full_corridor_dist / spillover_decay_km)', '1', 'Distance decay of spillovers at full corridor integration.'),
    v('reach_decay_none', 'aux', NS, 'EXP(-dist_km[node, src] / transfer_decay_km)', '1', 'Distance decay of technology trade without the corridor (1 within a node).'),
    v('reach_decay_full', 'aux', NS, 'EXP(-full_corridor_dist / transfer_decay_km)', '1', 'Distance decay of technology trade at full corridor integration.'),
    v('spill_decay_gain', 'aux', NS, 'spill_decay_full - spill_decay_none', '1', 'What full corridor integration adds to the spillover decay (constant).'),
    v('reach_decay_gain', 'aux', NS, 'reach_decay_full - reach_decay_none', '1', 'What full corridor integration adds to the technology-trade decay (constant).'),
    v('spill_base', 'aux', NS, 'border_none * spill_decay_none', '1', 'Spillover weight without corridor and coordination (constant).'),
    v('reach_base', 'aux', NS, 'border_none * reach_decay_none', '1', 'Technology-trade weight without corridor and coordination (constant).'),
    v('links_active', 'aux', undefined, 'corridor_effect + coordination_effect > 0', '1', '1 once the corridor or coordination acts (before, the link weights are their constant base).'),
    v('spill_weight', 'aux', NS, linkWeight('spill'), '1', "Weight of another node's knowledge in this node's spillover pool: border discount (removed by coordination) × distance decay (blended linearly between no and full corridor by the corridor effect)."),
    v('reach', 'aux', NS, linkWeight('reach'), '1', 'Gravity weight of technology trade between two nodes (1 within a node), built like the spillover weight.'),

    section('gdp', 'GDP'),
    v('gdp_growth', 'aux', undefined, 'gdp_growth_early + (gdp_growth_late - gdp_growth_early) * MIN(1, MAX(0, (TIME - gdp_slowdown_start) / (gdp_slowdown_end - gdp_slowdown_start)))', '1/year', 'Trend nominal GDP growth, declining linearly after the slowdown starts.'),
    v('gdp_2015_province', 'aux', N, 'in_sichuan * gdp_2015_sichuan + in_chongqing * gdp_2015_chongqing', '1e8 CNY/year', "The node's province GDP in 2015 (after the 2019 census revision)."),
    v('gdp_trend_growth', 'flow', N, 'gdp_trend * gdp_growth', '1e8 CNY/year/year', 'Growth of trend GDP.'),
    v('firm_scale', 'aux', undefined, 'EXP(firm_nominal_growth * (TIME - anchor_year))', '1', 'Per-firm nominal scale relative to 2018.'),
    v('price_level', 'aux', undefined, 'EXP(inflation * (TIME - anchor_year))', '1', 'Price level relative to 2018 (deflates knowledge and GDP to real terms).'),
    v('hte_anchor', 'aux', N, 'hte_share_of_group * (in_chengdu_city * hte_2018_chengdu_city + in_sichuan_other * (hte_2018_sichuan - hte_2018_chengdu_city) + in_chongqing * hte_2018_chongqing)', 'enterprise', 'Observed 2018 enterprises of the node (Table 2 split like the initial state): the size reference of the per-firm figures.', { save: 'instant' }),
    v('hte_size_weighted', 'aux', N, 'hte_anchor * XIDZ(hte, hte_anchor, 0) ^ (1 - firm_size_dilution)', 'enterprise', 'Enterprises in 2018-firm equivalents: newly certified firms are smaller than incumbents.', { save: 'instant' }),
    v('hte_value_added', 'aux', N, 'hte_size_weighted * hte_output_per_firm_2018 * value_added_ratio * firm_scale', '1e8 CNY/year', 'GDP produced by high-tech enterprises (the innovation-driven part).'),
    v('gdp_trend', 'stock', N, 'gdp_2015_province * gdp_share - INIT(hte_value_added)', '1e8 CNY/year', 'GDP outside high-tech enterprises (exogenous trend), from the 2015 level.', { inflows: ['gdp_trend_growth'] }),
    v('gdp_rate', 'aux', N, 'gdp_trend + hte_value_added', '1e8 CNY/year', 'GDP of the node at this instant (yearly rate).'),
    v('gdp', 'aux', N, 'gdp_rate', '1e8 CNY/year', 'GDP of the node; reported per year as the mean rate over the year, i.e. the year\'s GDP.'),
    v('real_gdp', 'aux', N, 'gdp_rate / price_level', '1e8 CNY/year', 'GDP of the node at 2018 prices.'),

    section('rd', 'R&D expenditure and intensity'),
    v('rd_other_share', 'aux', N, 'in_sichuan * rd_other_share_sichuan + in_chongqing * rd_other_share_chongqing', '1', 'Non-HTE R&D share of GDP in the node\'s province.'),
    v('rd_enterprise', 'aux', N, 'rd_per_hte_2018 * firm_scale * hte_size_weighted', '1e8 CNY/year', 'R&D of high-tech enterprises.'),
    v('rd_other', 'aux', N, 'rd_other_share * gdp_rate', '1e8 CNY/year', 'R&D of public institutes, universities and other firms.'),
    v('rd_extra', 'aux', N, 'rd_support_share * gdp_rate', '1e8 CNY/year', 'Extra public R&D (rd_support lever).'),
    v('rd_science_city', 'aux', N, 'sci_spend * sci_host_share', '1e8 CNY/year', 'Science-city spending counted as R&D where it is built.'),
    v('rd_expenditure', 'aux', N, 'rd_enterprise + rd_other + rd_extra + rd_science_city', '1e8 CNY/year', 'Total R&D expenditure.'),
    v('rd_intensity', 'aux', N, 'percent * rd_expenditure / gdp_rate', 'percent', 'R&D intensity of the node (percent of GDP).'),

    section('knowledge', 'Knowledge stock, spillovers, innovation'),
    v('knowledge_input', 'aux', N, '(rd_enterprise + rd_other + rd_extra) * duplication_factor', '1e8 CNY/year', 'R&D that adds to knowledge (facility spending enters as built capacity instead).'),
    v('knowledge_investment', 'flow', N, 'knowledge_input', '1e8 CNY/year', 'Inflow to the knowledge stock.'),
    v('knowledge_obsolescence', 'flow', N, 'knowledge * knowledge_depreciation', '1e8 CNY/year', 'Depreciation of knowledge.'),
    v('knowledge', 'stock', N, 'knowledge_input / (knowledge_depreciation + rd_pre_growth)', '1e8 CNY', 'R&D knowledge stock (perpetual inventory; initial R₀/(g + δ)).', { inflows: ['knowledge_investment'], outflows: ['knowledge_obsolescence'], nonNegative: true }),
    v('facility_access', 'aux', N, `(1 - lever_science_city_sharing) * sci_host_share * facility + lever_science_city_sharing * facility * ${linkSum('reach', 'sci_host_share')}`, '1e8 CNY', 'Science-city capacity usable at the node: the host\'s own part plus the open part reached by distance.', { save: 'instant' }),
    v('effective_knowledge', 'aux', N, 'knowledge + facility_knowledge_weight * facility_access', '1e8 CNY', 'Own knowledge plus usable facility capacity.', { save: 'instant' }),
    v('spillover_pool', 'aux', N, linkSum('spill_weight', 'effective_knowledge'), '1e8 CNY', "Other nodes' knowledge weighted by distance decay and border: SUM(spill_weight × effective_knowledge)."),
    v('real_knowledge', 'aux', N, 'effective_knowledge / price_level', '1e8 CNY', 'Effective knowledge at 2018 prices.', { save: 'instant' }),
    v('real_spillover', 'aux', N, 'spillover_pool / price_level', '1e8 CNY', 'Spillover pool at 2018 prices.', { save: 'instant' }),
    v('innovation_index', 'aux', N, '(real_knowledge / INIT(real_knowledge)) ^ own_knowledge_elasticity * (real_spillover / INIT(real_spillover)) ^ spillover_elasticity', '1', 'Innovation output relative to 2015 (Bottazzi–Peri knowledge production): own knowledge ^ elasticity × spillovers ^ elasticity.', { save: 'instant' }),

    section('transfer', 'Technology transfer (gravity)'),
    v('conversion', 'aux', N, '(in_chengdu_city * conversion_sichuan + in_sichuan_other * conversion_sichuan * conversion_sichuan_other_factor + in_chongqing * conversion_chongqing) * (1 + transfer_max_gain * transfer_effect)', '1/year', 'Conversion capability of knowledge into traded technology.'),
    v('seller_capacity', 'aux', N, 'conversion * effective_knowledge', '1e8 CNY/year', 'Technology the node can sell per unit of market access.'),
    v('enterprises', 'aux', N, 'hte + sme', 'enterprise', 'Firms able to absorb technology.', { save: 'instant' }),
    v('enterprises_circle', 'aux', undefined, 'SUM(enterprises[:])', 'enterprise', 'Firms in the whole circle.', { save: 'instant' }),
    v('buyer_share', 'aux', N, `XIDZ(enterprises, INIT(enterprises), 0) ^ absorptive_elasticity * INIT(enterprises) / INIT(enterprises_circle)`, '1', "Absorptive capacity: the node's 2015 share of the circle's firms, grown with its firms (diminishing returns)."),
    v('gdp_circle_index', 'aux', undefined, 'SUM(gdp_rate[:]) / INIT(SUM(gdp_rate[:]))', '1', 'Circle GDP relative to 2015 (proxy for the growth of the outside market).'),
    v('market_access', 'aux', N, `external_market_weight * gdp_circle_index + ${linkSum('reach', 'buyer_share')}`, '1', 'Buyers reachable from the node: outside the circle plus distance-weighted buyers inside (SUM(reach × buyer_share)).'),
    v('tech_potential', 'aux', N, 'seller_capacity * market_access', '1e8 CNY/year', 'Turnover the gravity term alone would give (before the market saturates).'),
    v('tech_potential_province', 'aux', N, 'in_sichuan * SUM(tech_potential[:] * in_sichuan[:]) + in_chongqing * SUM(tech_potential[:] * in_chongqing[:])', '1e8 CNY/year', "Potential turnover of the node's province."),
    v('gdp_province', 'aux', N, 'in_sichuan * SUM(gdp_rate[:] * in_sichuan[:]) + in_chongqing * SUM(gdp_rate[:] * in_chongqing[:])', '1e8 CNY/year', "GDP of the node's province."),
    v('tech_saturation', 'aux', N, 'tech_turnover_ceiling * gdp_province / (tech_turnover_ceiling * gdp_province + tech_potential_province)', '1', "Saturation of the province's technology market: turnover / GDP approaches the ceiling as potential / GDP grows (1 − saturation = the share of potential not realised)."),
    v('tech_contracts', 'aux', N, 'tech_potential * tech_saturation', '1e8 CNY/year', 'Technology-contract turnover registered at the node (seller side); summed over a province it equals ceiling × GDP × P / (ceiling × GDP + P) for potential P.'),
    v('seller_sales', 'aux', N, 'seller_capacity * tech_saturation', '1e8 CNY/year', 'Technology the node sells per unit of market access after saturation.'),
    v('tech_absorbed', 'aux', N, `buyer_share * ${linkSum('reach', 'seller_sales')}`, '1e8 CNY/year', 'Technology bought by the node from sellers in the circle (saturated like the sellers\' turnover): buyer share × SUM(reach × seller_sales).'),
    v('absorbed_per_firm', 'aux', N, 'XIDZ(tech_absorbed / price_level, enterprises, 0)', '1e8 CNY/year/enterprise', 'Real technology absorbed per firm.'),
    v('absorbed_ratio', 'aux', N, 'XIDZ(absorbed_per_firm, INIT(absorbed_per_firm), 1)', '1', 'Real technology absorbed per firm relative to 2015.'),
    v('transfer_push', 'aux', N, 'absorbed_ratio ^ transfer_formation_elasticity', '1', 'Push of absorbed technology on SME formation (1 in 2015).'),

    section('talent', 'Talent'),
    v('attractiveness_mean', 'aux', undefined, 'XIDZ(SUM(talent[:] * innovation_index[:]), SUM(talent[:]), 1)', '1', 'Talent-weighted mean innovation index of the circle.'),
    v('talent_mobility', 'aux', N, '1 + corridor_mobility_gain * corridor_effect * on_rail', '1', 'Mobility of talent; the corridor raises it on the rail lines (siphon effect).'),
    v('talent_growth_rate', 'aux', N, 'talent_growth_base + talent_duplication_loss * coordination_effect + talent_attraction * talent_mobility * (innovation_index / attractiveness_mean - 1)', '1/year', 'Talent growth: base, recovered duplication loss, attraction to faster-innovating nodes.'),
    v('talent_change', 'flow', N, 'talent * talent_growth_rate', 'person/year', 'Net change of S&T talent.'),
    v('talent', 'stock', N, 'talent_per_hte * hte_initial', 'person', 'S&T talent.', { inflows: ['talent_change'], nonNegative: true }),

    section('policy', 'Certification policy (exogenous, sourced; holds its last value after the data end)'),
    v('rd_deduction_rate', 'aux', undefined, 'TIME', '1', 'R&D super-deduction rate open to certifiable firms in year Y (it applies over [Y − 1, Y)): 50 % through 2017, 75 % from 2018, 100 % for manufacturers from 2021 (about half of the certifiable firms: 87.5 % on average), 100 % for small tech firms from 2022; held at 100 % afterwards (src/model/chengyu/data/README.md, policy context).', { gf: { xs: [2014, 2017, 2020, 2021], ys: [0.5, 0.75, 0.875, 1], type: 'discrete' } }),
    v('deduction_ratio', 'aux', undefined, 'SMTH1(rd_deduction_rate / rd_deduction_rate_2015, policy_response_time)', '1', 'The super-deduction relative to 2015, as firms respond to it (first-order adjustment).'),
    v('certification_incentive', 'aux', undefined, 'deduction_ratio ^ certification_incentive_elasticity', '1', 'Push of the tax incentives on applications for certification (1 in 2015).'),

    section('enterprises', 'S&T SMEs, certification and the three-year certificate'),
    v('formation_propensity', 'aux', N, 'in_chengdu_city * formation_propensity_chengdu_city + in_sichuan_other * formation_propensity_sichuan_other + in_chongqing * formation_propensity_chongqing', 'enterprise/person/year', 'SME formation per talent (calibrated per Table-2 group).'),
    v('local_formation', 'aux', N, 'formation_propensity * talent * innovation_index ^ formation_knowledge_elasticity * transfer_push * duplication_factor', 'enterprise/year', 'SMEs the node forms by itself: talent × innovation ^ elasticity × absorbed technology.'),
    v('parks_moved', 'aux', undefined, 'park_shift * SUM(is_core[:] * local_formation[:])', 'enterprise/year', "Cores' formation steered to co-built parks."),
    v('host_weight', 'aux', N, 'ZIDZ(is_noncore_zone * talent, SUM(is_noncore_zone[:] * talent[:]))', '1', 'Share of park formation each non-core zone hosts (by its talent).'),
    v('qualifying_capacity', 'aux', N, 'qualifying_firms_per_gdp * real_gdp', 'enterprise', 'Firms that could qualify for certification (S&T SMEs and certified firms) the node\'s economy can hold: the ceiling of the finite pool.', { save: 'instant' }),
    v('pool_room', 'aux', N, 'MAX(0, 1 - (sme + hte) / qualifying_capacity)', '1', 'Share of that ceiling not yet taken.', { save: 'instant' }),
    v('formation', 'flow', N, '(local_formation * (1 - park_shift * is_core) + park_entry_multiplier * parks_moved * host_weight) * pool_room', 'enterprise/year', 'New S&T SMEs entering the registry (own and park formation), limited by the room left under the ceiling of the pool.', { nonNegative: true }),
    v('extra_rd_intensity', 'aux', N, '(rd_extra + rd_science_city) / gdp_rate', '1', 'R&D the levers add at the node, as a share of its GDP (0 before they act).'),
    v('support_rd_intensity', 'aux', N, 'rd_other_share + extra_rd_intensity', '1', "R&D intensity of the node's supporting system (everything but the certified firms' own R&D)."),
    v('capability', 'aux', N, '(support_rd_intensity / rd_other_share) ^ certification_rd_elasticity', '1', "SMEs' R&D capability relative to 2015, raised by public and supporting R&D."),
    v('certification', 'flow', N, 'sme * certification_rate * capability * certification_incentive', 'enterprise/year', 'First certifications: SMEs in the registry certified as high-tech enterprises.', { nonNegative: true }),
    v('sme_exit', 'flow', N, 'sme * sme_exit_rate', 'enterprise/year', 'SMEs failing.', { nonNegative: true }),
    v('sme_per_hte', 'aux', N, 'in_sichuan * sme_per_hte_sichuan + in_chongqing * sme_per_hte_chongqing', '1', 'Initial pipeline per certified firm.'),
    v('hte_initial', 'aux', N, 'hte_share_of_group * (in_chengdu_city * hte_2015_chengdu_city + in_sichuan_other * hte_2015_sichuan_other + in_chongqing * hte_2015_chongqing)', 'enterprise', 'High-tech enterprises at the end of 2015.', { save: 'instant' }),
    v('certificates_issued', 'aux', N, 'certification + renewal', 'enterprise/year', 'Certificates issued: first certifications and renewals.'),
    v('certificate_survival', 'aux', undefined, 'EXP(-hte_exit_rate * certificate_validity)', '1', 'Share of certified firms that are still there when their certificate ends (exits at hte_exit_rate over its three years).'),
    v('certificates_expiring', 'aux', N, 'DELAY(certificates_issued, certificate_validity, hte_initial / certificate_validity) * certificate_survival', 'enterprise/year', 'Certificates reaching the end of their three years, held by firms that have not exited meanwhile (before 2019, the certificates of 2013–2015 at the 2015 stock\'s even spread).'),
    v('renewal', 'aux', N, 'renewal_probability * certificates_expiring', 'enterprise/year', 'Expiring certificates renewed (the firm stays certified).'),
    v('lapse', 'flow', N, '(1 - renewal_probability) * certificates_expiring', 'enterprise/year', 'Expiring certificates not renewed.', { nonNegative: true }),
    v('lapse_return', 'flow', N, 'lapse_return_share * lapse', 'enterprise/year', 'Firms whose certificate lapsed that stay in the S&T SME registry (they may apply again).', { nonNegative: true }),
    v('hte_exit', 'flow', N, 'hte * hte_exit_rate', 'enterprise/year', 'Certified firms closing, merging or moving away.', { nonNegative: true }),
    v('sme', 'stock', N, 'sme_per_hte * hte_initial', 'enterprise', 'Science-and-technology SMEs in the registry, not yet certified: the pool certification draws on.', { inflows: ['formation', 'lapse_return'], outflows: ['certification', 'sme_exit'], nonNegative: true }),
    v('hte', 'stock', N, 'hte_initial', 'enterprise', 'Certified high-tech enterprises: d(hte)/dt = certification − lapse − exit.', { inflows: ['certification'], outflows: ['lapse', 'hte_exit'], nonNegative: true }),

    section('costs', 'Policy cost'),
    v('policy_cost', 'aux', undefined, `sci_spend + SUM(rd_extra[:]) + corridor_cost_full * lever_corridor_integration * ${on('corridor')} + park_cost * lever_parks_count * ${on('parks')} + coordination_cost_full * lever_coordination_level * ${on('coordination')} + transfer_cost_full * lever_transfer_level * ${on('transfer')}`, '1e8 CNY/year', 'Public money the levers spend per year.'),
    v('policy_spending', 'flow', undefined, 'policy_cost', '1e8 CNY/year', 'Inflow to cumulative cost.'),
    // Who pays: the split of policy_cost by province and by kind of area (its parts sum to it).
    v('park_origin_weight', 'aux', N, 'ZIDZ(is_core * local_formation, SUM(is_core[:] * local_formation[:]))', '1', "Share of the parks' cost side of the origins each core bears (by the formation it sends)."),
    v('park_cost_weight', 'aux', N, `(lever_parks_origin_share * park_origin_weight + (1 - lever_parks_origin_share) * host_weight) * ${on('parks')} * MIN(1, lever_parks_count)`, '1', 'Share of the co-built parks\' cost each node bears: costs shared as the incremental revenue is (origin share to the cores, the rest to the host zones); 0 while no park operates.'),
    v('park_spending', 'aux', N, `park_cost * lever_parks_count * ${on('parks')} * park_cost_weight`, '1e8 CNY/year', 'Co-built park subsidies and infrastructure paid by the node.'),
    v('policy_cost_located', 'aux', N, 'rd_science_city + rd_extra + park_spending', '1e8 CNY/year', 'Lever spending located at the node: science-city facilities, extra public R&D, park costs.'),
    v('policy_cost_joint', 'aux', undefined, `corridor_cost_full * lever_corridor_integration * ${on('corridor')} + coordination_cost_full * lever_coordination_level * ${on('coordination')} + transfer_cost_full * lever_transfer_level * ${on('transfer')}`, '1e8 CNY/year', 'Jointly funded programmes of the two provinces (corridor platform, joint council, transfer reform), run outside the zones.'),
    v('policy_cost_sichuan', 'aux', undefined, 'SUM(policy_cost_located[:] * in_sichuan[:]) + joint_cost_share_sichuan * policy_cost_joint', '1e8 CNY/year', 'Policy spending paid by Sichuan.'),
    v('policy_cost_chongqing', 'aux', undefined, 'SUM(policy_cost_located[:] * in_chongqing[:]) + (1 - joint_cost_share_sichuan) * policy_cost_joint', '1e8 CNY/year', 'Policy spending paid by Chongqing.'),
    v('policy_cost_core', 'aux', undefined, 'SUM(policy_cost_located[:] * is_core[:])', '1e8 CNY/year', 'Policy spending in the two core zones (Chengdu, Chongqing).'),
    v('policy_cost_noncore_zones', 'aux', undefined, 'SUM(policy_cost_located[:] * is_noncore_zone[:])', '1e8 CNY/year', 'Policy spending in the ten non-core national zones.'),
    v('policy_cost_outside_zones', 'aux', undefined, 'SUM(policy_cost_located[:] * (1 - in_zones12[:])) + policy_cost_joint', '1e8 CNY/year', 'Policy spending outside the 12 zones: the hinterland\'s extra R&D and the joint programmes.'),
    v('park_cost_total', 'aux', undefined, 'SUM(park_spending[:])', '1e8 CNY/year', 'Yearly cost of the co-built parks.'),
    v('park_cost_sichuan', 'aux', undefined, 'SUM(park_spending[:] * in_sichuan[:])', '1e8 CNY/year', 'Co-built park cost paid by Sichuan.'),
    v('park_cost_chongqing', 'aux', undefined, 'SUM(park_spending[:] * in_chongqing[:])', '1e8 CNY/year', 'Co-built park cost paid by Chongqing.'),
    v('park_cost_core', 'aux', undefined, 'SUM(park_spending[:] * is_core[:])', '1e8 CNY/year', 'Co-built park cost borne by the core zones (the origins).'),
    v('park_cost_noncore_zones', 'aux', undefined, 'SUM(park_spending[:] * is_noncore_zone[:])', '1e8 CNY/year', 'Co-built park cost borne by the non-core zones (the hosts).'),
    v('policy_cost_cumulative', 'stock', undefined, '0', '1e8 CNY', 'Public money spent by the levers since 2015.', { inflows: ['policy_spending'] }),
  ];
  // Regional aggregates with stable names.
  out.push(section('outputs', 'Regional outputs (stable names)'));
  for (const r of REGIONS) {
    const w = r.id === 'circle' ? '' : ` * in_${r.id}[:]`;
    const sum = (x: string) => `SUM(${x}[:]${w})`;
    const label = r.name_en;
    out.push(
      v(`hte_${r.id}`, 'aux', undefined, sum('hte'), 'enterprise', `High-tech enterprises, ${label} (end of year).`, { save: 'instant' }),
      v(`gdp_${r.id}`, 'aux', undefined, sum('gdp'), '1e8 CNY/year', `GDP, ${label}.`),
      v(`rd_expenditure_${r.id}`, 'aux', undefined, sum('rd_expenditure'), '1e8 CNY/year', `R&D expenditure, ${label}.`),
      v(`rd_intensity_${r.id}`, 'aux', undefined, `percent * rd_expenditure_${r.id} / gdp_${r.id}`, 'percent', `R&D intensity, ${label} (percent of GDP).`),
      v(`tech_contracts_${r.id}`, 'aux', undefined, sum('tech_contracts'), '1e8 CNY/year', `Technology-contract turnover, ${label}.`),
      v(`sme_${r.id}`, 'aux', undefined, sum('sme'), 'enterprise', `S&T SMEs in the registry, not yet certified, ${label} (end of year).`, { save: 'instant' }),
      v(`sme_registry_${r.id}`, 'aux', undefined, `sme_${r.id} + hte_in_registry_share * hte_${r.id}`, 'enterprise', `Firms in the S&T SME registry, ${label}: the uncertified ones and the certified firms small enough to register (the observable of the pool).`, { save: 'instant' }),
    );
  }
  out.push(v('tech_potential_circle', 'aux', undefined, 'SUM(tech_potential[:])', '1e8 CNY/year', 'Potential technology-contract turnover of the circle before saturation (to show what the ceiling holds back).'));
  out.push(v('hte_noncore_zones', 'aux', undefined, 'SUM(hte[:] * is_noncore_zone[:])', 'enterprise', 'High-tech enterprises in the ten non-core national zones (the hosts of co-built parks).', { save: 'instant' }));
  return out;
}

/** Lever inputs as model constants at their defaults (the baseline). */
function leverConstants(): VariableSpec[] {
  const defaults = defaultLeverConstants();
  return LEVERS.flatMap((l) =>
    l.fields.map((f) => {
      const name = `lever_${l.id}_${f.field}`;
      return {
        name,
        kind: 'aux' as const,
        equation: num(defaults[name]),
        units: f.modelUnit,
        doc: `Lever input: ${l.label.en} — ${f.label.en} (${f.min}–${f.max}, default ${f.default}).`,
      };
    }),
  );
}

/** Build the regional model from the registry values (uncalibrated), with optional overrides of scalar parameters. */
export function buildChengyuSpecFrom(params: Record<string, number> = {}): ModelSpec {
  for (const id of Object.keys(params)) {
    const p = PARAMETERS.find((q) => q.id === id);
    if (!p) throw new Error(`buildChengyuSpecFrom: unknown parameter "${id}"`);
    if (typeof p.value !== 'number') throw new Error(`buildChengyuSpecFrom: parameter "${id}" is per node; override it as a run constant "${id}[node]"`);
  }
  return {
    name: 'chengyu',
    sim: { ...CHENGYU_SIM },
    dimensions: [
      { name: 'node', elements: [...NODE_IDS] },
      { name: 'src', elements: [...NODE_IDS], aliasOf: 'node' },
    ],
    variables: [...PARAMETERS.map((p) => constantOf(p, params[p.id])), ...leverConstants(), ...modelSections().flatMap((x) => x.variables)]
      .map((v) => ({ ...v, label: chengyuLabel(v.name) })),
  };
}

/** The committed calibration's fitted values (calibration.json), used by default. */
export const CALIBRATED_VALUES: Readonly<Record<string, number>> = calibration.parameters;

/**
 * The regional model with the committed calibration applied, plus optional overrides of
 * scalar parameters (registry ids). This is the model every scenario runs.
 */
export function buildChengyuSpec(params: Record<string, number> = {}): ModelSpec {
  return buildChengyuSpecFrom({ ...CALIBRATED_VALUES, ...params });
}
