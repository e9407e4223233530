// The parameter registry: every number the regional model's equations use, with its unit,
// plausible range, distribution (where uncertain) and provenance. The equations (equations.ts)
// are generated from this registry; nothing else puts a number into them. Values marked
// `calibrated` are overwritten by calibration.json (committed) when the default model is built.
import type { ParameterSpec } from './parameter-types.ts';
import { NODES, NODE_IDS, GROUPS, distanceMatrix } from './nodes.ts';
import { PARAMETER_LABELS } from './labels.ts';

const README = 'src/model/chengyu/data/README.md';
const PAPER = 'paper';

/** Per-node record from a function of the node id. */
function perNode(f: (id: string) => number): Record<string, number> {
  return Object.fromEntries(NODE_IDS.map((id) => [id, f(id)]));
}

const memberOf = (list: readonly string[]) => perNode((id) => (list.includes(id) ? 1 : 0));
const nodeById = (id: string) => NODES.find((n) => n.id === id)!;

// HTE split inside each Table-2 group, 2018. Chengdu zone: 1578 of Chengdu city's 3113 (Section
// 4.3, Table 2). The other 11 zones hold 2877 − 1578 = 1299 (Table 4); the paper gives no
// per-zone figure, so that 1299 is split by an assumed weight (second core largest, then
// Mianyang's science city, then zones by host-city size), and the hinterland takes the rest.
const OTHER_ZONE_HTE_2018: Record<string, number> = {
  chongqing_zone: 520, mianyang: 185, yongchuan: 95, bishan: 90, deyang: 85, zigong: 70,
  luzhou: 65, leshan: 55, rongchang: 50, panzhihua: 45, neijiang: 39,
};
const GROUP_HTE_2018 = { chengdu_city: 3113, sichuan_other: 4250 - 3113, chongqing: 2430 };
function hteShare(id: string): number {
  if (id === 'chengdu') return 1578 / 3113;
  if (id === 'rest_of_chengdu') return 1 - 1578 / 3113;
  const group = (Object.keys(GROUPS) as (keyof typeof GROUPS)[]).find((g) => (GROUPS[g] as readonly string[]).includes(id))!;
  const zonesInGroup = (GROUPS[group] as readonly string[]).filter((z) => z in OTHER_ZONE_HTE_2018);
  if (id in OTHER_ZONE_HTE_2018) return OTHER_ZONE_HTE_2018[id] / GROUP_HTE_2018[group];
  return 1 - zonesInGroup.reduce((s, z) => s + OTHER_ZONE_HTE_2018[z], 0) / GROUP_HTE_2018[group];
}

// Node GDP as a share of its province's GDP (2018). Chengdu zone: 2285.6 亿元 in 2019 (Section
// 4.2) back-cast one year at 8 % ≈ 2116. Other zones ≈ 0.4 × (zone output share of city,
// Table 5) × approximate 2018 host-city GDP (municipal communiqués, rounded; not in the paper),
// 0.4 being industry's rough share of host-city GDP. Only used to split provincial totals.
const GDP_SHARE_PCT: Record<string, number> = {
  chengdu: 5.2, rest_of_chengdu: 32.5, mianyang: 0.84, deyang: 0.59, leshan: 0.55, zigong: 0.48,
  panzhihua: 0.4, luzhou: 0.58, neijiang: 0.23,
  chongqing_zone: 4.9, yongchuan: 1.49, bishan: 0.75, rongchang: 0.93,
};
function gdpShare(id: string): number {
  if (id in GDP_SHARE_PCT) return GDP_SHARE_PCT[id] / 100;
  const prov = nodeById(id).province;
  const others = NODES.filter((n) => n.province === prov && n.id in GDP_SHARE_PCT);
  return 1 - others.reduce((s, n) => s + GDP_SHARE_PCT[n.id], 0) / 100;
}

/** A node-by-node record ("a,b" keys) from a function of the two node ids. */
function pairs(f: (a: string, b: string) => number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of NODE_IDS) for (const b of NODE_IDS) out[`${a},${b}`] = f(a, b);
  return out;
}

function distance2d(): Record<string, number> {
  const m = distanceMatrix();
  const out: Record<string, number> = {};
  for (const a of NODE_IDS) for (const b of NODE_IDS) out[`${a},${b}`] = m[a][b];
  return out;
}

const src = (ref: string) => ({ kind: 'source' as const, ref });
const assume = (reason: string) => ({ kind: 'assumption' as const, reason });
const calib = (against: string) => ({ kind: 'calibrated' as const, against });
const TABLE2 = 'the high-tech enterprise counts 2015–2022 of calibration-targets.csv (Table 2 for 2015–2018, the paper\'s "2020" count re-dated to 2019, official year-end counts after) and the S&T SME registry 2019–2022';

/** The registry, in documentation order, before its names for readers are attached. */
const REGISTRY: readonly ParameterSpec[] = [
  // ---- structure: node membership and geography ----
  { id: 'in_sichuan', value: perNode((id) => (nodeById(id).province === 'sichuan' ? 1 : 0)), unit: '1', range: [0, 1], provenance: src('zones.csv province column; docs/model.md, Nodes and regions'), doc: '1 if the node belongs to Sichuan province.' },
  { id: 'in_chongqing', value: perNode((id) => (nodeById(id).province === 'chongqing' ? 1 : 0)), unit: '1', range: [0, 1], provenance: src('zones.csv province column; docs/model.md, Nodes and regions'), doc: '1 if the node belongs to Chongqing municipality.' },
  { id: 'in_chengdu_city', value: memberOf(GROUPS.chengdu_city), unit: '1', range: [0, 1], provenance: src('docs/model.md (Nodes and regions): Chengdu city = Chengdu zone + rest of Chengdu'), doc: '1 if the node is part of Chengdu city.' },
  { id: 'in_sichuan_other', value: memberOf(GROUPS.sichuan_other), unit: '1', range: [0, 1], provenance: src('docs/model.md, Nodes and regions (Sichuan minus Chengdu city)'), doc: '1 if the node is in Sichuan outside Chengdu city (Table 2 Sichuan − Chengdu).' },
  { id: 'in_zones12', value: perNode((id) => (nodeById(id).role === 'hinterland' ? 0 : 1)), unit: '1', range: [0, 1], provenance: src('zones.csv (the 12 national zones, Table 5)'), doc: '1 for the 12 national high-tech zones.' },
  { id: 'is_core', value: perNode((id) => (nodeById(id).role === 'core' ? 1 : 0)), unit: '1', range: [0, 1], provenance: src('zones.csv kind = core_nhidz'), doc: '1 for the two core zones (Chengdu, Chongqing), the origins of co-built parks.' },
  { id: 'is_noncore_zone', value: perNode((id) => (nodeById(id).role === 'zone' ? 1 : 0)), unit: '1', range: [0, 1], provenance: src('zones.csv kind = nhidz'), doc: '1 for the ten non-core national zones, the hosts of co-built parks.' },
  { id: 'on_rail', value: perNode((id) => (nodeById(id).onRail ? 1 : 0)), unit: '1', range: [0, 1], provenance: src(`${README} rail lines (HSR, middle line, Chengdu–Mianyang–Leshan); rest_of_chengdu shares Chengdu\'s stations, the other hinterland nodes are off the lines by assumption`), doc: '1 if the node lies on a trunk rail line of the corridor.' },
  { id: 'sci_host_share', value: perNode((id) => (nodeById(id).role === 'core' ? 0.5 : 0)), unit: '1', range: [0, 1], provenance: assume('paper 6.2 names Chongqing Science City and Tianfu Science City as the two hosts; an even split is assumed'), doc: 'Share of the Western Science City built at each node.' },
  { id: 'same_province', value: pairs((a, b) => (nodeById(a).province === nodeById(b).province ? 1 : 0)), unit: '1', range: [0, 1], provenance: src('zones.csv province column'), doc: '1 if both nodes are in the same province (a constant, so the engine does not recompute it each step).' },
  { id: 'dist_km', value: distance2d(), unit: 'km', range: [0, 700], provenance: src(`great-circle distance between zones.csv coordinates (matches ${README} to the km); hinterland points assumed (data/geography.ts)`), doc: 'Distance between two nodes.' },

  // ---- initial state and anchors ----
  { id: 'hte_2015_chengdu_city', value: 1706, unit: 'enterprise', range: [1706, 1706], provenance: src(`${PAPER} Table 2 (Chengdu 2015)`), doc: 'High-tech enterprises in Chengdu city at the end of 2015.' },
  { id: 'hte_2015_sichuan_other', value: 2614 - 1706, unit: 'enterprise', range: [908, 908], provenance: src(`${PAPER} Table 2 (Sichuan 2015 minus Chengdu 2015)`), doc: 'High-tech enterprises in Sichuan outside Chengdu city, end of 2015.' },
  { id: 'hte_2015_chongqing', value: 940, unit: 'enterprise', range: [940, 940], provenance: src(`${PAPER} Table 2 (Chongqing 2015)`), doc: 'High-tech enterprises in Chongqing, end of 2015.' },
  { id: 'hte_share_of_group', value: perNode(hteShare), unit: '1', range: [0, 1], provenance: assume('Chengdu zone 1578/3113 (Section 4.3, Table 2); the other 11 zones share 1299 = 2877 − 1578 (Table 4) by an assumed weight (no per-zone figures in the paper); hinterland = remainder; 2018 shares applied to 2015'), doc: "Node's share of its Table-2 group's enterprises." },
  { id: 'hte_2018_chengdu_city', value: 3113, unit: 'enterprise', range: [3113, 3113], provenance: src(`${PAPER} Table 2 (Chengdu 2018)`), doc: 'Chengdu city high-tech enterprises 2018; the size reference of the per-firm R&D and output figures.' },
  { id: 'hte_2018_sichuan', value: 4250, unit: 'enterprise', range: [4250, 4250], provenance: src(`${PAPER} Table 2 (Sichuan 2018)`), doc: 'Sichuan high-tech enterprises 2018; used to separate their value added from the GDP anchor.' },
  { id: 'hte_2018_chongqing', value: 2430, unit: 'enterprise', range: [2430, 2430], provenance: src(`${PAPER} Table 2 (Chongqing 2018)`), doc: 'Chongqing high-tech enterprises 2018; used to separate their value added from the GDP anchor.' },
  { id: 'gdp_2015_sichuan', value: 31000, unit: '1e8 CNY/year', range: [28000, 34000], provenance: calib('GDP and R&D intensity of Sichuan 2016–2022 (official figures on the post-2019-census basis); prior range around 502.9 亿元 of R&D (2015, implied by the 2016 bulletin) at 1.5–1.8 % intensity'), doc: 'Sichuan GDP in 2015 on the post-census basis.' },
  { id: 'gdp_2015_chongqing', value: 16000, unit: '1e8 CNY/year', range: [14500, 18500], provenance: calib('GDP and R&D intensity of Chongqing 2018–2022 (official figures on the post-census basis)'), doc: 'Chongqing GDP in 2015 on the post-census basis.' },
  { id: 'gdp_share', value: perNode(gdpShare), unit: '1', range: [0, 1], provenance: assume('Chengdu zone from its 2019 GDP (Section 4.2); other zones ≈ 0.4 × output share of city (Table 5) × approximate host-city GDP (not in the paper); hinterland = remainder. Splits provincial GDP only'), doc: "Node's share of its province's GDP." },
  { id: 'anchor_year', value: 2018, unit: 'year', range: [2018, 2018], provenance: src(`${PAPER}: 2018 is the year of the R&D, GDP, Table 3/4 and contract figures`), doc: 'Year the per-firm figures and GDP are anchored to.' },
  { id: 'year_start_offset', value: 1, unit: 'year', range: [1, 1], provenance: src('time convention (docs/model.md, Time convention): the value at time Y is the end of year Y, so year Y\'s flows fall in (Y−1, Y]'), doc: 'A lever starting in year Y switches on at time Y − 1.' },
  { id: 'percent', value: 100, unit: '1', range: [100, 100], provenance: src('unit conversion'), doc: 'Percent per unit share.' },

  // ---- GDP ----
  { id: 'gdp_growth_early', value: 0.09, unit: '1/year', range: [0.06, 0.12], provenance: calib('official GDP of Sichuan and Chongqing 2019–2022 (nominal; the pandemic years 2020 and 2022 lie below the trend, 2021 above)'), doc: 'Trend nominal GDP growth up to the slowdown.' },
  { id: 'gdp_growth_late', value: 0.05, unit: '1/year', range: [0.03, 0.07], distribution: { type: 'triangular', min: 0.03, mode: 0.05, max: 0.07 }, provenance: assume('nominal growth converging towards a mature economy by 2035'), doc: 'Trend nominal GDP growth reached at the end of the slowdown.' },
  { id: 'gdp_slowdown_start', value: 2020, unit: 'year', range: [2019, 2022], provenance: assume('growth slows from 2020 (pandemic, structural slowdown)'), doc: 'Year trend growth starts to decline.' },
  { id: 'gdp_slowdown_end', value: 2035, unit: 'year', range: [2030, 2040], provenance: assume('linear decline over the projection horizon'), doc: 'Year trend growth reaches its late value.' },
  { id: 'hte_output_per_firm_2018', value: (6179.8 + 7414.9) / (4250 + 2430), unit: '1e8 CNY/year/enterprise', range: [1.45, 3.05], provenance: src(`${PAPER} Table 3: HTE industrial output (6179.8 + 7414.9 亿元) / enterprises (4250 + 2430)`), doc: 'Gross industrial output per high-tech enterprise, 2018.' },
  { id: 'value_added_ratio', value: 0.25, unit: '1', range: [0.18, 0.32], distribution: { type: 'uniform', min: 0.18, max: 0.32 }, provenance: assume('typical value added / gross output of Chinese high-tech manufacturing'), doc: 'Share of HTE gross output that is GDP.' },
  { id: 'firm_nominal_growth', value: 0.02, unit: '1/year', range: [0, 0.05], distribution: { type: 'uniform', min: 0, max: 0.05 }, provenance: assume('nominal growth of output and R&D per firm: prices and firm growth, largely offset by the smaller size of the many newly certified firms'), doc: 'Growth of per-firm value added and R&D.' },
  { id: 'firm_size_dilution', value: 0.5, unit: '1', range: [0, 0.95], provenance: calib('R&D expenditure of Sichuan and Chongqing 2015–2022 against their enterprise counts: Sichuan\'s count rose 42 % in 2022 while its R&D grew by 0.5 亿元 (src/model/chengyu/data/README.md), so firms certified under the incentives carry little R&D'), doc: 'Size dilution of enterprise R&D and value added as the count grows: they grow with the count to the power 1 − d.' },
  { id: 'inflation', value: 0.02, unit: '1/year', range: [0.01, 0.03], distribution: { type: 'uniform', min: 0.01, max: 0.03 }, provenance: assume('GDP deflator of about 2 %/yr'), doc: 'Price growth used to deflate the knowledge stock.' },

  // ---- R&D ----
  { id: 'rd_per_hte_2018', value: (179.4 + 163.1) / 2877, unit: '1e8 CNY/year/enterprise', range: [0.08, 0.16], distribution: { type: 'uniform', min: 0.08, max: 0.16 }, provenance: src(`${PAPER} Section 4.3 (zone enterprise R&D 179.4 + 163.1 亿元) / Table 4 (2877 HTE in the 12 zones)`), doc: 'Enterprise R&D per high-tech enterprise, 2018.' },
  { id: 'rd_other_share_sichuan', value: 0.0057, unit: '1', range: [0.002, 0.012], provenance: calib('R&D expenditure and intensity of Sichuan (calibration-targets.csv)'), doc: 'R&D of everyone but high-tech enterprises (public institutes, universities, other firms) as a share of GDP, Sichuan.' },
  { id: 'rd_other_share_chongqing', value: 0.0059, unit: '1', range: [0.002, 0.012], provenance: calib('R&D expenditure and intensity of Chongqing (calibration-targets.csv)'), doc: 'R&D of everyone but high-tech enterprises as a share of GDP, Chongqing.' },
  { id: 'knowledge_depreciation', value: 0.15, unit: '1/year', range: [0.05, 0.3], distribution: { type: 'triangular', min: 0.05, mode: 0.15, max: 0.3 }, provenance: src('Hall (2007), NBER w13473: 15 %/yr convention, estimates ~0–50 %'), doc: 'Depreciation of the R&D knowledge stock.' },
  { id: 'rd_pre_growth', value: 0.12, unit: '1/year', range: [0.08, 0.16], distribution: { type: 'uniform', min: 0.08, max: 0.16 }, provenance: assume('nominal R&D growth in both provinces before 2015; sets the initial stock R₀/(g + δ) (Hall 2007 method)'), doc: 'Pre-sample R&D growth for the initial knowledge stock.' },
  { id: 'own_knowledge_elasticity', value: 0.85, unit: '1', range: [0.8, 0.9], distribution: { type: 'uniform', min: 0.8, max: 0.9 }, provenance: src('Bottazzi & Peri, European Economic Review (2003): 0.8–0.9'), doc: 'Elasticity of innovation output to own knowledge.' },
  { id: 'spillover_elasticity', value: 0.025, unit: '1', range: [0.02, 0.03], distribution: { type: 'uniform', min: 0.02, max: 0.03 }, provenance: src('Bottazzi & Peri (2003): 0.02–0.03'), doc: "Elasticity of innovation output to other nodes' distance-weighted knowledge." },
  { id: 'spillover_decay_km', value: 120, unit: 'km', range: [60, 250], distribution: { type: 'triangular', min: 60, mode: 120, max: 250 }, provenance: src('Bottazzi & Peri (2003): spillovers only within ~300 km (200 km in the working paper); exp(−300/120) ≈ 8 %'), doc: 'Distance scale of knowledge spillovers.' },
  { id: 'transfer_decay_km', value: 200, unit: 'km', range: [100, 400], distribution: { type: 'triangular', min: 100, mode: 200, max: 400 }, provenance: assume('technology markets reach further than tacit spillovers; Deng et al. (2019) find zone effects within ~300 km'), doc: 'Distance scale of the technology-contract gravity term.' },
  { id: 'border_factor', value: 0.5, unit: '1', range: [0.3, 0.8], distribution: { type: 'uniform', min: 0.3, max: 0.8 }, provenance: assume('paper 5.5: no joint body, "competition outweighs cooperation" between the two provinces; flows across the border are assumed halved'), doc: 'Weight of cross-province spillovers and transfer relative to within-province.' },
  { id: 'duplication_loss', value: 0.05, unit: '1', range: [0, 0.1], distribution: { type: 'uniform', min: 0, max: 0.1 }, provenance: assume('paper 5.5: duplicated platform building; share of R&D and formation effort wasted'), doc: 'Share of R&D and enterprise formation lost to duplicated competition at coordination 0.' },
  { id: 'facility_knowledge_weight', value: 1, unit: '1', range: [0.5, 1.5], distribution: { type: 'uniform', min: 0.5, max: 1.5 }, provenance: assume('one 亿元 of completed facility counts like one 亿元 of R&D capital'), doc: 'Knowledge value of science-city facility capital.' },
  { id: 'science_construction_time', value: 4, unit: 'year', range: [3, 6], distribution: { type: 'uniform', min: 3, max: 6 }, provenance: assume('major research facilities take 3–6 years to build'), doc: 'Mean construction delay (third order) of science-city facilities.' },
  { id: 'facility_depreciation', value: 0.05, unit: '1/year', range: [0.03, 0.1], provenance: assume('large facilities serve about 20 years'), doc: 'Depreciation of completed facilities.' },

  // ---- talent ----
  { id: 'talent_per_hte', value: perNode(() => 66000 / 1578), unit: 'person/enterprise', range: [30, 55], provenance: src(`${PAPER} Section 4.3: 66 000 S&T talent and 1578 HTE in the Chengdu zone, 2018; applied to every node`), doc: 'S&T talent per high-tech enterprise at the start, per node (0 makes a node without talent).' },
  { id: 'talent_growth_base', value: 0.06, unit: '1/year', range: [0.03, 0.09], distribution: { type: 'uniform', min: 0.03, max: 0.09 }, provenance: assume('growth of S&T personnel in China in the late 2010s'), doc: 'Talent growth of a node whose attractiveness equals the circle average.' },
  { id: 'talent_attraction', value: 0.05, unit: '1/year', range: [0, 0.1], distribution: { type: 'uniform', min: 0, max: 0.1 }, provenance: assume('talent moves towards nodes whose innovation grows faster than average'), doc: 'Extra talent growth per unit of relative attractiveness above average.' },
  { id: 'corridor_mobility_gain', value: 0.5, unit: '1', range: [0, 1], distribution: { type: 'uniform', min: 0, max: 1 }, provenance: src('Systems 11(1):24: rail corridors can siphon from weaker cities; size assumed'), doc: 'How much a full corridor raises talent mobility (and so the pull of stronger nodes) on the rail lines.' },
  { id: 'talent_duplication_loss', value: 0.005, unit: '1/year', range: [0, 0.01], provenance: assume('talent poaching between duplicated platforms (paper 5.5)'), doc: 'Talent growth recovered at full coordination.' },

  // ---- enterprises ----
  { id: 'formation_propensity_chengdu_city', value: 0.01, unit: 'enterprise/person/year', range: [0.0001, 0.1], provenance: calib(TABLE2), doc: 'S&T SMEs formed per person of S&T talent per year at 2015 knowledge, Chengdu city.' },
  { id: 'formation_propensity_sichuan_other', value: 0.01, unit: 'enterprise/person/year', range: [0.0001, 0.1], provenance: calib(TABLE2), doc: 'As above, Sichuan outside Chengdu city.' },
  { id: 'formation_propensity_chongqing', value: 0.01, unit: 'enterprise/person/year', range: [0.0001, 0.1], provenance: calib(TABLE2), doc: 'As above, Chongqing.' },
  { id: 'sme_per_hte_sichuan', value: 9000 / 4250, unit: '1', range: [0.5, 8], provenance: calib(`${TABLE2}; prior from ${PAPER} Section 3.1 (9000 registered S&T SMEs, 4250 HTE in Sichuan 2018)`), doc: 'Initial S&T SMEs per high-tech enterprise, Sichuan.' },
  { id: 'sme_per_hte_chongqing', value: 16918 / 2430, unit: '1', range: [1, 12], provenance: calib(`${TABLE2}; prior from ${PAPER} Section 3.1 (16 918 S&T enterprises, 2430 HTE in Chongqing 2018)`), doc: 'Initial S&T SMEs per high-tech enterprise, Chongqing.' },
  { id: 'certification_rate', value: 0.15, unit: '1/year', range: [0.02, 0.6], provenance: calib(TABLE2), doc: 'Share of the SME registry certified per year at 2015 R&D capability and incentives.' },
  { id: 'qualifying_firms_per_gdp', value: 1.5, unit: 'enterprise/(1e8 CNY/year)', range: [0.5, 4], distribution: { type: 'lognormal', mu: Math.log(1.5), sigma: 0.35, min: 0.5, max: 4 }, provenance: calib(`the enterprise counts through 2022, with an informative prior (the data alone do not reach the ceiling): median 1.5 qualifying firms per 亿元 of GDP at 2018 prices, about the density of the most innovative provinces today (Guangdong ≥ 49 000 certified firms in 2020, paper Section 5.2, on a GDP of about 11 trillion CNY — recalled, not in the paper — plus about as many S&T SMEs), 90 % range 0.85–2.7`), doc: 'Firms that could qualify for certification per 亿元 of real GDP (2018 prices) that an economy can hold: the ceiling of the finite pool.' },
  { id: 'hte_in_registry_share', value: 1517 / 3113, unit: '1', range: [0.3, 0.7], distribution: { type: 'uniform', min: 0.3, max: 0.7 }, provenance: src('official figures (low reliability): 1 517 of the S&T SMEs registered in Chengdu in 2018 were also certified, of the 3 113 certified firms of Chengdu in 2018 (paper Table 2)'), doc: 'Share of certified firms small enough to be in the S&T SME registry too.' },
  { id: 'certification_incentive_elasticity', value: 1, unit: '1', range: [0, 4], distribution: { type: 'lognormal', mu: 0, sigma: 0.6, min: 0, max: 4 }, provenance: calib('the 2019–2022 rise of the official enterprise counts while the super-deduction went from 75 % to 100 % (src/model/chengyu/data/README.md)'), doc: 'Elasticity of the certification rate to the R&D super-deduction rate (relative to 2015).' },
  { id: 'rd_deduction_rate_2015', value: 0.5, unit: '1', range: [0.5, 0.5], provenance: src('src/model/chengyu/data/README.md policy context: the super-deduction was 50 % before it rose to 75 % in 2018'), doc: 'R&D super-deduction rate in 2015, the reference of the incentive ratios.' },
  { id: 'policy_response_time', value: 1, unit: 'year', range: [0.25, 3], distribution: { type: 'triangular', min: 0.25, mode: 1, max: 3 }, provenance: calib('the timing of the 2019–2022 rise of the enterprise counts; prior: certification applications take most of a year to prepare (R&D records, intellectual property, staff shares), so firms respond to a tax change within about a year'), doc: 'Adjustment time of applications to a change of the tax incentives.' },
  { id: 'lapse_return_share', value: 0.5, unit: '1', range: [0.2, 0.8], distribution: { type: 'uniform', min: 0.2, max: 0.8 }, provenance: assume('about half the firms whose certificate lapses stay small S&T firms in the registry and may apply again; the rest grow out of it, merge or stop R&D'), doc: 'Share of lapsed certified firms that return to the S&T SME registry.' },
  { id: 'certification_rd_elasticity', value: 0.5, unit: '1', range: [0, 1], distribution: { type: 'uniform', min: 0, max: 1 }, provenance: assume('certification needs R&D spending of 3–5 % of sales; public and supporting R&D (platforms, subsidies, institutes) raise SMEs\' capability less than proportionally'), doc: 'Elasticity of the certification rate to the supporting R&D intensity.' },
  { id: 'formation_knowledge_elasticity', value: 0.3, unit: '1', range: [0.1, 0.5], distribution: { type: 'uniform', min: 0.1, max: 0.5 }, provenance: assume('firm entry rises with local innovation output, less than proportionally (Lu, Wang & Zhu 2019: zone gains come through entry)'), doc: 'Elasticity of SME formation per talent to the innovation index.' },
  { id: 'transfer_formation_elasticity', value: 0.1, unit: '1', range: [0, 0.2], distribution: { type: 'uniform', min: 0, max: 0.2 }, provenance: assume('absorbed technology seeds new S&T SMEs ("commercialisation around the core", paper 6.4)'), doc: 'Elasticity of SME formation to real technology absorbed per firm.' },
  { id: 'absorptive_elasticity', value: 0.5, unit: '1', range: [0.3, 1], distribution: { type: 'uniform', min: 0.3, max: 1 }, provenance: assume('gravity models put the receiving mass at an elasticity below one'), doc: "Elasticity of a node's absorptive capacity to its number of firms." },
  { id: 'sme_exit_rate', value: 0.1, unit: '1/year', range: [0.05, 0.2], distribution: { type: 'uniform', min: 0.05, max: 0.2 }, provenance: assume('failure rate of young S&T SMEs'), doc: 'Yearly exit of SMEs from the pipeline.' },
  { id: 'certificate_validity', value: 3, unit: 'year', range: [3, 3], provenance: src('HTE recognition rules (国科发火〔2016〕32号): certificates are valid three years'), doc: 'Validity of an HTE certificate.' },
  { id: 'renewal_probability', value: 0.75, unit: '1', range: [0.6, 0.9], distribution: { type: 'uniform', min: 0.6, max: 0.9 }, provenance: assume('renewal is not certain; share of certificates renewed at expiry'), doc: 'Probability that an expiring certificate is renewed.' },
  { id: 'hte_exit_rate', value: 0.02, unit: '1/year', range: [0.01, 0.04], distribution: { type: 'uniform', min: 0.01, max: 0.04 }, provenance: assume('closures, mergers and relocations of certified firms'), doc: 'Yearly exit of certified enterprises besides lapsed certificates.' },

  // ---- technology transfer ----
  { id: 'conversion_sichuan', value: 0.5, unit: '1/year', range: [0.05, 3], provenance: calib('technology contracts registered in Sichuan 2018, 2020, 2021 and the Chengdu 2019 lower bound (calibration-targets.csv; the paper\'s Section 5.4 Chengdu figure of 1355.07 亿元 is on another counting basis and not fitted)'), doc: 'Technology-contract turnover per 亿元 of knowledge and unit of market access before saturation, Chengdu city (the rest of Sichuan: times conversion_sichuan_other_factor).' },
  { id: 'conversion_sichuan_other_factor', value: 0.1, unit: '1', range: [0.01, 1], provenance: calib('technology contracts registered in Sichuan against the Chengdu 2019 lower bound (calibration-targets.csv): what Sichuan registers beyond Chengdu; the fit puts it on the lower bound of its range, so the data say only that it is small'), doc: "Conversion capability of Sichuan outside Chengdu city relative to Chengdu city's." },
  { id: 'tech_turnover_ceiling', value: 0.19, unit: '1', range: [0.1, 0.25], distribution: { type: 'triangular', min: 0.1, mode: 0.19, max: 0.25 }, provenance: calib("registered technology contracts of Sichuan 2018–2021 and Chongqing 2018 and 2022, with the prior: recalled public statistics, not in the paper and not verified in this repository: Beijing, the national extreme, registered ≈ 7,947 亿元 of technology contracts in 2022 on a GDP of ≈ 41,611 亿元 (≈ 19 %). A province-level economy's turnover is assumed to approach at most Beijing's ratio; the wide range carries the doubt"), doc: 'Ceiling of technology-contract turnover as a share of provincial GDP (reached only asymptotically; half of it when the gravity potential equals it).' },
  { id: 'conversion_chongqing', value: 0.2, unit: '1/year', range: [0.02, 3], provenance: calib('technology contracts of Chongqing: 266.23 亿元 in 2018 (paper Section 5.4, at a wide error) and 630.4 亿元 in 2022 (official; calibration-targets.csv)'), doc: 'As above, Chongqing.' },
  { id: 'external_market_weight', value: 1, unit: '1', range: [0.5, 2], distribution: { type: 'uniform', min: 0.5, max: 2 }, provenance: assume('about half the turnover is sold outside the circle'), doc: 'Market access outside the circle, relative to the whole circle at 2015 size.' },

  // ---- levers: response and delays ----
  { id: 'lever_response_curvature', value: 2, unit: '1', range: [1, 4], distribution: { type: 'uniform', min: 1, max: 4 }, provenance: assume('diminishing returns of 0–1 policy intensities: (1 − e^(−kx)) / (1 − e^(−k)); with k = 2 the first half of the range delivers 73 % of the effect'), doc: 'Curvature of the response to a 0–1 lever intensity.' },
  { id: 'corridor_distance_cut', value: 0.5, unit: '1', range: [0.2, 0.7], distribution: { type: 'uniform', min: 0.2, max: 0.7 }, provenance: src('Long & Yi, China Economic Review (2024): high-speed rail slows spillover decay between Chinese cities; size assumed'), doc: 'Share of effective distance removed between rail nodes at full corridor integration.' },
  { id: 'corridor_build_time', value: 3, unit: 'year', range: [1, 5], provenance: assume('platforms and alliances take a few years to work'), doc: 'Smoothing time of corridor integration.' },
  { id: 'coordination_build_time', value: 2, unit: 'year', range: [1, 4], provenance: assume('a joint council and plan take effect within a planning cycle'), doc: 'Smoothing time of coordination.' },
  { id: 'transfer_build_time', value: 3, unit: 'year', range: [1, 5], provenance: assume('concept-verification centres and pilot platforms take years to build'), doc: 'Smoothing time of the transfer reform.' },
  { id: 'transfer_max_gain', value: 1, unit: '1', range: [0.3, 2], distribution: { type: 'uniform', min: 0.3, max: 2 }, provenance: src(`${PAPER} Table 6: tech income share 24.7 % (Chengdu zone) vs 8.3 % (Chongqing zone); a full reform is assumed to double conversion`), doc: 'Relative rise of conversion capability at full transfer reform.' },
  { id: 'rd_budget_ramp_time', value: 1, unit: 'year', range: [0.5, 2], provenance: assume('budgets ramp up within about a year'), doc: 'Smoothing time of extra public R&D.' },
  { id: 'park_pilot_share', value: 0.5, unit: '1', range: [0.5, 0.5], provenance: src('Xinhua / Liaowang (2022): Gaozhu and Suitong pilots split incremental revenue 50:50'), doc: 'Origin share at which both sides are fully willing.' },
  { id: 'park_max_shift', value: 0.15, unit: '1', range: [0.05, 0.3], distribution: { type: 'uniform', min: 0.05, max: 0.3 }, provenance: assume('at most about a sixth of the cores\' new-firm formation can be steered to partner parks (the pilots are small)'), doc: "Largest share of the cores' SME formation moved to co-built parks." },
  { id: 'park_saturation_count', value: 5, unit: 'park', range: [2, 10], distribution: { type: 'uniform', min: 2, max: 10 }, provenance: assume('the first parks take the best projects; effect saturates with e-folding at 5 parks'), doc: 'Park count scale of diminishing returns.' },
  { id: 'park_entry_multiplier', value: 1.5, unit: '1', range: [1, 2.5], distribution: { type: 'uniform', min: 1, max: 2.5 }, provenance: src('Alder, Shao & Zilibotti (2016); Lu, Wang & Zhu (2019): zones raise activity mainly through entry; cheaper land and shared revenue attract more firms; size assumed'), doc: 'SMEs formed in a park per SME moved from a core.' },
  { id: 'park_build_time', value: 2, unit: 'year', range: [1, 4], provenance: assume('a joint park takes about two years to open'), doc: 'Smoothing time of park capacity.' },

  // ---- costs ----
  { id: 'corridor_cost_full', value: 10, unit: '1e8 CNY/year', range: [5, 20], provenance: assume('shared platform and alliance running cost at full integration'), doc: 'Yearly public cost of the corridor at integration 1.' },
  { id: 'park_cost', value: 2, unit: '1e8 CNY/year/park', range: [1, 4], provenance: assume('yearly subsidy and infrastructure share per co-built park'), doc: 'Yearly public cost per park.' },
  { id: 'coordination_cost_full', value: 0.5, unit: '1e8 CNY/year', range: [0.2, 1], provenance: assume('a joint council and secretariat'), doc: 'Yearly public cost of full coordination.' },
  { id: 'joint_cost_share_sichuan', value: 0.5, unit: '1', range: [0.3, 0.7], provenance: assume('joint programmes of the two provinces (corridor platform, joint council, transfer reform) funded 50:50, as the jointly built pilots are'), doc: "Sichuan's share of the jointly funded programmes' cost (Chongqing pays the rest)." },
  { id: 'transfer_cost_full', value: 20, unit: '1e8 CNY/year', range: [10, 40], provenance: assume('concept-verification centres, pilot platforms and licensing offices across the circle'), doc: 'Yearly public cost of the full transfer reform.' },
];

/** The registry, in documentation order, each parameter with its zh/en name (labels.ts). */
export const PARAMETERS: readonly ParameterSpec[] = REGISTRY.map((p) => ({ ...p, label: PARAMETER_LABELS[p.id] }));

/** The registry by id. */
export const PARAMETER_INDEX: ReadonlyMap<string, ParameterSpec> = new Map(PARAMETERS.map((p) => [p.id, p]));

/** Ids of the parameters fitted by the calibration. */
export const CALIBRATED_IDS: readonly string[] = PARAMETERS.filter((p) => p.provenance.kind === 'calibrated').map((p) => p.id);
