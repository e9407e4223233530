// Finds the ids inside prose (model constants such as `lever_corridor_integration`, field
// paths such as `levers.corridor.integration`, file names, array elements `hte[chengdu]`)
// so that they can be shown as code: ids are the same in every language, words are not.
// Text between backticks is code too (details that have no translation).

/** A piece of text, code or prose. */
export interface Span {
  text: string;
  code: boolean;
}

// An id has at least one "_" or "." joining word characters, or an [element] suffix.
const ID = /`([^`]+)`|[A-Za-z][\w-]*(?:(?:[._][\w-]+)+(?:\[[\w,]+\])?|\[[\w,]+\])/g;

/** `text` split into prose and code spans, in order. */
export function codeSpans(text: string): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const m of text.matchAll(ID)) {
    const i = m.index ?? 0;
    if (i > at) out.push({ text: text.slice(at, i), code: false });
    out.push({ text: m[1] ?? m[0], code: true });
    at = i + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), code: false });
  return out;
}
