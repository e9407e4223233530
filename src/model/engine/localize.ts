// Local variables for one generated function: V8 cannot keep a value read from the state
// vector `v` in a register across a store to `v` (any store might alias it), so every read
// is a bounds-checked load, repeated in each loop iteration. This pass
//   - reads once, at the function's start, every fixed slot the function never writes
//     (constants, stocks, results of earlier passes): `const r12 = v[12];`;
//   - keeps a fixed slot's new value in a local for the reads after its write;
//   - in an element-wise loop, keeps each element's new value in a local for the later
//     statements of the same iteration;
//   - before a loop that reads slots earlier lines wrote (a whole array, say, summed with
//     weights in every iteration), reads them once if nothing writes them afterwards;
//   - treats a guarded block (guard.ts) as statements that may not run: what it writes is
//     read back from `v` after it.
// Every store stays (other passes, the report and the saved outputs read the slots), every
// expression is the same arithmetic on the same values, so results are bit-identical. A
// function writing `v` in any other form (a 2-D loop, a computed index) is left as it is.

// A guarded block (guard.ts): `if (condition) {`, then top-level statements and loops.
const GUARD = /^if \((.*)\) \{\n([\s\S]*)\n\}$/;
const LOOP = /^for \(let i_0 = 0; i_0 < (\d+); i_0\+\+\) \{\n([\s\S]*)\n\}$/;
const FIXED_WRITE = /^v\[(\d+)\] = ([\s\S]*);$/;
const ELEMENT_WRITE = /^v\[\((\d+) \+ i_0\)\] = ([\s\S]*);$/;

/** The top-level statements of a block's body (a loop, with its body, is one). */
function blockLines(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  for (const l of body.split('\n')) {
    if (depth > 0) out[out.length - 1] += `\n${l}`;
    else out.push(l);
    if (/^(for|if) \(.*\{$/.test(l)) depth++;
    else if (l === '}') depth--;
  }
  return out;
}

/** An access to `v` in generated code: the index text and whether it is assigned. */
interface Access {
  index: string;
  write: boolean;
}

/** Every `v[...]` access in `code` (brackets matched, so nested indices are whole). */
function accesses(code: string): Access[] {
  const out: Access[] = [];
  const re = /(?<![\w$.])v\[/g;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    let depth = 1;
    let i = m.index + 2;
    for (; i < code.length && depth > 0; i++) {
      if (code[i] === '[') depth++;
      else if (code[i] === ']') depth--;
    }
    const index = code.slice(m.index + 2, i - 1);
    const rest = code.slice(i, i + 4);
    out.push({ index, write: /^ ?([-+*/]?=)(?!=)/.test(rest) });
  }
  return out;
}

/** Replace reads `v[N]` (fixed N, not assigned) for which `name(N)` gives a local. */
function replaceFixedReads(code: string, name: (slot: number) => string | undefined): string {
  return code.replace(/(?<![\w$.])v\[(\d+)\](?! ?[-+*/]?=(?!=))/g, (all, s: string) => name(Number(s)) ?? all);
}

/**
 * Rewrite one generated function body (its top-level lines) to use locals; unchanged when
 * unsafe. `late` (default true) also reads slots written earlier in the body once before a
 * loop that reads them, and bounds strided writes in loops (a delay line's every third slot);
 * false gives the plain baseline of CompileOptions.optimize.
 */
export function localizeLines(lines: string[], late = true): string[] {
  // Which slots the function writes: fixed ones, and element-wise loop ranges.
  const fixedWrites = new Map<number, number>();
  const ranges: Array<[number, number]> = [];
  const fixedReads = new Set<number>();
  // The last top-level line writing each fixed slot, and each range (for loads after the writes).
  const lastFixedWrite = new Map<number, number>();
  const rangeLines: number[] = [];
  let lineNo = 0;
  const scan = (line: string): boolean => {
    const guard = GUARD.exec(line);
    if (guard) return blockLines(guard[2]).every(scan);
    const loop = LOOP.exec(line);
    for (const a of accesses(line)) {
      if (!a.write) {
        if (/^\d+$/.test(a.index)) fixedReads.add(Number(a.index));
        continue;
      }
      if (/^\d+$/.test(a.index)) {
        fixedWrites.set(Number(a.index), (fixedWrites.get(Number(a.index)) ?? 0) + 1);
        lastFixedWrite.set(Number(a.index), lineNo);
      } else {
        const el = (late ? /^\((\d+) \+ (?:(\d+) \* )?i_0\)$/ : /^\((\d+) \+ i_0\)()$/).exec(a.index);
        if (!el || !loop || loop[2].includes('for (')) return false; // a write we cannot bound
        const stride = el[2] ? Number(el[2]) : 1;
        ranges.push([Number(el[1]), stride * (Number(loop[1]) - 1) + 1]);
        rangeLines.push(lineNo);
      }
    }
    return true;
  };
  for (; lineNo < lines.length; lineNo++) if (!scan(lines[lineNo])) return lines;
  const lastWrite = (slot: number): number => {
    let k = lastFixedWrite.get(slot) ?? -1;
    ranges.forEach(([b, n], j) => {
      if (slot >= b && slot < b + n) k = Math.max(k, rangeLines[j]);
    });
    return k;
  };
  // Slots a guarded block writes hold their new value only if the block ran: no locals for them after it.
  const conditional = new Set<number>();
  for (const line of lines) {
    const guard = GUARD.exec(line);
    if (guard) for (const a of accesses(guard[2])) if (a.write && /^\d+$/.test(a.index)) conditional.add(Number(a.index));
  }
  const written = (s: number): boolean => fixedWrites.has(s) || ranges.some(([b, n]) => s >= b && s < b + n);

  // Fixed slots never written here: read once at the start.
  const hoisted = [...fixedReads].filter((s) => !written(s));
  const locals = new Map<number, string>();
  for (const s of hoisted) locals.set(s, `r${s}`);
  const out: string[] = hoisted.sort((a, b) => a - b).map((s) => `const r${s} = v[${s}];`);

  for (const [k, line] of lines.entries()) {
    // A loop reading a slot that earlier lines wrote and none writes again: read it once, here,
    // not in every iteration.
    if (late && (LOOP.test(line) || GUARD.test(line))) {
      for (const a of accesses(line)) {
        if (a.write || !/^\d+$/.test(a.index)) continue;
        const slot = Number(a.index);
        if (locals.has(slot)) continue;
        const w = lastWrite(slot);
        if (w >= 0 && w < k) {
          out.push(`const l${slot} = v[${slot}];`);
          locals.set(slot, `l${slot}`);
        }
      }
    }
    const guard = GUARD.exec(line);
    if (guard) {
      const body = blockLines(guard[2]).map((l) => {
        const loop = LOOP.exec(l);
        if (loop && !loop[2].includes('for (')) return `for (let i_0 = 0; i_0 < ${loop[1]}; i_0++) {\n${localizeLoopBody(loop[2].split('\n'), locals).join('\n')}\n}`;
        return replaceFixedReads(l, (s) => locals.get(s));
      });
      out.push(`if (${replaceFixedReads(guard[1], (s) => locals.get(s))}) {\n${body.join('\n')}\n}`);
      continue;
    }
    const fixed = FIXED_WRITE.exec(line);
    if (fixed && !line.includes('\n')) {
      const slot = Number(fixed[1]);
      const expr = replaceFixedReads(fixed[2], (s) => locals.get(s));
      if (fixedWrites.get(slot) === 1 && !conditional.has(slot)) {
        out.push(`const w${slot} = ${expr};`, `v[${slot}] = w${slot};`);
        locals.set(slot, `w${slot}`);
      } else {
        out.push(`v[${slot}] = ${expr};`);
      }
      continue;
    }
    const loop = LOOP.exec(line);
    if (loop && !loop[2].includes('for (')) {
      out.push(`for (let i_0 = 0; i_0 < ${loop[1]}; i_0++) {\n${localizeLoopBody(loop[2].split('\n'), locals).join('\n')}\n}`);
      continue;
    }
    out.push(replaceFixedReads(line, (s) => locals.get(s)));
  }
  return out;
}

/** An element-wise loop body: fixed reads through `locals`, each element's new value kept for later statements. */
function localizeLoopBody(body: string[], locals: Map<number, string>): string[] {
  const elementLocals = new Map<number, string>();
  const out: string[] = [];
  const reads = (expr: string): string => {
    let s = replaceFixedReads(expr, (slot) => locals.get(slot));
    for (const [base, name] of elementLocals) s = s.split(`v[(${base} + i_0)]`).join(name);
    return s;
  };
  for (let k = 0; k < body.length; k++) {
    const w = ELEMENT_WRITE.exec(body[k]);
    if (!w) {
      out.push(reads(body[k]));
      continue;
    }
    const base = Number(w[1]);
    if (elementLocals.has(base)) return body.map((s) => replaceFixedReads(s, (slot) => locals.get(slot))); // written twice: keep plain stores
    // A local pays only if a later statement of the iteration reads the element.
    if (body.slice(k + 1).some((b) => b.includes(`v[(${base} + i_0)]`))) {
      out.push(`const e${base} = ${reads(w[2])};`, `v[(${base} + i_0)] = e${base};`);
      elementLocals.set(base, `e${base}`);
    } else {
      out.push(`v[(${base} + i_0)] = ${reads(w[2])};`);
    }
  }
  return out;
}
