// "Did you mean …?" for a mistyped value: the closest candidates by edit distance, as
// commander does for commands and options, for the values the tool itself checks.

/** Edit distance with adjacent transpositions (optimal string alignment). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** ` (did you mean x?)` for the candidates closest to `word` (at most 40% of it edited), or ''. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const w = word.toLowerCase();
  let best = Infinity;
  let hits: string[] = [];
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d > Math.max(1, Math.floor(0.4 * c.length))) continue;
    if (d < best) [best, hits] = [d, [c]];
    else if (d === best && !hits.includes(c)) hits.push(c);
  }
  return hits.length ? ` (did you mean ${hits.join(' or ')}?)` : '';
}
