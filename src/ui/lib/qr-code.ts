// A QR code of a share link as an SVG path, so a room can scan the projected link with
// phones. The encoding is uqr's (small, dependency-free, maintained); drawing it as one
// path of whole modules keeps it sharp at any size.
import { encode } from 'uqr';

/** Modules of quiet zone around the code (the standard asks for 4). */
export const QR_QUIET_ZONE = 4;

/** The QR code of `text` (error correction M: survives smudges and glare) as rows of dark (true) modules, quiet zone included. */
export function qrMatrix(text: string): boolean[][] {
  return encode(text, { ecc: 'M', border: QR_QUIET_ZONE }).data;
}

/** SVG path data drawing every dark module of `matrix` as a unit square (runs of a row merged). */
export function qrPath(matrix: boolean[][]): string {
  const parts: string[] = [];
  matrix.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let w = 1;
      while (row[x + w]) w++;
      parts.push(`M${x} ${y}h${w}v1h${-w}z`);
      x += w - 1;
    }
  });
  return parts.join('');
}
