// Share links: the shareable state in the URL fragment. New links use the compact,
// readable format (share-link-compact.ts: `#cy=2&…`, only what differs from the preset);
// links of the first format (`#s=` + base64url of UTF-8 JSON) still open. Either way every
// part is validated — scenarios exactly like scenario files — and opening yields a
// complete state or throws one ShareLinkError naming what and where, and its kind.
import type { Scenario } from '../../model/scenario/scenario.ts';
import { resolveLevers } from '../../model/scenario/scenario.ts';
import type { ShareableState } from './app-state.ts';
import type { Lang } from '../i18n/i18n.ts';
import { PRESETS } from './presets.ts';
import { ShareLinkError } from './share-link-error.ts';
import { checkArea, checkKpi, checkLang, checkPinColor, checkPinCount, checkPinName, scenarioAt } from './link-checks.ts';
import { COMPACT_KEY, decodeCompact, encodeCompact, type LinkVariables } from './share-link-compact.ts';

export { ShareLinkError } from './share-link-error.ts';

/** Fragment key of the first (long) format's state. */
export const SHARE_KEY = 's';
/** Version of the first format. */
export const SHARE_VERSION = 1;

const PRESET_SCENARIOS: readonly Scenario[] = PRESETS.map((p) => p.scenario);

const notBase64 = () => new ShareLinkError('the state is not base64url text', '状态不是 `base64url` 文本', 'foreign');

function fromBase64Url(s: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw notBase64();
  // One leftover character cannot come from whole bytes: the text was cut off.
  if (s.length % 4 === 1) throw new ShareLinkError('the state is not base64url text (it ends in the middle of a character)', '状态不是完整的 `base64url` 文本（在字符中间结束）', 'truncated');
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    throw notBase64();
  }
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // A multi-byte character cut in two at the end is a cut-off link; elsewhere, garbage.
    for (let k = 1; k <= 3 && k < bytes.length; k++) {
      let whole = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - k));
      } catch {
        whole = false;
      }
      if (whole) cutJson();
    }
    throw new ShareLinkError('the state is not UTF-8 text', '状态不是 UTF-8 文本', 'foreign');
  }
}

/** Whether JSON text ends inside a string or with a bracket still open (engine-independent). */
function endsOpen(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return inString || depth > 0;
}

function cutJson(): never {
  throw new ShareLinkError('the state is not valid JSON (it ends too early: the link was cut off)', '状态不是有效的 JSON（提前结束：链接被截断）', 'truncated');
}

/** The URL fragment (with "#") that reproduces `state`, in the compact format. */
export function encodeShareFragment(state: ShareableState, presets: readonly Scenario[] = PRESET_SCENARIOS): string {
  return encodeCompact(state, presets);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function onlyKeys(v: Record<string, unknown>, allowed: string[], where: string): void {
  for (const k of Object.keys(v)) {
    if (!allowed.includes(k)) throw new ShareLinkError(`${where}: unknown key ${JSON.stringify(k)}; allowed: ${allowed.join(', ')}`, `${where}：未知的键 ${JSON.stringify(k)}；允许：${allowed.join('、')}`);
  }
}

/**
 * The state in a URL fragment, or undefined when the fragment carries none.
 * `areas` are the viewable area ids (regions and zones), `variables` the model variables a
 * chart may show (with their elements). Throws ShareLinkError.
 */
export function decodeShareFragment(hash: string, areas: readonly string[], presets: readonly Scenario[] = PRESET_SCENARIOS, variables?: LinkVariables): ShareableState | undefined {
  const frag = hash.startsWith('#') ? hash.slice(1) : hash;
  const params = new URLSearchParams(frag);
  if (params.has(COMPACT_KEY)) return decodeCompact(frag, areas, presets, variables);
  const raw = params.get(SHARE_KEY);
  if (raw === null) return undefined;
  return decodeLong(raw, areas);
}

/** The first format: base64url of the JSON payload {v, lang, scenario, view, pins}. */
function decodeLong(raw: string, areas: readonly string[]): ShareableState {
  const text = fromBase64Url(raw);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON that starts like the app's but ends inside a text or a bracket was cut off.
    if (text.startsWith('{"') && endsOpen(text)) cutJson();
    throw new ShareLinkError('the state is not valid JSON', '状态不是有效的 JSON', 'foreign');
  }
  if (!isObj(value)) throw new ShareLinkError('link: expected an object', 'link：应为对象', 'foreign');
  if (typeof value.v === 'number' && Number.isInteger(value.v) && value.v > SHARE_VERSION) {
    throw new ShareLinkError(`link.v: ${value.v} is not a supported version; allowed: ${SHARE_VERSION}`, `link.v：不支持版本 ${value.v}；允许：${SHARE_VERSION}`, 'newer', { version: value.v });
  }
  onlyKeys(value, ['v', 'lang', 'scenario', 'view', 'pins'], 'link');
  if (value.v !== SHARE_VERSION) throw new ShareLinkError(`link.v: ${JSON.stringify(value.v)} is not a supported version; allowed: ${SHARE_VERSION}`, `link.v：不支持版本 ${JSON.stringify(value.v)}；允许：${SHARE_VERSION}`, 'foreign');
  const lang: Lang = checkLang(value.lang, 'link.lang');
  const scenario = scenarioAt(value.scenario, 'link.scenario');
  const view = value.view;
  if (!isObj(view)) throw new ShareLinkError('link.view: expected an object {area, kpi}', 'link.view：应为含 `area` 与 `kpi` 的对象');
  onlyKeys(view, ['area', 'kpi'], 'link.view');
  const area = checkArea(view.area, areas, 'link.view.area');
  const kpi = checkKpi(view.kpi, 'link.view.kpi');
  const pinsRaw = value.pins;
  if (!Array.isArray(pinsRaw)) throw new ShareLinkError('link.pins: expected a list', 'link.pins：应为列表');
  checkPinCount(pinsRaw.length, 'link.pins');
  const pins = pinsRaw.map((p, i) => {
    const where = `link.pins[${i}]`;
    if (!isObj(p)) throw new ShareLinkError(`${where}: expected an object {name, scenario}`, `${where}：应为含 \`name\` 与 \`scenario\` 的对象`);
    onlyKeys(p, ['name', 'scenario', 'color'], where);
    // Optional (older links have none): the pin's colour, so a reload does not recolour pins.
    const c = checkPinColor(p.color, `${where}.color`);
    const color = c === undefined ? {} : { color: c };
    const name = checkPinName(p.name, `${where}.name`);
    const pinScenario = scenarioAt(p.scenario, `${where}.scenario`);
    const levers = resolveLevers(pinScenario);
    return name === '' ? { name: '', title: pinScenario.title, levers, ...color } : { name, levers, ...color };
  });
  return { lang, scenarioId: scenario.id, scenarioTitle: scenario.title, levers: resolveLevers(scenario), view: { area, kpi }, pins };
}
