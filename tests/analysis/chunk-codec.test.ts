import { describe, expect, it } from 'vitest';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { decodeChunk, encodeChunk } from '../../src/model/analysis/chunk-codec.ts';
import { crc32 } from '../../src/model/analysis/crc32.ts';

describe('chunk files', () => {
  const c = { start: 1200, count: 2, params: Float64Array.of(0.1, -0, 3), values: Float64Array.of(1, NaN, Infinity, 1e-310, -5, 2 ** 53 + 2) };
  it('round-trip every double exactly, including NaN, ±0, infinities and subnormals', () => {
    const back = decodeChunk(encodeChunk({ ...c, params: Float64Array.of(0.1, -0, 3, 4) }, 2, 3), 2, 3);
    expect(back.start).toBe(1200);
    expect(back.count).toBe(2);
    expect(Object.is(back.params[1], -0)).toBe(true);
    expect(Buffer.from(back.values.buffer).equals(Buffer.from(c.values.buffer))).toBe(true);
  });
  it('refuse truncated files, other widths and other files', () => {
    const bytes = encodeChunk({ ...c, params: Float64Array.of(0.1, -0, 3, 4) }, 2, 3);
    expect(() => decodeChunk(bytes.subarray(0, bytes.length - 8), 2, 3)).toThrow(/truncated/);
    expect(() => decodeChunk(bytes, 3, 3)).toThrow(/widths/);
    expect(() => decodeChunk(new TextEncoder().encode('run,a,b\n0,1,2\n'.repeat(4)), 2, 3)).toThrow(/not a chunk file/);
  });
});

describe('chunk checksums', () => {
  const c = { start: 0, count: 2, params: Float64Array.of(1, 2), values: Float64Array.of(3, 4, 5, 6) };
  it('refuse a file with any changed byte, in the values or the header', () => {
    const bytes = encodeChunk(c, 1, 2);
    expect(decodeChunk(bytes, 1, 2).values).toEqual(c.values);
    for (const at of [8, 40, bytes.length - 1]) {
      const bad = bytes.slice();
      bad[at] ^= 0x10;
      expect(() => decodeChunk(bad, 1, 2), `byte ${at}`).toThrow(/corrupted \(its checksum does not match its contents\)/);
    }
  });
  it('is zlib\'s CRC-32 (an independent implementation agrees)', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const data = Uint8Array.from({ length: 1000 }, (_, i) => (i * 31) & 0xff);
    expect(crc32(data)).toBe(zlibCrc32(Buffer.from(data)));
  });
  it('refuse chunks of the format without a checksum, saying why', () => {
    const old = encodeChunk(c, 1, 2);
    new DataView(old.buffer).setUint32(4, 1, true);
    expect(() => decodeChunk(old, 1, 2)).toThrow(/version 1 is not 2 \(written by an older chengyu-sim, without a checksum/);
  });
});
