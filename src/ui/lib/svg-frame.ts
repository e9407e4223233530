// Exported charts for briefings: the chart's SVG on a white page with its title above and
// a caption below (what, where, which settings, model version, date), so a copied image
// still says what it shows. Pure string work; the PNG export rasterises the same SVG.

/** Text made safe for XML content and attribute values. */
export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** Rough width of `text` in pixels at `size` (CJK and full-width characters count double). */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(ch) ? size : size * 0.56;
  return w;
}

/** `text` broken into lines no wider than `max` pixels (at spaces or between CJK characters). */
export function wrapText(text: string, max: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  // Tokens: a run of non-space Latin characters, a single CJK character, or a space.
  for (const tok of text.match(/[^\s\u2e80-\u9fff\uff00-\uffef]+|[\u2e80-\u9fff\uff00-\uffef]|\s+/g) ?? []) {
    if (line && textWidth(line + tok, size) > max) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else line += tok;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Layout of a framed chart. */
export interface FrameText {
  title: string;
  /** Caption paragraphs, each wrapped to the width. */
  caption: string[];
}

const FONT = "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** `chartSvg` (width × height) framed with a white background, `title` above and `caption` below. */
export function framedSvg(chartSvg: string, width: number, height: number, text: FrameText): { svg: string; width: number; height: number } {
  const top = 34;
  const size = 11;
  const lineH = 15;
  const lines = text.caption.flatMap((p) => wrapText(p, width - 24, size));
  const total = Math.ceil(top + height + 10 + lines.length * lineH + 8);
  // The chart keeps its own SVG, nested and moved below the title.
  const inner = chartSvg.replace(/^\s*<\?xml[^>]*>\s*/, '').replace(/^<svg\b/, `<svg x="0" y="${top}"`);
  const caption = lines
    .map((l, i) => `<text x="12" y="${top + height + 10 + (i + 1) * lineH - 3}" font-size="${size}" fill="#4a525c">${xmlEscape(l)}</text>`)
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${FONT}">` +
    `<rect x="0" y="0" width="${width}" height="${total}" fill="#ffffff"/>` +
    `<text x="12" y="22" font-size="15" font-weight="600" fill="#1b1f24">${xmlEscape(text.title)}</text>` +
    inner +
    caption +
    `</svg>`;
  return { svg, width, height: total };
}
