// Where the structure diagram draws each variable: causes left of the centre and effects
// right of it in columns by step (wide screens), or causes above and effects below in rows
// (phones), with every box sized to its wrapped name at the real font size, so the SVG is
// drawn 1:1 in CSS pixels and its text stays readable. Pure: text widths are estimated
// (a CJK character is 1 em, Latin letters about 0.56 em), not measured.

/** A variable to place: its rank (steps before or after the centre) and its name as shown. */
export interface LayoutNode {
  name: string;
  rank: number;
  label: string;
}

/** A placed box: top-left corner, size and the name's lines. */
export interface NodeBox {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
  lines: string[];
}

/** Options of the layout. */
export interface LayoutOptions {
  /** Width available in CSS pixels. */
  width: number;
  /** Font size of names in CSS pixels. */
  fontPx: number;
  /** 'h': columns left to right; 'v': rows top to bottom. */
  orientation: 'h' | 'v';
}

/** The diagram's boxes and overall size. */
export interface DiagramLayout {
  boxes: Map<string, NodeBox>;
  width: number;
  height: number;
}

const PAD_X = 10;
const PAD_Y = 7;
const GAP = 16;
const MAX_LINES = 3;
/** Punctuation that closes: kept at the end of the line before. */
const CLOSING = /^[）)，,、。.：:；;!！?？」』”’》]/;

/** Estimated width of text in pixels at `fontPx`. */
export function textWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : ch === ' ' ? 0.3 : /[A-Z&]/.test(ch) ? 0.66 : 0.56;
  return em * fontPx;
}

/**
 * `text` broken into lines no wider than `maxPx`: between words for Latin script, between
 * characters for Chinese (never inside a Latin word); an over-long last line ends in "…".
 */
export function wrapText(text: string, maxPx: number, fontPx: number, maxLines = MAX_LINES): string[] {
  // Tokens: a Latin word with its following space, or one CJK character.
  const tokens = text.match(/[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]+\s*|\s+/g) ?? [text];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    // Closing punctuation never starts a line (it may stick out a little instead).
    if (line && !CLOSING.test(tok) && textWidth((line + tok).trimEnd(), fontPx) > maxPx) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else line += tok;
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last.length > 1 && textWidth(`${last}…`, fontPx) > maxPx) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}

/** Lay out the boxes (see the file comment). */
export function layoutDiagram(nodes: readonly LayoutNode[], opts: LayoutOptions): DiagramLayout {
  const ranks = [...new Set(nodes.map((n) => n.rank))].sort((a, b) => a - b);
  const lineH = Math.round(opts.fontPx * 1.3);
  const boxes = new Map<string, NodeBox>();
  const sized = (n: LayoutNode, w: number): NodeBox => {
    const lines = wrapText(n.label, w - 2 * PAD_X, opts.fontPx);
    const textW = Math.max(...lines.map((l) => textWidth(l, opts.fontPx)));
    const bw = Math.min(w, Math.max(textW + 2 * PAD_X, 3 * opts.fontPx));
    return { name: n.name, x: 0, y: 0, w: Math.ceil(bw), h: lines.length * lineH + 2 * PAD_Y, lines };
  };
  if (opts.orientation === 'h') {
    const colW = opts.width / Math.max(1, ranks.length);
    const boxW = Math.min(colW - GAP * 1.5, 13 * opts.fontPx);
    const columns = ranks.map((r) => nodes.filter((n) => n.rank === r).map((n) => sized(n, boxW)));
    const colH = columns.map((c) => c.reduce((s, b) => s + b.h, 0) + GAP * (c.length - 1));
    const height = Math.max(...colH, 0) + 2 * GAP;
    columns.forEach((col, i) => {
      let y = (height - colH[i]) / 2;
      const cx = colW * (i + 0.5);
      for (const b of col) {
        b.x = Math.round(cx - b.w / 2);
        b.y = Math.round(y);
        y += b.h + GAP;
        boxes.set(b.name, b);
      }
    });
    return { boxes, width: opts.width, height: Math.ceil(height) };
  }
  // Rows: each rank wraps into as many lines of boxes as the width needs.
  const perLine = Math.max(1, Math.floor((opts.width + GAP) / (9 * opts.fontPx + GAP)));
  const cellW = (opts.width - GAP * (perLine - 1)) / perLine;
  let y = GAP / 2;
  const ROW_GAP = 2.4 * GAP;
  for (const r of ranks) {
    const row = nodes.filter((n) => n.rank === r).map((n) => sized(n, cellW));
    for (let i = 0; i < row.length; i += perLine) {
      const line = row.slice(i, i + perLine);
      const h = Math.max(...line.map((b) => b.h));
      const used = line.length * cellW + GAP * (line.length - 1);
      line.forEach((b, j) => {
        b.x = Math.round((opts.width - used) / 2 + j * (cellW + GAP) + (cellW - b.w) / 2);
        b.y = Math.round(y + (h - b.h) / 2);
        boxes.set(b.name, b);
      });
      y += h + GAP;
    }
    y += ROW_GAP - GAP;
  }
  return { boxes, width: opts.width, height: Math.ceil(y - ROW_GAP + GAP) };
}

/** Where the segment from the centre of `a` towards point (tx, ty) leaves box `a`. */
export function boxExit(a: NodeBox, tx: number, ty: number, margin = 3): [number, number] {
  const cx = a.x + a.w / 2;
  const cy = a.y + a.h / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const sx = dx === 0 ? Infinity : (a.w / 2 + margin) / Math.abs(dx);
  const sy = dy === 0 ? Infinity : (a.h / 2 + margin) / Math.abs(dy);
  const s = Math.min(sx, sy);
  return [cx + dx * s, cy + dy * s];
}
