import { describe, expect, it } from 'vitest';
import { decodeChunk, encodeChunk } from '../../src/model/analysis/chunk-codec.ts';

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
