// XMILE import: loadXmile(text) → ModelSpec (equations in the native language).
export { loadXmile, importXmile, xmileName } from './load.ts';
export type { XmileImport } from './load.ts';
export { translateExpression, mapPositionToXmile, XmileExprError } from './expression.ts';
