// Binary encoding of a chunk (DIR/chunks/*.bin): a 32-byte header then float64 values,
// little-endian. Exact (no decimal round trip), compact, and checkable on read.
import type { ChunkResult } from './chunk.ts';

const MAGIC = 0x4b484359; // "YCHK" little-endian
const VERSION = 1;
const HEADER = 32;

/** Encode a chunk for width P (params per run) and K (KPI values per run). */
export function encodeChunk(c: ChunkResult, P: number, K: number): Uint8Array {
  const buf = new ArrayBuffer(HEADER + 8 * c.count * (P + K));
  const dv = new DataView(buf);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, VERSION, true);
  dv.setFloat64(8, c.start, true);
  dv.setUint32(16, c.count, true);
  dv.setUint32(20, P, true);
  dv.setUint32(24, K, true);
  let off = HEADER;
  for (const arr of [c.params, c.values]) {
    for (let i = 0; i < arr.length; i++, off += 8) dv.setFloat64(off, arr[i], true);
  }
  return new Uint8Array(buf);
}

/** Decode a chunk, checking its header against the expected widths; throws on mismatch. */
export function decodeChunk(bytes: Uint8Array, P: number, K: number): ChunkResult {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER || dv.getUint32(0, true) !== MAGIC) throw new Error('not a chunk file');
  if (dv.getUint32(4, true) !== VERSION) throw new Error(`chunk format version ${dv.getUint32(4, true)} is not ${VERSION}`);
  const start = dv.getFloat64(8, true);
  const count = dv.getUint32(16, true);
  if (dv.getUint32(20, true) !== P || dv.getUint32(24, true) !== K) throw new Error('chunk widths differ from the batch');
  if (bytes.byteLength !== HEADER + 8 * count * (P + K)) throw new Error('chunk file is truncated');
  const params = new Float64Array(count * P);
  const values = new Float64Array(count * K);
  let off = HEADER;
  for (const arr of [params, values]) {
    for (let i = 0; i < arr.length; i++, off += 8) arr[i] = dv.getFloat64(off, true);
  }
  return { start, count, params, values };
}
