// Finds the ids inside prose (model constants such as `lever_corridor_integration`, field
// paths such as `levers.corridor.integration`, file names, array elements `hte[chengdu]`)
// so that they can be shown as code: ids are the same in every language, words are not.
// Text between backticks is code too (details that have no translation).
import { splitMatches } from './split-matches.ts';

/** A piece of text, code or prose. */
export interface Span {
  text: string;
  code: boolean;
}

// An id has at least one "_" or "." joining word characters, or an [element] suffix.
const ID = /`([^`]+)`|[A-Za-z][\w-]*(?:(?:[._][\w-]+)+(?:\[[\w,]+\])?|\[[\w,]+\])/g;

/** `text` split into prose and code spans, in order. */
export function codeSpans(text: string): Span[] {
  return splitMatches(text, ID).map((p) => (p.match ? { text: p.match[1] ?? p.match[0], code: true } : { text: p.text, code: false }));
}
