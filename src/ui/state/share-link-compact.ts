// The compact share-link format (format 2): readable `key=value` pairs in the URL fragment,
// carrying only the lever values that differ from the scenario's preset (or from the
// defaults), e.g. `#cy=2&lang=zh&area=circle&kpi=hte&sc=corridor&corridor.integration=0.8&ck=0k3x9a1`.
// A check code over the whole decoded state comes last: a link cut short loses it, and a
// link changed by hand or read with other presets no longer matches it. Every value is
// validated exactly like the long format's (the same checks, the same messages).
import type { LeverSettings } from '../../model/scenario/lever-types.ts';
import { LEVERS, defaultLeverSettings, type Bilingual } from '../../model/scenario/levers.ts';
import { resolveLevers, type Scenario } from '../../model/scenario/scenario.ts';
import { CUSTOM_SCENARIO, type PinState, type ShareableState } from './app-state.ts';
import { ShareLinkError } from './share-link-error.ts';
import { checkArea, checkKpi, checkLang, checkPinColor, checkPinCount, checkPinName, scenarioAt } from './link-checks.ts';
import { t } from '../i18n/i18n.ts';
import { KPI_IDS } from './app-state.ts';
import { CHART_COUNTS, sameChoice, type ChartChoice, type ChartCount } from '../lib/chart-choice.ts';
import { HEADLINE_YEARS, type HeadlineYear } from '../model-bridge/headline-types.ts';

/** Headline year of a link that names none. */
const DEFAULT_YEAR: HeadlineYear = 2035;
/** Chart places of the graphs menu. */
const CHART_PLACES = 4;

/** Model variables a link's charts may name, each with its elements ([] for a scalar). */
export type LinkVariables = ReadonlyMap<string, readonly string[]>;

/** Fragment key that marks a compact link and gives its format version. */
export const COMPACT_KEY = 'cy';
/** Version of the compact format. */
export const COMPACT_VERSION = 2;

/** Length of the check code (base 36). */
const CHECK_LENGTH = 7;

/** Lever settings a scenario id starts from: its preset's, or the defaults. */
function baseLevers(id: string | undefined, presets: readonly Scenario[]): LeverSettings {
  const p = id === undefined ? undefined : presets.find((s) => s.id === id);
  return p ? resolveLevers(p) : defaultLeverSettings();
}

const fieldsOf = (l: LeverSettings, id: string) => (l as unknown as Record<string, Record<string, number>>)[id];

/** `lever.field=value` pairs where `levers` differs from `base`, in table order. */
function leverPairs(levers: LeverSettings, base: LeverSettings): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const l of LEVERS) {
    for (const f of l.fields) {
      const v = fieldsOf(levers, l.id)[f.field];
      if (v !== fieldsOf(base, l.id)[f.field]) out.push([`${l.id}.${f.field}`, String(v)]);
    }
  }
  return out;
}

/** Every lever value in table order (the check code's view of settings). */
const allValues = (l: LeverSettings) => LEVERS.flatMap((s) => s.fields.map((f) => fieldsOf(l, s.id)[f.field]));

/** What a chart place shows before anyone chooses: the first the viewed indicator, the others the other indicators. */
const defaultChoice = (s: ShareableState, i: number): ChartChoice => ({ kpi: i === 0 ? s.view.kpi : KPI_IDS[i] });

/** The view's pairs beyond area and indicator: the headline year and the graphs menu, only where they differ from the defaults. */
function viewPairs(s: ShareableState): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (s.year !== undefined && s.year !== DEFAULT_YEAR) out.push(['year', String(s.year)]);
  if (!s.charts) return out;
  if (s.charts.count !== 1) out.push(['charts', String(s.charts.count)]);
  s.charts.choices.slice(0, CHART_PLACES).forEach((c, i) => {
    if (sameChoice(c, defaultChoice(s, i))) return;
    const pre = `chart${i + 1}.`;
    if ('kpi' in c) out.push([`${pre}kpi`, c.kpi]);
    else {
      out.push([`${pre}var`, c.variable]);
      if (c.element) out.push([`${pre}el`, c.element]);
    }
  });
  return out;
}

/** The state as one canonical text (fixed order), what the check code covers (links without year or charts keep their old code). */
function canonical(s: ShareableState): string {
  const view = viewPairs(s);
  return JSON.stringify([
    s.lang, s.view.area, s.view.kpi, s.scenarioId, s.scenarioTitle.zh, s.scenarioTitle.en, allValues(s.levers),
    s.pins.map((p) => [p.name, p.title?.zh ?? null, p.title?.en ?? null, p.color ?? null, allValues(p.levers)]),
    ...(view.length ? [view] : []),
  ]);
}

/** FNV-1a (32 bit) of `text` in base 36, fixed length: a check against accidents, not a signature. */
export function checkCode(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(CHECK_LENGTH, '0');
}

const numbered = (n: number): Bilingual => ({ zh: t('zh', 'pins.defaultName', { n }), en: t('en', 'pins.defaultName', { n }) });
const sameTitle = (a: Bilingual | undefined, b: Bilingual | undefined) => !!a && !!b && a.zh === b.zh && a.en === b.en;

/** The compact fragment (with "#") that reproduces `state`. */
export function encodeCompact(state: ShareableState, presets: readonly Scenario[]): string {
  const pairs: Array<[string, string]> = [[COMPACT_KEY, String(COMPACT_VERSION)], ['lang', state.lang], ['area', state.view.area], ['kpi', state.view.kpi], ...viewPairs(state)];
  const id = state.scenarioId;
  if (id !== CUSTOM_SCENARIO.id) pairs.push(['sc', id]);
  const implied = id === CUSTOM_SCENARIO.id ? CUSTOM_SCENARIO.title : presets.find((p) => p.id === id)?.title;
  if (!sameTitle(implied, state.scenarioTitle)) pairs.push(['title.zh', state.scenarioTitle.zh], ['title.en', state.scenarioTitle.en]);
  pairs.push(...leverPairs(state.levers, baseLevers(id === CUSTOM_SCENARIO.id ? undefined : id, presets)));
  state.pins.forEach((p, i) => {
    const pre = `pin${i + 1}.`;
    let base: string | undefined;
    if (p.name !== '' || !p.title) pairs.push([`${pre}name`, p.name]);
    else {
      const n = /^\d{1,2}$/.exec(p.title.en.replace(/^Run /, ''))?.[0];
      const preset = presets.find((s) => sameTitle(s.title, p.title));
      if (n && sameTitle(numbered(Number(n)), p.title)) pairs.push([`${pre}run`, n]);
      else if (preset) {
        base = preset.id;
        pairs.push([`${pre}sc`, preset.id]);
      } else pairs.push([`${pre}title.zh`, p.title.zh], [`${pre}title.en`, p.title.en]);
    }
    if (p.color !== undefined) pairs.push([`${pre}color`, String(p.color)]);
    for (const [k, v] of leverPairs(p.levers, baseLevers(base, presets))) pairs.push([pre + k, v]);
  });
  pairs.push(['ck', checkCode(canonical(state))]);
  return `#${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** A lever value as the link wrote it: a number when it reads as one, else the text (validation names it). */
const valueOf = (s: string): unknown => (NUMBER.test(s) ? Number(s) : s);

/** Lever pairs (`lever.field` → value) among `keys` (already stripped of a pin prefix) into a partial scenario. */
function partialLevers(entries: Array<[string, string]>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [k, v] of entries) {
    const dot = k.indexOf('.');
    const id = k.slice(0, dot);
    (out[id] ??= {})[k.slice(dot + 1)] = valueOf(v);
  }
  return out;
}

const LEVER_KEY = /^[a-z_]+\.[a-z_]+$/;
const CHART_KEY = /^chart([1-9]\d?)\.(kpi|var|el)$/;

/** The headline year of a link, or a ShareLinkError. */
function yearOf(v: string | undefined): HeadlineYear | undefined {
  if (v === undefined) return undefined;
  const y = (HEADLINE_YEARS as readonly number[]).find((h) => String(h) === v);
  if (y === undefined) bad(`link.year: ${JSON.stringify(v)} is not allowed; allowed: ${HEADLINE_YEARS.join(', ')}`, `link.year：不允许 ${JSON.stringify(v)}；允许：${HEADLINE_YEARS.join('、')}`);
  return y as HeadlineYear;
}

/** The graphs menu of a link (count and the four places' choices), or undefined when it names none; throws ShareLinkError. */
function chartsOf(get: (k: string) => string | undefined, keys: readonly string[], kpi: ShareableState['view']['kpi'], variables: LinkVariables): ShareableState['charts'] {
  const countText = get('charts');
  const places = keys.map((k) => CHART_KEY.exec(k)).filter((m): m is RegExpExecArray => !!m);
  if (countText === undefined && places.length === 0) return undefined;
  let count: ChartCount = 1;
  if (countText !== undefined) {
    const c = CHART_COUNTS.find((n) => String(n) === countText);
    if (c === undefined) bad(`link.charts: ${JSON.stringify(countText)} is not allowed; allowed: ${CHART_COUNTS.join(', ')}`, `link.charts：不允许 ${JSON.stringify(countText)}；允许：${CHART_COUNTS.join('、')}`);
    count = c;
  }
  for (const m of places) {
    const n = Number(m[1]);
    if (n > CHART_PLACES) bad(`link: chart${n}: there are ${CHART_PLACES} chart places (chart1 to chart${CHART_PLACES})`, `link：chart${n}：图表位置只有 ${CHART_PLACES} 个（chart1 至 chart${CHART_PLACES}）`);
  }
  const choices: ChartChoice[] = [];
  for (let i = 0; i < CHART_PLACES; i++) {
    const pre = `chart${i + 1}.`;
    const where = `link.charts[${i}]`;
    const k = get(`${pre}kpi`);
    const v = get(`${pre}var`);
    const el = get(`${pre}el`);
    if (k !== undefined && v !== undefined) bad(`${where}: expected one of ${pre}kpi or ${pre}var, not both`, `${where}：${pre}kpi 与 ${pre}var 只能有一项`);
    if (el !== undefined && v === undefined) bad(`${where}.el: an element needs a variable (${pre}var)`, `${where}.el：指定元素时须同时指定变量（${pre}var）`);
    if (k !== undefined) choices.push({ kpi: checkKpi(k, `${where}.kpi`) });
    else if (v !== undefined) {
      const elements = variables.get(v);
      if (!elements) bad(`${where}.var: ${JSON.stringify(v)} is not a variable of the model`, `${where}.var：${JSON.stringify(v)} 不是模型中的变量`);
      if (el !== undefined && !elements.includes(el)) {
        bad(
          `${where}.el: ${JSON.stringify(el)} is not an element of ${v}${elements.length ? `; allowed: ${elements.slice(0, 12).join(', ')}${elements.length > 12 ? ', …' : ''}` : ' (it has none)'}`,
          `${where}.el：${JSON.stringify(el)} 不是 ${v} 的元素${elements.length ? `；允许：${elements.slice(0, 12).join('、')}${elements.length > 12 ? '、…' : ''}` : '（该变量没有元素）'}`,
        );
      }
      choices.push(el !== undefined ? { variable: v, element: el } : { variable: v });
    } else choices.push({ kpi: i === 0 ? kpi : KPI_IDS[i] });
  }
  return { count, choices };
}
const PIN_KEY = /^pin(\d+)\.(.+)$/;
const PIN_LABEL_KEYS = ['name', 'run', 'sc', 'title.zh', 'title.en', 'color'];

function bad(en: string, zh: string): never {
  throw new ShareLinkError(en, zh);
}

/** Title from `title.zh`/`title.en`, or undefined when neither is given. */
function titleFrom(get: (k: string) => string | undefined, prefix: string): Record<string, string> | undefined {
  const zh = get(`${prefix}title.zh`);
  const en = get(`${prefix}title.en`);
  if (zh === undefined && en === undefined) return undefined;
  return { ...(zh !== undefined ? { zh } : {}), ...(en !== undefined ? { en } : {}) };
}

/**
 * The state in a compact fragment (without "#"). `areas` are the viewable area ids and
 * `presets` the bundled presets. Throws ShareLinkError (with its kind) on any problem.
 */
export function decodeCompact(frag: string, areas: readonly string[], presets: readonly Scenario[], variables: LinkVariables = new Map()): ShareableState {
  const params = new URLSearchParams(frag);
  const map = new Map<string, string>();
  for (const [k, v] of params) {
    if (map.has(k)) bad(`link: key ${JSON.stringify(k)} appears twice`, `link：键 ${JSON.stringify(k)} 出现了两次`);
    map.set(k, v);
  }
  const version = map.get(COMPACT_KEY) ?? '';
  if (!/^\d{1,4}$/.test(version)) throw new ShareLinkError(`link.${COMPACT_KEY}: ${JSON.stringify(version)} is not a link format version`, `link.${COMPACT_KEY}：${JSON.stringify(version)} 不是链接格式版本`, 'foreign');
  if (Number(version) > COMPACT_VERSION) {
    throw new ShareLinkError(`link.${COMPACT_KEY}: format ${version} is newer than this page reads (${COMPACT_VERSION})`, `link.${COMPACT_KEY}：链接格式 ${version} 比本页面能读取的（${COMPACT_VERSION}）新`, 'newer', { version: Number(version) });
  }
  if (Number(version) !== COMPACT_VERSION) throw new ShareLinkError(`link.${COMPACT_KEY}: ${version} is not a supported version; allowed: ${COMPACT_VERSION}`, `link.${COMPACT_KEY}：不支持版本 ${version}；允许：${COMPACT_VERSION}`, 'foreign');
  const ck = map.get('ck');
  if (ck === undefined || !new RegExp(`^[0-9a-z]{${CHECK_LENGTH}}$`).test(ck)) {
    throw new ShareLinkError('link.ck: the check code at the end is missing or cut short', 'link.ck：末尾的校验码缺失或不完整', 'truncated');
  }
  const get = (k: string) => map.get(k);
  const top: Array<[string, string]> = [];
  const pinEntries = new Map<number, Array<[string, string]>>();
  for (const [k, v] of map) {
    if ([COMPACT_KEY, 'ck', 'lang', 'area', 'kpi', 'sc', 'title.zh', 'title.en', 'year', 'charts'].includes(k) || CHART_KEY.test(k)) continue;
    const pm = PIN_KEY.exec(k);
    if (pm && /^[1-9]\d?$/.test(pm[1]) && (PIN_LABEL_KEYS.includes(pm[2]) || LEVER_KEY.test(pm[2]))) {
      const list = pinEntries.get(Number(pm[1])) ?? [];
      pinEntries.set(Number(pm[1]), list);
      if (!PIN_LABEL_KEYS.includes(pm[2])) list.push([pm[2], v]);
    } else if (LEVER_KEY.test(k)) top.push([k, v]);
    else bad(`link: unknown key ${JSON.stringify(k)}`, `link：未知的键 ${JSON.stringify(k)}`);
  }
  const lang = checkLang(get('lang'), 'link.lang');
  const area = checkArea(get('area'), areas, 'link.view.area');
  const kpi = checkKpi(get('kpi'), 'link.view.kpi');
  const year = yearOf(get('year'));
  const charts = chartsOf(get, [...map.keys()], kpi, variables);
  const sc = get('sc');
  const id = sc ?? CUSTOM_SCENARIO.id;
  const given = titleFrom(get, '');
  const implied = sc === undefined ? CUSTOM_SCENARIO.title : presets.find((p) => p.id === sc)?.title;
  const scenario = scenarioAt({ id, title: given ?? implied, levers: partialLevers(top) }, 'link.scenario');
  const levers = { ...baseLevers(sc, presets) } as unknown as Record<string, Record<string, number>>;
  for (const [lid, fields] of Object.entries(scenario.levers)) levers[lid] = { ...levers[lid], ...fields };

  const count = pinEntries.size;
  checkPinCount(Math.max(count, ...pinEntries.keys()), 'link.pins');
  const pins: PinState[] = [];
  for (let i = 0; i < count; i++) {
    const where = `link.pins[${i}]`;
    const pre = `pin${i + 1}.`;
    const entries = pinEntries.get(i + 1);
    if (!entries) bad(`${where}: pin${i + 1} is missing (pins are numbered 1 to ${count})`, `${where}：缺少 pin${i + 1}（固定方案应从 1 到 ${count} 连续编号）`);
    const labels = ['name', 'run', 'sc', 'title'].filter((k) => (k === 'title' ? titleFrom(get, pre) !== undefined : get(pre + k) !== undefined));
    if (labels.length !== 1) {
      bad(`${where}: expected exactly one of ${pre}name, ${pre}run, ${pre}sc or ${pre}title.zh/en`, `${where}：${pre}name、${pre}run、${pre}sc、${pre}title.zh/en 中应恰好有一项`);
    }
    const color = checkPinColor(get(`${pre}color`) === undefined ? undefined : valueOf(get(`${pre}color`) as string), `${where}.color`);
    let name = '';
    let title: Bilingual | Record<string, string> | undefined;
    let base: string | undefined;
    if (labels[0] === 'name') {
      name = checkPinName(get(`${pre}name`), `${where}.name`);
      if (name === '') bad(`${where}.name: expected a non-empty text`, `${where}.name：应为非空文本`);
    } else if (labels[0] === 'run') {
      const n = get(`${pre}run`) as string;
      if (!/^[1-9]\d?$/.test(n)) bad(`${where}.run: ${JSON.stringify(n)} is not allowed; allowed: an integer in [1, 99]`, `${where}.run：不允许 ${JSON.stringify(n)}；允许：整数，范围 [1, 99]`);
      title = numbered(Number(n));
    } else if (labels[0] === 'sc') {
      const p = presets.find((s) => s.id === get(`${pre}sc`));
      if (!p) bad(`${where}.sc: ${JSON.stringify(get(`${pre}sc`))} is not a preset; allowed: ${presets.map((s) => s.id).join(', ')}`, `${where}.sc：${JSON.stringify(get(`${pre}sc`))} 不是预设情景；允许：${presets.map((s) => s.id).join('、')}`);
      title = p.title;
      base = p.id;
    } else title = titleFrom(get, pre);
    const pinScenario = scenarioAt({ id: 'pin', title: title ?? { zh: name, en: name }, levers: partialLevers(entries) }, `${where}.scenario`);
    const pinLevers = { ...baseLevers(base, presets) } as unknown as Record<string, Record<string, number>>;
    for (const [lid, fields] of Object.entries(pinScenario.levers)) pinLevers[lid] = { ...pinLevers[lid], ...fields };
    const c = color === undefined ? {} : { color };
    pins.push(name ? { name, levers: pinLevers as unknown as LeverSettings, ...c } : { name: '', title: pinScenario.title, levers: pinLevers as unknown as LeverSettings, ...c });
  }
  const state: ShareableState = {
    lang,
    scenarioId: scenario.id,
    scenarioTitle: scenario.title,
    levers: levers as unknown as LeverSettings,
    view: { area, kpi },
    pins,
    ...(year !== undefined ? { year } : {}),
    ...(charts ? { charts } : {}),
  };
  if (checkCode(canonical(state)) !== ck) {
    throw new ShareLinkError('link.ck: the check code does not match the settings (changed after it was made, or made with other presets)', 'link.ck：校验码与设置不符（链接生成后被改动过，或由使用其他预设的版本生成）', 'altered');
  }
  return state;
}
