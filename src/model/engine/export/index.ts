// Model export: XMILE 1.0 and Vensim .mdl from a ModelSpec, refusing what a format cannot hold exactly.
export { exportXmile, XMILE_EXTENSION_NS } from './xmile.ts';
export type { XmileExportOptions } from './xmile.ts';
export { exportMdl } from './mdl.ts';
export type { MdlExportOptions } from './mdl.ts';
export type { FixedDelayMode } from './mdl-expr.ts';
export { ExportRefusal } from './refusal.ts';
export type { RefusalIssue } from './refusal.ts';
