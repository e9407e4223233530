// Model text in either format the engine reads: XMILE (XML, so it opens with "<") or
// Vensim .mdl (which never does). Used where only the text travels, e.g. to batch workers
// and from stdin, so both formats work wherever one does.
import type { ModelSpec } from '../engine/types.ts';
import { importMdl } from '../mdl/index.ts';
import { importXmile } from '../xmile/index.ts';

/** Whether model text is XMILE rather than Vensim .mdl (a byte-order mark and leading space ignored). */
export function isXmileText(text: string): boolean {
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('<');
}

/** The ModelSpec of XMILE or .mdl text, told apart by its content; throws ModelError. */
export function importModelSpec(text: string): ModelSpec {
  return isXmileText(text) ? importXmile(text).spec : importMdl(text).spec;
}
