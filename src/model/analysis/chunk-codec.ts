// Binary encoding of a chunk (DIR/chunks/*.bin): a 32-byte header then float64 values,
// little-endian. Exact (no decimal round trip), compact, and checked on read: the header's
// last 4 bytes are the CRC-32 of every other byte, so a corrupted file is refused.
import type { ChunkResult } from './chunk.ts';
import { crc32 } from './crc32.ts';

const MAGIC = 0x4b484359; // "YCHK" little-endian
/** Format version of chunk files (2: with a checksum). */
export const CHUNK_VERSION = 2;
const HEADER = 32;
const CHECKSUM_AT = 28;

/** CRC-32 of a chunk file's bytes but its checksum field. */
function checksumOf(bytes: Uint8Array): number {
  return crc32(bytes.subarray(HEADER), crc32(bytes.subarray(0, CHECKSUM_AT)));
}

/** Encode a chunk for width P (params per run) and K (KPI values per run). */
export function encodeChunk(c: ChunkResult, P: number, K: number): Uint8Array {
  const buf = new ArrayBuffer(HEADER + 8 * c.count * (P + K));
  const dv = new DataView(buf);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, CHUNK_VERSION, true);
  dv.setFloat64(8, c.start, true);
  dv.setUint32(16, c.count, true);
  dv.setUint32(20, P, true);
  dv.setUint32(24, K, true);
  let off = HEADER;
  for (const arr of [c.params, c.values]) {
    for (let i = 0; i < arr.length; i++, off += 8) dv.setFloat64(off, arr[i], true);
  }
  const bytes = new Uint8Array(buf);
  dv.setUint32(CHECKSUM_AT, checksumOf(bytes), true);
  return bytes;
}

/** Decode a chunk, checking its header against the expected widths and its checksum; throws on mismatch. */
export function decodeChunk(bytes: Uint8Array, P: number, K: number): ChunkResult {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER || dv.getUint32(0, true) !== MAGIC) throw new Error('not a chunk file');
  const version = dv.getUint32(4, true);
  if (version !== CHUNK_VERSION) {
    throw new Error(`chunk format version ${version} is not ${CHUNK_VERSION}${version < CHUNK_VERSION ? ' (written by an older chengyu-sim, without a checksum; rerun the batch into a new directory)' : ''}`);
  }
  const start = dv.getFloat64(8, true);
  const count = dv.getUint32(16, true);
  if (dv.getUint32(20, true) !== P || dv.getUint32(24, true) !== K) throw new Error('chunk widths differ from the batch');
  if (bytes.byteLength !== HEADER + 8 * count * (P + K)) throw new Error('chunk file is truncated');
  if (checksumOf(bytes) !== dv.getUint32(CHECKSUM_AT, true)) {
    throw new Error('chunk file is corrupted (its checksum does not match its contents); remove it and rerun the same command to recompute its runs');
  }
  const params = new Float64Array(count * P);
  const values = new Float64Array(count * K);
  let off = HEADER;
  for (const arr of [params, values]) {
    for (let i = 0; i < arr.length; i++, off += 8) arr[i] = dv.getFloat64(off, true);
  }
  return { start, count, params, values };
}
