// The six policy levers of the paper's section 6: ids, fields, labels, units, ranges,
// defaults and what each represents. This table is the single source for the scenario
// schema, validation, the CLI's `levers` command and the UI's sliders.
import type { LeverId, LeverSettings } from './lever-types.ts';
import { leverConstantName } from './lever-types.ts';

/** A text in both interface languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** One numeric field of a lever (every lever also has `start_year`). */
export interface LeverFieldSpec {
  /** Field name, stable API (`investment`, `start_year`, …). */
  field: string;
  label: Bilingual;
  /** Unit for people (tables, sliders). */
  unit: Bilingual;
  /**
   * Unit of the model constant `lever_<id>_<field>` in the engine's units syntax (mathjs):
   * what the equations and the units check use. Shares are "1"; a percentage of GDP is "percent".
   */
  modelUnit: string;
  min: number;
  max: number;
  default: number;
  /** Slider step; also the granularity shown in tables. */
  step: number;
  /** Only whole numbers are allowed (park count, years). */
  integer: boolean;
}

/** One policy lever. */
export interface LeverSpec {
  id: LeverId;
  label: Bilingual;
  /** Sections of the source paper that recommend it. */
  sections: string[];
  /** Fields in display order; `start_year` is last. */
  fields: LeverFieldSpec[];
  /** What the lever represents and which model parameters it moves. */
  doc: Bilingual;
}

/**
 * First and last year a lever may start, and the default: levers start in 2026, the first year
 * after the policies the baseline continues ("policies in place through 2025"); earlier years
 * back to 2017 stay allowed for retrospective what-ifs. Not 2016: a lever starting in year Y acts
 * from time Y − 1, and time 2015 is the initial state (the 2015 figures and the INIT baselines),
 * which a lever must not change.
 */
export const START_YEAR_RANGE = { min: 2017, max: 2035, default: 2026 } as const;

function startYear(): LeverFieldSpec {
  return {
    field: 'start_year',
    label: { zh: '起始年份', en: 'Start year' },
    unit: { zh: '年', en: 'year' },
    modelUnit: 'year',
    min: START_YEAR_RANGE.min,
    max: START_YEAR_RANGE.max,
    default: START_YEAR_RANGE.default,
    step: 1,
    integer: true,
  };
}

const share = (zh: string, en: string, def: number): LeverFieldSpec => ({
  field: '',
  label: { zh, en },
  unit: { zh: '比例（0–1）', en: 'share (0–1)' },
  modelUnit: '1',
  min: 0,
  max: 1,
  default: def,
  step: 0.05,
  integer: false,
});

/** The levers in display order (paper order: coordination first, support of zones last). */
export const LEVERS: readonly LeverSpec[] = [
  {
    id: 'science_city',
    label: { zh: '合作共建西部科学城', en: 'Western Science City, jointly built' },
    sections: ['6.2'],
    fields: [
      {
        field: 'investment',
        label: { zh: '年度联合投资', en: 'Joint investment per year' },
        unit: { zh: '亿元/年', en: '100 million CNY/yr' },
        modelUnit: '1e8 CNY/year',
        min: 0,
        max: 200,
        default: 0,
        step: 5,
        integer: false,
      },
      { ...share('开放共享比例', 'Share of capacity open to all zones', 0.5), field: 'sharing' },
      startYear(),
    ],
    doc: {
      zh:
        '“一城多园”模式共建西部科学城（重庆科学城、天府科学城）：川渝每年联合投入重大科技基础设施、' +
        '大科学装置和研究平台的资金（亿元/年）。投资先经过建设延迟形成设施能力，再以公共研发的形式进入' +
        '两个核心高新区（成都、重庆）的知识存量；“开放共享比例”是设施能力中向其他高新区开放的部分' +
        '（共享人才、平台、仪器设备），按距离分配给其余节点。它改变的模型常量为 ' +
        'lever_science_city_investment、lever_science_city_sharing 与 lever_science_city_start_year；' +
        '由此推动公共研发支出、知识存量、研发强度，并计入政策成本。',
      en:
        'The Western Science City built jointly in the "one city, many parks" mode (Chongqing Science ' +
        'City, Tianfu Science City): yearly joint spending by Sichuan and Chongqing on major research ' +
        'facilities, big-science installations and platforms (100 million CNY per year). Spending becomes ' +
        'facility capacity through a construction delay and then enters the knowledge stock of the two ' +
        'core zones (Chengdu, Chongqing) as public R&D; "sharing" is the part of that capacity opened to ' +
        'the other zones (shared talent, platforms, instruments), allotted to them by distance. It sets ' +
        'the model constants lever_science_city_investment, lever_science_city_sharing and ' +
        'lever_science_city_start_year, which move public R&D spending, knowledge stocks and R&D ' +
        'intensity, and it counts in the policy cost.',
    },
  },
  {
    id: 'corridor',
    label: { zh: '成渝科技创新大走廊', en: 'Chengdu–Chongqing innovation corridor' },
    sections: ['6.4'],
    fields: [{ ...share('走廊一体化程度', 'Integration level', 0), field: 'integration' }, startYear()],
    doc: {
      zh:
        '依托成渝高铁、成渝中线和成绵乐城际等轨道线路，联动沿线的德阳、绵阳、乐山、内江、荣昌、永川、' +
        '璧山等高新区共建科技创新走廊和资源共享平台，形成“成渝研发、周边转化”的协作网络。一体化程度 0 ' +
        '表示现状，1 表示沿线节点间的知识溢出与技术转移按远低于现状的距离衰减传播。它改变的模型常量为 ' +
        'lever_corridor_integration 与 lever_corridor_start_year，作用于沿线节点之间溢出与技术合同引力的' +
        '距离衰减（不在干线上的自贡、泸州、攀枝花不受益），并以平台运营费用计入政策成本。',
      en:
        'The science-and-technology innovation corridor along the Chengdu–Chongqing high-speed line, ' +
        'the middle line and the Chengdu–Mianyang–Leshan intercity line, linking the zones on them ' +
        '(Deyang, Mianyang, Leshan, Neijiang, Rongchang, Yongchuan, Bishan) through a shared resource ' +
        'platform into an "R&D in the cores, commercialisation around them" network. Integration 0 is ' +
        'the status quo; 1 means knowledge spillovers and technology transfer between nodes on the lines ' +
        'decay with distance far more slowly than today. It sets lever_corridor_integration and ' +
        'lever_corridor_start_year, which weaken the distance decay of spillovers and of the technology-' +
        'contract gravity term between nodes on the rail lines (Zigong, Luzhou and Panzhihua are off ' +
        'the trunk lines and do not gain), and it counts the platform running cost in the policy cost.',
    },
  },
  {
    id: 'parks',
    label: { zh: '共建产业合作园区（利益分成）', en: 'Co-built profit-sharing parks' },
    sections: ['6.4', '6.3'],
    fields: [
      {
        field: 'count',
        label: { zh: '合作园区数量', en: 'Number of parks' },
        unit: { zh: '个', en: 'parks' },
        modelUnit: 'park',
        min: 0,
        max: 20,
        default: 0,
        step: 1,
        integer: true,
      },
      { ...share('输出方增量收益分成比例', "Origin zone's share of incremental revenue", 0.5), field: 'origin_share' },
      startYear(),
    ],
    doc: {
      zh:
        '“园中园”“共建园”等产业合作园区，采用“存量不动+增量分成”的利益分享机制：核心高新区（输出方）' +
        '在非核心高新区共建园区，转移项目与孵化能力，园区新增收益按比例分成（高竹、遂潼等试点为 50:50）。' +
        '园区数量决定向非核心节点转移的孵化载体与企业形成能力；输出方分成比例越低，承接方越有动力，' +
        '但输出方转出项目的意愿越弱，两者在 0.5 附近取得平衡。它改变的模型常量为 lever_parks_count、' +
        'lever_parks_origin_share 与 lever_parks_start_year，作用于非核心节点的科技型中小企业形成率，' +
        '并以园区建设补助计入政策成本。',
      en:
        'Co-built industrial parks ("park within a park", "joint park") under the "existing stock ' +
        'unchanged, incremental revenue shared" rule: a core zone (the origin) builds parks with ' +
        'non-core zones, moving projects and incubation capacity there, and the parks\' incremental ' +
        'revenue is split (the Gaozhu and Suitong pilots use 50:50). The number of parks sets how much ' +
        'incubation capacity and firm formation moves to non-core nodes; a lower origin share motivates ' +
        'the host but makes the origin less willing to send projects, so the effect peaks near 0.5. It ' +
        'sets lever_parks_count, lever_parks_origin_share and lever_parks_start_year, which raise the ' +
        'formation rate of S&T SMEs in non-core nodes, and it counts the park subsidies in the policy cost.',
    },
  },
  {
    id: 'coordination',
    label: { zh: '高新区协同机制', en: 'Coordination mechanism of the zones' },
    sections: ['6.1', '5.5'],
    fields: [{ ...share('协同程度', 'Coordination level', 0), field: 'level' }, startYear()],
    doc: {
      zh:
        '由四川省科技厅、重庆市科技局牵头的联席会议制度、协同创新发展协议与一体化规划、一体化指标体系。' +
        '协同程度 0 表示现状（平台建设“竞争大于合作”），1 表示统一规划、联合实施重大项目。它改变的模型常量为 ' +
        'lever_coordination_level 与 lever_coordination_start_year，减少重复竞争造成的研发与人才损耗，' +
        '提高节点之间的知识共享（溢出强度）与技术合同的跨区流动，并以少量机构运行费用计入政策成本。',
      en:
        'A joint council led by the Sichuan Science and Technology Department and the Chongqing Science ' +
        'and Technology Bureau, a collaborative-innovation agreement, integrated planning and an ' +
        'integration indicator system. Level 0 is the status quo (platform building where "competition ' +
        'outweighs cooperation", section 5.5); 1 is joint planning and joint delivery of major projects. ' +
        'It sets lever_coordination_level and lever_coordination_start_year, which reduce the R&D and ' +
        'talent lost to duplicated competition and raise knowledge sharing (spillover strength) and the ' +
        'cross-node flow of technology contracts; a small running cost counts in the policy cost.',
    },
  },
  {
    id: 'transfer',
    label: { zh: '科技成果转移转化改革', en: 'Technology-transfer reform' },
    sections: ['6.6', '5.4'],
    fields: [{ ...share('改革力度', 'Reform level', 0), field: 'level' }, startYear()],
    doc: {
      zh:
        '概念验证中心、弹射中心、中试熟化平台、高校技术授权办公室（OTL）和技术权益资本化等改革，' +
        '降低成果转化的信息与风险不对称。改革力度 0 表示现状，1 表示全面推行。它改变的模型常量为 ' +
        'lever_transfer_level 与 lever_transfer_start_year，提高知识存量转化为技术合同成交额的能力与' +
        '技术转移对科技型中小企业形成的带动，并以平台运营资金计入政策成本。',
      en:
        'Concept-verification and catapult centres, pilot and scale-up platforms, university technology-' +
        'licensing offices (OTL) and the capitalisation of technology rights, which reduce the ' +
        'information and risk asymmetries of commercialisation. Level 0 is the status quo; 1 is full ' +
        'roll-out. It sets lever_transfer_level and lever_transfer_start_year, which raise the ' +
        'conversion of knowledge stock into technology-contract turnover and the push that technology ' +
        'transfer gives to S&T SME formation; platform funding counts in the policy cost.',
    },
  },
  {
    id: 'rd_support',
    label: { zh: '支持高新区做强做大（追加研发投入）', en: 'Extra public R&D support' },
    sections: ['6.5'],
    fields: [
      {
        field: 'extra_share_gdp',
        label: { zh: '追加公共研发投入', en: 'Extra public R&D' },
        unit: { zh: '占GDP的百分比', en: '% of GDP' },
        modelUnit: 'percent',
        min: 0,
        max: 1.5,
        default: 0,
        step: 0.05,
        integer: false,
      },
      startYear(),
    ],
    doc: {
      zh:
        '支持成都、重庆高新区建设世界一流高科技园区，以追加的公共研发投入衡量（占各节点 GDP 的百分比，' +
        '例如 0.3 表示 GDP 的 0.3%）。2017 年成渝城市群研发强度为 1.81%，低于长三角的 2.75%（第 5.3 节），' +
        '追加 0.5–1 个百分点即可缩小大部分差距。它改变的模型常量为 lever_rd_support_extra_share_gdp 与 ' +
        'lever_rd_support_start_year，直接增加公共研发支出（从而提高研发强度与知识存量，并经研发能力提高' +
        '高新技术企业认定率），全部金额计入政策成本。',
      en:
        'Support for the Chengdu and Chongqing zones to become world-class high-tech parks, measured as ' +
        'extra public R&D spending in percent of each node\'s GDP (0.3 means 0.3 % of GDP). The ' +
        'Chengdu–Chongqing city cluster\'s R&D intensity was 1.81 % in 2017 against 2.75 % in the ' +
        'Yangtze River Delta (section 5.3); 0.5–1 point closes most of that gap. It sets ' +
        'lever_rd_support_extra_share_gdp and lever_rd_support_start_year, which add directly to public ' +
        'R&D spending (raising R&D intensity and knowledge stocks and, through R&D capability, the ' +
        'certification rate of high-tech enterprises); the whole amount counts in the policy cost.',
    },
  },
];

/** Lever ids in display order. */
export const LEVER_IDS: readonly LeverId[] = LEVERS.map((l) => l.id);

/** The lever with this id, or undefined. */
export function findLever(id: string): LeverSpec | undefined {
  return LEVERS.find((l) => l.id === id);
}

/** The field spec of `id.field`, or undefined. */
export function findLeverField(id: string, field: string): LeverFieldSpec | undefined {
  return findLever(id)?.fields.find((f) => f.field === field);
}

/** Every lever at its default: the baseline. */
export function defaultLeverSettings(): LeverSettings {
  const out: Record<string, Record<string, number>> = {};
  for (const lever of LEVERS) {
    out[lever.id] = Object.fromEntries(lever.fields.map((f) => [f.field, f.default]));
  }
  return out as unknown as LeverSettings;
}

/** Every lever field as its model constant name → default value (`lever_<id>_<field>`). */
export function defaultLeverConstants(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const lever of LEVERS) {
    for (const f of lever.fields) out[leverConstantName(lever.id, f.field)] = f.default;
  }
  return out;
}

/** Human-readable allowed range of a field, e.g. "0–200" or "integer 0–20". */
export function describeRange(f: LeverFieldSpec): string {
  return `${f.integer ? 'an integer ' : 'a number '}in [${f.min}, ${f.max}]`;
}
