// Loop rolling of generated statements: apply-to-all array equations lower to one
// statement per element, which makes huge functions that V8 optimises slowly and runs
// poorly. Runs of consecutive statement groups that differ only in integer literals,
// each varying linearly with the repetition index, become one `for` loop. The loop
// executes exactly the same statements in the same order (each literal becomes
// `a + b * i`, an exact small integer), so results are bit-identical.

/** A statement split into fixed text and integer-literal holes. */
interface Tokens {
  /** Fixed text between holes, joined with \u0001 (one more part than holes). */
  key: string;
  parts: string[];
  holes: number[];
}

const isWord = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

// A hand-written scanner (compile time matters: the regional model has ~300 KB of
// statements). Identifiers are skipped whole, so digits inside names such as `log10` or
// `i_0` stay fixed; only small plain integers become holes (their arithmetic stays exact).
function tokenize(line: string): Tokens {
  const parts: string[] = [];
  const holes: number[] = [];
  const n = line.length;
  let last = 0;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (isDigit(c)) {
      const start = i;
      while (i < n && isDigit(line.charCodeAt(i))) i++;
      let plain = true;
      if (i + 1 < n && line.charCodeAt(i) === 46 && isDigit(line.charCodeAt(i + 1))) {
        plain = false;
        i++;
        while (i < n && isDigit(line.charCodeAt(i))) i++;
      }
      const e = line.charCodeAt(i);
      if (e === 101 || e === 69) {
        let j = i + 1;
        const sgn = line.charCodeAt(j);
        if (sgn === 43 || sgn === 45) j++;
        if (isDigit(line.charCodeAt(j))) {
          plain = false;
          i = j;
          while (i < n && isDigit(line.charCodeAt(i))) i++;
        }
      }
      if (plain && i - start <= 9) {
        parts.push(line.slice(last, start));
        holes.push(Number(line.slice(start, i)));
        last = i;
      }
    } else if (isWord(c)) {
      while (i < n && isWord(line.charCodeAt(i))) i++;
    } else {
      i++;
    }
  }
  parts.push(line.slice(last));
  return { key: parts.join('\u0001'), parts, holes };
}

function sameKeys(toks: Tokens[], a: number, b: number, p: number): boolean {
  for (let k = 0; k < p; k++) if (toks[a + k].key !== toks[b + k].key) return false;
  return true;
}

/** Is group g (p statements from `start + g*p`) the linear continuation of groups 0 and 1? */
function linear(toks: Tokens[], start: number, p: number, g: number): boolean {
  for (let k = 0; k < p; k++) {
    const h0 = toks[start + k].holes;
    const h1 = toks[start + p + k].holes;
    const hg = toks[start + g * p + k].holes;
    for (let h = 0; h < h0.length; h++) if (hg[h] !== h0[h] + g * (h1[h] - h0[h])) return false;
  }
  return true;
}

function hole(a: number, d: number, iv: string): string {
  if (d === 1) return `(${a} + ${iv})`;
  if (d < 0) return `(${a} - ${-d} * ${iv})`;
  return `(${a} + ${d} * ${iv})`;
}

/**
 * Roll runs of at least `minReps` repetitions of a group of up to `maxPeriod` statements
 * into loops over the variable `iv` (which must not occur in the statements' scope).
 */
export function rollOnce(lines: string[], iv: string, maxPeriod = 8, minReps = 3): string[] {
  const toks = lines.map(tokenize);
  const out: string[] = [];
  const n = lines.length;
  let i = 0;
  while (i < n) {
    let bestP = 0;
    let bestM = 0;
    for (let p = 1; p <= maxPeriod && i + 2 * p <= n; p++) {
      if (!sameKeys(toks, i, i + p, p)) continue;
      let m = 2;
      while (i + (m + 1) * p <= n && sameKeys(toks, i, i + m * p, p) && linear(toks, i, p, m)) m++;
      if (m >= minReps && m * p > bestM * bestP) {
        bestP = p;
        bestM = m;
      }
    }
    if (!bestP) {
      out.push(lines[i]);
      i++;
      continue;
    }
    const body: string[] = [];
    for (let k = 0; k < bestP; k++) {
      const t0 = toks[i + k];
      const t1 = toks[i + bestP + k];
      let s = t0.parts[0];
      t0.holes.forEach((a, h) => {
        const d = t1.holes[h] - a;
        s += (d === 0 ? String(a) : hole(a, d, iv)) + t0.parts[h + 1];
      });
      body.push(s);
    }
    out.push(`for (let ${iv} = 0; ${iv} < ${bestM}; ${iv}++) {\n${body.join('\n')}\n}`);
    i += bestM * bestP;
  }
  return out;
}

/** Roll statements into loops, then loops of loops (2-D arrays), up to `depth` levels. */
export function rollLines(lines: string[], depth = 3): string[] {
  let cur = lines;
  for (let d = 0; d < depth; d++) {
    const next = rollOnce(cur, `i_${d}`);
    if (next.length === cur.length) break;
    cur = next;
  }
  return cur;
}
