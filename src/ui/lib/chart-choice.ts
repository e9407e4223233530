// What each chart of the graphs menu shows: a headline indicator (for the viewed area) or
// any model variable (one element of an arrayed one: the viewed zone's unless one is
// chosen). Pure: column names, the menu's groups and its search.
import type { Bilingual } from '../../model/scenario/levers.ts';
import type { Lang } from '../i18n/i18n.ts';
import { KPI_IDS, type KpiId } from '../state/app-state.ts';
import { columnFor, type AreaInfo, type CatalogVariable, type KpiInfo, type VariableCatalog } from '../model-bridge/types.ts';

/** A chart's subject: an indicator, or a variable (with an element "a" or "a,b" of an arrayed one). */
export type ChartChoice = { kpi: KpiId } | { variable: string; element?: string };

/** How many charts stand side by side. */
export const CHART_COUNTS = [1, 2, 4] as const;
/** A chart count. */
export type ChartCount = (typeof CHART_COUNTS)[number];

/** The four charts before anyone chooses: the four headline indicators. */
export function defaultChoices(): ChartChoice[] {
  return KPI_IDS.map((kpi) => ({ kpi }));
}

/** Whether two choices show the same thing. */
export function sameChoice(a: ChartChoice, b: ChartChoice): boolean {
  if ('kpi' in a || 'kpi' in b) return 'kpi' in a && 'kpi' in b && a.kpi === b.kpi;
  return a.variable === b.variable && a.element === b.element;
}

/** Elements of an arrayed variable ("chengdu", or "chengdu,deyang" for two dimensions); [] for a scalar. */
export function elementsOf(v: CatalogVariable, catalog: VariableCatalog): string[] {
  let out: string[] = [''];
  for (const d of v.dims ?? []) {
    const els = catalog.dimensions[d] ?? [];
    out = out.flatMap((prefix) => els.map((e) => (prefix ? `${prefix},${e}` : e)));
  }
  return v.dims?.length ? out : [];
}

/** The element a variable chart shows: the chosen one, else the first whose leading part is the viewed zone, else the first. */
export function shownElement(v: CatalogVariable, catalog: VariableCatalog, area: AreaInfo | undefined, chosen?: string): string | undefined {
  const els = elementsOf(v, catalog);
  if (els.length === 0) return undefined;
  if (chosen && els.includes(chosen)) return chosen;
  const zone = area?.kind === 'zone' ? area.id : undefined;
  return (zone && els.find((e) => e === zone || e.startsWith(`${zone},`))) || els[0];
}

/** What a chart of `choice` draws for the viewed `area`: its output column, the variable or indicator behind it. */
export interface ResolvedChart {
  column: string;
  kpi?: KpiInfo;
  variable?: CatalogVariable;
  element?: string;
}

/** Resolve `choice` against the model's catalog and indicators; undefined when it names nothing the model has. */
export function resolveChoice(choice: ChartChoice, kpis: readonly KpiInfo[], catalog: VariableCatalog, area: AreaInfo): ResolvedChart | undefined {
  if ('kpi' in choice) {
    const kpi = kpis.find((k) => k.id === choice.kpi);
    return kpi && { column: columnFor(kpi, area), kpi };
  }
  const variable = catalog.variables.find((v) => v.name === choice.variable);
  if (!variable) return undefined;
  const element = shownElement(variable, catalog, area, choice.element);
  return { column: element === undefined ? variable.name : `${variable.name}[${element}]`, variable, element };
}

/** An element in readers' words: "成都高新区", "成都高新区 × 德阳高新区" (ids where no name is known). */
export function elementLabel(element: string, catalog: VariableCatalog, lang: Lang): string {
  return element
    .split(',')
    .map((e) => catalog.elementLabels[e]?.[lang] ?? e)
    .join(' × ');
}

/** The menu's groups, in order. */
export const VARIABLE_GROUPS = ['stock', 'flow', 'aux', 'constant'] as const;

/** Variables matching `query` (in the id or either language's name; case and spaces ignored), by group. */
export function searchCatalog(variables: readonly CatalogVariable[], query: string): Array<{ kind: CatalogVariable['kind']; variables: CatalogVariable[] }> {
  const q = fold(query);
  const hit = (v: CatalogVariable) => !q || [v.name, v.label?.zh ?? '', v.label?.en ?? ''].some((s) => fold(s).includes(q));
  return VARIABLE_GROUPS.map((kind) => ({ kind, variables: variables.filter((v) => v.kind === kind && hit(v)) })).filter((g) => g.variables.length > 0);
}

/** Indicators matching `query` by name in either language or by id. */
export function searchKpis(kpis: readonly KpiInfo[], query: string): KpiInfo[] {
  const q = fold(query);
  return kpis.filter((k) => !q || [k.id, k.label.zh, k.label.en].some((s) => fold(s).includes(q)));
}

/** Lower case, spaces and underscores dropped: "Tech contracts" finds tech_contracts. */
function fold(s: string): string {
  return s.toLowerCase().replace(/[\s_]+/g, '');
}

/** A variable's name for readers, when it has one. */
export function humanName(v: CatalogVariable, lang: Lang): string | undefined {
  const l: Bilingual | undefined = v.label;
  return l?.[lang] || undefined;
}
