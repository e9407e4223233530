// Splitting text at the matches of a global regular expression, the one loop behind the
// code spans and the script spans.

/** A piece of text: a match of the pattern (with its match) or the text between matches. */
export interface Piece {
  text: string;
  match?: RegExpMatchArray;
}

/** `text` cut into matches of `re` (which must have the g flag) and the runs between them, in order. */
export function splitMatches(text: string, re: RegExp): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const m of text.matchAll(re)) {
    const i = m.index ?? 0;
    if (i > at) out.push({ text: text.slice(at, i) });
    out.push({ text: m[0], match: m });
    at = i + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
