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

// Identifiers (so digits inside names such as `log10` or `i_0` stay fixed), then numbers.
const TOKEN = /[A-Za-z_$][\w$]*|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
// Only small plain integers become holes: their arithmetic stays exact.
const HOLE = /^\d{1,9}$/;

function tokenize(line: string): Tokens {
  const parts: string[] = [];
  const holes: number[] = [];
  let last = 0;
  for (const m of line.matchAll(TOKEN)) {
    if (!HOLE.test(m[0])) continue;
    parts.push(line.slice(last, m.index));
    holes.push(Number(m[0]));
    last = m.index + m[0].length;
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
