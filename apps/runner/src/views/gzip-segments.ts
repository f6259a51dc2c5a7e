import { constants, crc32, deflateRawSync, type ZlibOptions } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import { crc32Combine, crc32Shift } from './crc32-combine.ts';
import { type Frame, type FramedPage, MIDDLE } from './page-frames.ts';

/**
 * A page with a cached frame (page-frames.ts), gzipped without compressing its frame again: four
 * fifths of a question page is frame, the same for every page of its shape. Deflate lets a stream
 * be made of pieces that each end on a byte boundary (a sync flush) and are not final, so each
 * static part of a frame is compressed once (see StaticPart), at the highest level, and kept; a
 * page is then the gzip header, those pieces in turn with its own values as stored (uncompressed)
 * blocks and its middle (the main content) compressed for it alone, an empty final block, and
 * the trailer (the CRC-32 and length of the whole page). `gunzip` of it is the page, byte for byte.
 *
 * Values are stored: they are short (a title, two URLs, a token, a time), mostly unlike the rest of
 * the page, and compressing each would cost a zlib call of its own (about 5 µs of set-up each).
 * The middle is compressed without the page before it as its dictionary: that saved 0.14 kB a
 * census page for 16 µs more.
 */

/** Fixed header: deflate, no name or time, from a Unix system (as zlib writes it). */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
/** A final stored block with nothing in it: ends the deflate stream after the last non-final piece. */
const FINAL_BLOCK = Buffer.from([1, 0, 0, 0xff, 0xff]);
/** The most bytes one stored block holds. */
const MAX_STORED = 0xffff;

/** Each static part of a frame is compressed once, so at the highest level. */
const FRAME_LEVEL = 9;
/**
 * The middle, for each page (3.2 kB of a census page's 22 kB on average). Measured with
 * bench/compress.bench.ts over a census household: levels 1 to 3 cost the same (within 1 µs a page
 * of some 23, of which about 5 are zlib's set-up for each call) and send within 15 bytes of each
 * other; levels 4 and 6 cost 3 µs more for 30 to 35 bytes less; a smaller window and memLevel
 * (13, 7) saved nothing.
 */
const MIDDLE_OPTIONS: ZlibOptions = { level: 3, finishFlush: constants.Z_SYNC_FLUSH };

/**
 * A static part of a frame, compressed alone, once. But a part that comes after as much of the
 * frame's markup as its own size, since the last part compressed alone (the short parts among the
 * language links and the Previous link, and at the page's end), is compressed with that markup
 * as its dictionary, to refer back to it as the page compressed whole would: the values in
 * between take their length in the window, so the dictionary has as many bytes 0xff for each,
 * which UTF-8 text never holds, and no reference can fall on them. Such a part is compressed once
 * for each run of those lengths (a census household's question pages have 54 in one language),
 * and kept. Over a census household that sends 0.54 kB a page less (8.4 kB to 7.9 kB) for 1 µs more.
 * Nothing refers back past the middle, whose length is each page's own.
 */
type StaticPart = { bytes: Buffer; crc: number; shift: number } & (
  | { alone: Buffer }
  /** The run before it (static parts' bytes, values' indexes), and this part's key among the pieces kept. */
  | { run: readonly (Buffer | number)[]; id: number }
);
type Segment = StaticPart | number | typeof MIDDLE;
const segmentsOf = new WeakMap<Frame, readonly Segment[]>();
/**
 * Parts compressed after their runs, by part and the lengths of the values in its run (0.1 to 0.5 kB
 * each): bounded by their bytes in all, as a frame's parts can meet many runs of lengths (titles,
 * URLs) and a runner keeps up to 500 frames.
 */
const piecesAfter = new LRUCache<string, Buffer>({
  maxSize: 8 * 1024 * 1024,
  sizeCalculation: (piece) => piece.length,
});
let partsMade = 0;
/** What deflate can refer back to. */
const WINDOW = 32 * 1024;
const FILLER = 0xff;

/** The page as one gzip member, its frame's static parts compressed once per frame. */
export function gzipFramed(page: FramedPage): Buffer {
  const segments = segmentsOf.get(page.frame) ?? compressFrame(page.frame);
  const pieces: Buffer[] = [GZIP_HEADER];
  let length = GZIP_HEADER.length;
  let crc = 0;
  let size = 0;
  const add = (piece: Buffer) => {
    pieces.push(piece);
    length += piece.length;
  };
  /** The byte lengths of the values since the last part compressed alone, or the middle. */
  let lengths: number[] = [];
  for (const segment of segments) {
    if (typeof segment === 'object') {
      if ('alone' in segment) {
        add(segment.alone);
        lengths = [];
      } else {
        add(pieceAfter(segment, lengths));
      }
      crc = crc32Combine(crc, segment.crc, segment.shift);
      size += segment.bytes.length;
      continue;
    }
    let bytes: Buffer;
    if (segment === MIDDLE) {
      lengths = [];
      bytes = Buffer.from(page.middle, 'utf8');
      if (bytes.length > 0) add(deflateRawSync(bytes, MIDDLE_OPTIONS));
    } else {
      bytes = Buffer.from(page.values[segment] ?? '', 'utf8');
      lengths.push(bytes.length);
      for (let at = 0; at < bytes.length; at += MAX_STORED) {
        const block = bytes.subarray(at, at + MAX_STORED);
        add(storedHeader(block.length));
        add(block);
      }
    }
    crc = crc32(bytes, crc);
    size += bytes.length;
  }
  add(FINAL_BLOCK);
  const trailer = Buffer.allocUnsafe(8);
  trailer.writeUInt32LE(crc, 0);
  // ISIZE: the length modulo 2^32.
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  add(trailer);
  return Buffer.concat(pieces, length);
}

function compressFrame(frame: Frame): readonly Segment[] {
  let run: (Buffer | number)[] = [];
  let runBytes = 0;
  const segments = frame.parts.map((part): Segment => {
    if (part === MIDDLE) {
      run = [];
      runBytes = 0;
      return part;
    }
    if (typeof part === 'number') {
      run.push(part);
      return part;
    }
    const bytes = Buffer.from(part, 'utf8');
    const checks = { bytes, crc: crc32(bytes), shift: crc32Shift(bytes.length) };
    const follows = runBytes >= bytes.length;
    if (!follows) {
      run = [];
      runBytes = 0;
    }
    const segment: StaticPart = follows
      ? { ...checks, run: [...run], id: partsMade++ }
      : { ...checks, alone: deflateRawSync(bytes, { level: FRAME_LEVEL, finishFlush: constants.Z_SYNC_FLUSH }) };
    run.push(bytes);
    runBytes += bytes.length;
    return segment;
  });
  segmentsOf.set(frame, segments);
  return segments;
}

/** A part compressed after its run, with the values in it of these byte lengths. */
function pieceAfter(part: Extract<StaticPart, { run: unknown }>, lengths: readonly number[]): Buffer {
  const key = `${part.id}:${lengths.join(',')}`;
  const kept = piecesAfter.get(key);
  if (kept) return kept;
  let value = 0;
  const run = part.run.map((p) => (typeof p === 'number' ? Buffer.alloc(lengths[value++] ?? 0, FILLER) : p));
  const dictionary = Buffer.concat(run).subarray(-WINDOW);
  const piece = deflateRawSync(part.bytes, { level: FRAME_LEVEL, finishFlush: constants.Z_SYNC_FLUSH, dictionary });
  piecesAfter.set(key, piece);
  return piece;
}

/** A stored block's header, not final: its type (and padding to the byte), then LEN and NLEN, little-endian. */
function storedHeader(length: number): Buffer {
  const header = Buffer.allocUnsafe(5);
  header[0] = 0;
  header.writeUInt16LE(length, 1);
  header.writeUInt16LE(~length & 0xffff, 3);
  return header;
}
