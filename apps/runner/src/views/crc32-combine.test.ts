import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32Combine, crc32Shift } from './crc32-combine.ts';

describe('crc32Combine', () => {
  it('gives the CRC-32 of two texts joined, as zlib reads them, for lengths from nothing to past 2^16 bytes', () => {
    const text = Buffer.from(Array.from({ length: 140_000 }, (_, i) => (i * 7919 + (i >> 5)) & 0xff));
    for (const [first, second] of [
      [0, 0],
      [0, 5],
      [5, 0],
      [1, 1],
      [144, 13_456],
      [13_456, 8],
      [65_535, 65_537],
      [3, 131_072],
    ] as const) {
      const a = text.subarray(0, first);
      const b = text.subarray(first, first + second);
      expect(crc32Combine(crc32(a), crc32(b), crc32Shift(b.length))).toBe(crc32(Buffer.concat([a, b])));
    }
  });

  it('adds many texts in turn, as a page adds its frame’s parts', () => {
    const parts = ['<!doctype html>', 'Title – Census', '', '<main>é€😀</main>', 'x'.repeat(70_000)].map((part) =>
      Buffer.from(part),
    );
    let crc = 0;
    for (const part of parts) crc = crc32Combine(crc, crc32(part), crc32Shift(part.length));
    expect(crc).toBe(crc32(Buffer.concat(parts)));
  });
});
