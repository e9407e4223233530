// XMILE import: loadXmile(text) → ModelSpec (equations in the native language).
export { loadXmile, xmileName } from './load.ts';
export { translateExpression, XmileExprError } from './expression.ts';
