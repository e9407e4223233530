// Share links: the whole shareable state in the URL fragment (`#s=` + base64url of
// UTF-8 JSON). Opening a link validates every part — scenarios exactly like scenario
// files — and either yields a complete state or throws one message naming what and where.
import { validateScenario, resolveLevers, ScenarioError } from '../../model/scenario/scenario.ts';
import { KPI_IDS, MAX_PINS, MAX_PIN_NAME, type KpiId, type ShareableState } from './app-state.ts';
import { scenarioFromLevers } from './scenario-file.ts';
import type { Lang } from '../i18n/i18n.ts';

/** Fragment key of the state. */
export const SHARE_KEY = 's';
/** Version of the link format. */
export const SHARE_VERSION = 1;

/** A share link that cannot be opened; `message` (English) and `zh` name the field and the problem. */
export class ShareLinkError extends Error {
  constructor(
    message: string,
    readonly zh: string,
  ) {
    super(message);
    this.name = 'ShareLinkError';
  }
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new ShareLinkError('the state is not base64url text', '状态不是 `base64url` 文本');
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    throw new ShareLinkError('the state is not base64url text', '状态不是 `base64url` 文本');
  }
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ShareLinkError('the state is not UTF-8 text', '状态不是 UTF-8 文本');
  }
}

/** The URL fragment (with "#") that reproduces `state`. */
export function encodeShareFragment(state: ShareableState): string {
  const payload = {
    v: SHARE_VERSION,
    lang: state.lang,
    scenario: scenarioFromLevers(state.levers, state.scenarioId, state.scenarioTitle),
    view: { area: state.view.area, kpi: state.view.kpi },
    // A pin without a name of its own ("") is named by its scenario's title in either language.
    pins: state.pins.map((p) => ({
      name: p.title ? '' : p.name,
      ...(p.color !== undefined ? { color: p.color } : {}),
      scenario: scenarioFromLevers(p.levers, 'pin', p.title ?? { zh: p.name || '-', en: p.name || '-' }),
    })),
  };
  return `#${SHARE_KEY}=${toBase64Url(JSON.stringify(payload))}`;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function onlyKeys(v: Record<string, unknown>, allowed: string[], where: string): void {
  for (const k of Object.keys(v)) {
    if (!allowed.includes(k)) throw new ShareLinkError(`${where}: unknown key ${JSON.stringify(k)}; allowed: ${allowed.join(', ')}`, `${where}：未知的键 ${JSON.stringify(k)}；允许：${allowed.join('、')}`);
  }
}

function scenarioAt(v: unknown, where: string) {
  try {
    return validateScenario(v, where);
  } catch (err) {
    if (err instanceof ScenarioError) throw new ShareLinkError(err.message, err.messageIn('zh'));
    throw err;
  }
}

/**
 * The state in a URL fragment, or undefined when the fragment carries none.
 * `areas` are the viewable area ids (regions and zones). Throws ShareLinkError.
 */
export function decodeShareFragment(hash: string, areas: readonly string[]): ShareableState | undefined {
  const frag = hash.startsWith('#') ? hash.slice(1) : hash;
  const params = new URLSearchParams(frag);
  const raw = params.get(SHARE_KEY);
  if (raw === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(fromBase64Url(raw));
  } catch (err) {
    if (err instanceof ShareLinkError) throw err;
    throw new ShareLinkError('the state is not valid JSON', '状态不是有效的 JSON');
  }
  if (!isObj(value)) throw new ShareLinkError('link: expected an object', 'link：应为对象');
  onlyKeys(value, ['v', 'lang', 'scenario', 'view', 'pins'], 'link');
  if (value.v !== SHARE_VERSION) throw new ShareLinkError(`link.v: ${JSON.stringify(value.v)} is not a supported version; allowed: ${SHARE_VERSION}`, `link.v：不支持版本 ${JSON.stringify(value.v)}；允许：${SHARE_VERSION}`);
  if (value.lang !== 'zh' && value.lang !== 'en') throw new ShareLinkError(`link.lang: ${JSON.stringify(value.lang)} is not allowed; allowed: "zh", "en"`, `link.lang：不允许 ${JSON.stringify(value.lang)}；允许："zh"、"en"`);
  const scenario = scenarioAt(value.scenario, 'link.scenario');
  const view = value.view;
  if (!isObj(view)) throw new ShareLinkError('link.view: expected an object {area, kpi}', 'link.view：应为含 `area` 与 `kpi` 的对象');
  onlyKeys(view, ['area', 'kpi'], 'link.view');
  if (typeof view.area !== 'string' || !areas.includes(view.area)) {
    throw new ShareLinkError(`link.view.area: ${JSON.stringify(view.area)} is not a known area; allowed: ${areas.join(', ')}`, `link.view.area：${JSON.stringify(view.area)} 不是已知区域；允许：${areas.join('、')}`);
  }
  if (!(KPI_IDS as readonly unknown[]).includes(view.kpi)) {
    throw new ShareLinkError(`link.view.kpi: ${JSON.stringify(view.kpi)} is not allowed; allowed: ${KPI_IDS.join(', ')}`, `link.view.kpi：不允许 ${JSON.stringify(view.kpi)}；允许：${KPI_IDS.join('、')}`);
  }
  const pinsRaw = value.pins;
  if (!Array.isArray(pinsRaw)) throw new ShareLinkError('link.pins: expected a list', 'link.pins：应为列表');
  if (pinsRaw.length > MAX_PINS) throw new ShareLinkError(`link.pins: ${pinsRaw.length} pinned runs; allowed: at most ${MAX_PINS}`, `link.pins：固定了 ${pinsRaw.length} 个方案；最多允许 ${MAX_PINS} 个`);
  const pins = pinsRaw.map((p, i) => {
    const where = `link.pins[${i}]`;
    if (!isObj(p)) throw new ShareLinkError(`${where}: expected an object {name, scenario}`, `${where}：应为含 \`name\` 与 \`scenario\` 的对象`);
    onlyKeys(p, ['name', 'scenario', 'color'], where);
    // Optional (older links have none): the pin's colour, so a reload does not recolour pins.
    if (p.color !== undefined && !(Number.isInteger(p.color) && (p.color as number) >= 0 && (p.color as number) < MAX_PINS)) {
      throw new ShareLinkError(
        `${where}.color: ${JSON.stringify(p.color)} is not allowed; allowed: an integer in [0, ${MAX_PINS - 1}]`,
        `${where}.color：不允许 ${JSON.stringify(p.color)}；允许：整数，范围 [0, ${MAX_PINS - 1}]`,
      );
    }
    const color = p.color === undefined ? {} : { color: p.color as number };
    if (typeof p.name !== 'string' || p.name.length > MAX_PIN_NAME) {
      throw new ShareLinkError(`${where}.name: expected a text of at most ${MAX_PIN_NAME} characters`, `${where}.name：应为不超过 ${MAX_PIN_NAME} 个字符的文本`);
    }
    const pinScenario = scenarioAt(p.scenario, `${where}.scenario`);
    const levers = resolveLevers(pinScenario);
    return p.name === '' ? { name: '', title: pinScenario.title, levers, ...color } : { name: p.name, levers, ...color };
  });
  return {
    lang: value.lang as Lang,
    scenarioId: scenario.id,
    scenarioTitle: scenario.title,
    levers: resolveLevers(scenario),
    view: { area: view.area, kpi: view.kpi as KpiId },
    pins,
  };
}
