// Checks shared by both share-link formats (the long JSON one and the compact one), so a
// value is refused with the same words whichever format carried it.
import { validateScenario, ScenarioError, type Scenario } from '../../model/scenario/scenario.ts';
import { findLeverField } from '../../model/scenario/levers.ts';
import { KPI_IDS, MAX_PINS, MAX_PIN_NAME, type KpiId } from './app-state.ts';
import { ShareLinkError } from './share-link-error.ts';
import type { Lang } from '../i18n/i18n.ts';

/** A scenario validated like a scenario file; a bad lever value is a "value" problem naming the lever. */
export function scenarioAt(v: unknown, where: string): Scenario {
  try {
    return validateScenario(v, where);
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    const first = err.issues[0];
    const m = /^levers\.(\w+)\.(\w+)$/.exec(first?.path ?? '');
    if (m && findLeverField(m[1], m[2])) {
      const lever = ((v as Record<string, any>).levers as Record<string, Record<string, unknown>>)[m[1]];
      throw new ShareLinkError(err.message, err.messageIn('zh'), 'value', { lever: m[1], field: m[2], value: lever[m[2]] });
    }
    throw new ShareLinkError(err.message, err.messageIn('zh'));
  }
}

/** The link's language, or a ShareLinkError naming `where`. */
export function checkLang(v: unknown, where: string): Lang {
  if (v !== 'zh' && v !== 'en') throw new ShareLinkError(`${where}: ${JSON.stringify(v)} is not allowed; allowed: "zh", "en"`, `${where}：不允许 ${JSON.stringify(v)}；允许："zh"、"en"`);
  return v;
}

/** A viewable area id (region or zone), or a ShareLinkError. */
export function checkArea(v: unknown, areas: readonly string[], where: string): string {
  if (typeof v !== 'string' || !areas.includes(v)) {
    throw new ShareLinkError(`${where}: ${JSON.stringify(v)} is not a known area; allowed: ${areas.join(', ')}`, `${where}：${JSON.stringify(v)} 不是已知区域；允许：${areas.join('、')}`);
  }
  return v;
}

/** An indicator id, or a ShareLinkError. */
export function checkKpi(v: unknown, where: string): KpiId {
  if (!(KPI_IDS as readonly unknown[]).includes(v)) {
    throw new ShareLinkError(`${where}: ${JSON.stringify(v)} is not allowed; allowed: ${KPI_IDS.join(', ')}`, `${where}：不允许 ${JSON.stringify(v)}；允许：${KPI_IDS.join('、')}`);
  }
  return v as KpiId;
}

/** Refuse more pins than the app keeps. */
export function checkPinCount(n: number, where: string): void {
  if (n > MAX_PINS) throw new ShareLinkError(`${where}: ${n} pinned runs; allowed: at most ${MAX_PINS}`, `${where}：固定了 ${n} 个方案；最多允许 ${MAX_PINS} 个`);
}

/** A pin's colour index (undefined stays undefined: older links have none). */
export function checkPinColor(v: unknown, where: string): number | undefined {
  if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0 && (v as number) < MAX_PINS)) {
    throw new ShareLinkError(
      `${where}: ${JSON.stringify(v)} is not allowed; allowed: an integer in [0, ${MAX_PINS - 1}]`,
      `${where}：不允许 ${JSON.stringify(v)}；允许：整数，范围 [0, ${MAX_PINS - 1}]`,
    );
  }
  return v as number | undefined;
}

/** A pin's typed name. */
export function checkPinName(v: unknown, where: string): string {
  if (typeof v !== 'string' || v.length > MAX_PIN_NAME) {
    throw new ShareLinkError(`${where}: expected a text of at most ${MAX_PIN_NAME} characters`, `${where}：应为不超过 ${MAX_PIN_NAME} 个字符的文本`);
  }
  return v;
}
