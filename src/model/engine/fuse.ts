// Loop fusion of rolled statements: adjacent loops over the same count whose second loop
// reads the first loop's results only at the current index become one loop. An array
// model's step is a chain of element-wise equations (x = f(y) per node, then z = g(x) per
// node, ...); one loop per chain saves the loop overhead and reloads, and each statement
// still computes the same expression from the same values, so results are bit-identical.

const HEADER = /^for \(let i_0 = 0; i_0 < (\d+); i_0\+\+\) \{\n([\s\S]*)\n\}$/;
const TARGET = /^v\[\((\d+) \+ i_0\)\] = /;
const READ = /\bv\[(?:(\d+)|\((\d+) ([+-]) (?:(\d+) \* )?i_0\))\]/g;

/** A rolled loop: its count, body lines, written ranges' bases, and the slots each read touches. */
interface Loop {
  n: number;
  body: string[];
  bases: number[];
  /** Every read: a fixed slot (stride 0) or base + stride·i for i in 0..n-1. */
  reads: Array<{ base: number; stride: number }>;
}

function parseLoop(line: string): Loop | null {
  const m = HEADER.exec(line);
  if (!m) return null;
  const n = Number(m[1]);
  const body = m[2].split('\n');
  const bases: number[] = [];
  const reads: Loop['reads'] = [];
  for (const s of body) {
    const t = TARGET.exec(s);
    if (!t || s.includes('for (')) return null;
    bases.push(Number(t[1]));
    for (const r of s.slice(t[0].length).matchAll(READ)) {
      if (r[1] !== undefined) reads.push({ base: Number(r[1]), stride: 0 });
      else reads.push({ base: Number(r[2]), stride: (r[3] === '-' ? -1 : 1) * (r[4] !== undefined ? Number(r[4]) : 1) });
    }
  }
  return { n, body, bases, reads };
}

const within = (x: number, bases: number[], n: number): number => bases.findIndex((b) => x >= b && x < b + n);

/** May `b` run in the same iterations as `a` (after it), reading a's results at index i only? */
function fusable(a: Loop, b: Loop): boolean {
  if (a.n !== b.n) return false;
  for (const r of b.reads) {
    if (r.stride === 1 && a.bases.includes(r.base)) continue; // a's element i, written this iteration
    for (let i = 0; i < a.n; i++) if (within(r.base + r.stride * i, a.bases, a.n) >= 0) return false;
  }
  // a must not read what b writes (it would see b's new values for earlier elements).
  for (const r of a.reads) for (let i = 0; i < a.n; i++) if (within(r.base + r.stride * i, b.bases, b.n) >= 0) return false;
  return true;
}

/** Fuse adjacent fusable loops of rolled lines (see rollLines). */
export function fuseLoops(lines: string[]): string[] {
  const out: string[] = [];
  let cur: Loop | null = null;
  const flush = (): void => {
    if (cur) out.push(`for (let i_0 = 0; i_0 < ${cur.n}; i_0++) {\n${cur.body.join('\n')}\n}`);
    cur = null;
  };
  for (const line of lines) {
    const loop = parseLoop(line);
    if (!loop) {
      flush();
      out.push(line);
    } else if (cur && fusable(cur, loop)) {
      const c: Loop = cur;
      cur = { n: c.n, body: [...c.body, ...loop.body], bases: [...c.bases, ...loop.bases], reads: [...c.reads, ...loop.reads] };
    } else {
      flush();
      cur = loop;
    }
  }
  flush();
  return out;
}
