import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Response } from 'express';
import { gzipFramed } from '../views/gzip-segments.ts';
import { type FramedPage, joinFramed } from '../views/page-frames.ts';

export type ContentEncoding = 'gzip' | 'br';

/**
 * How pages are compressed, chosen by measurement (docs/performance.md). Over the 91 pages of a
 * census household (20.4 kB each on average), brotli's quality 0 makes 7.2 kB a page in 0.04 ms
 * and quality 2 makes 6.5 kB in 0.08 ms, both ahead of gzip at levels 1 to 3 (6.6 to 6.8 kB in 0.09
 * to 0.1 ms); quality 4 makes 6.1 kB in 0.23 ms. In the runner, just after a page is rendered,
 * each costs about twice that, and the load test runs at 0.93 of the CPU a request with quality 0
 * against quality 2: a tenth more bytes (7.6 against 6.9 kB a page sent) for a twentieth less CPU.
 * Gzip (level 3) is for browsers without brotli.
 */
const PREFERENCE: readonly ContentEncoding[] = ['br', 'gzip'];
const GZIP_LEVEL = 3;
const BROTLI_QUALITY = 0;
/** Below this, the headers outweigh what compression saves. */
const MIN_BYTES = 1024;

/**
 * Sends a whole body (a page rendered in one piece), compressed in one synchronous call when the
 * client accepts it: the compression middleware's per-response zlib stream cost twice the CPU of
 * the compression itself. `compress: false` (`COMPRESS=off`) sends it as it is, for a balancer
 * that compresses what it passes on.
 */
export function sendCompressed(res: Response, body: string, compress = true): void {
  const bytes = Buffer.from(body, 'utf8');
  if (!compress) {
    sendBytes(res, bytes);
    return;
  }
  varyOnEncoding(res);
  const encoding = bytes.length >= MIN_BYTES ? acceptedEncodingsOf(res.req.headers['accept-encoding'])[0] : undefined;
  if (!encoding) {
    sendBytes(res, bytes);
    return;
  }
  res.setHeader('Content-Encoding', encoding);
  sendBytes(res, encoding === 'gzip' ? gzipSync(bytes, { level: GZIP_LEVEL }) : brotli(bytes));
}

/**
 * Sends a page as `sendCompressed` does, but a page made of a cached frame's parts goes gzipped
 * whenever the client takes gzip, even if it prefers brotli: its frame was compressed once
 * (views/gzip-segments.ts), so only its main content is compressed for it. Over the 104 pages of
 * a census household in English (bench/compress.bench.ts, three runs on a busy VM) that costs 25
 * to 28 µs of CPU a page, 0.39 to 0.41 of brotli quality 0 of the whole page (62 to 71 µs) and a
 * quarter of gzip level 3 of it (101 to 125 µs), for 7.9 kB sent a page: 1.02 of brotli's 7.75 kB
 * (whole gzip: 7.1 kB). In Welsh: 0.39 of the CPU, 1.01 of the bytes.
 */
export function sendPage(res: Response, page: string | FramedPage, compress = true): void {
  if (
    typeof page === 'string' ||
    !compress ||
    !acceptedEncodingsOf(res.req.headers['accept-encoding']).includes('gzip')
  ) {
    sendCompressed(res, typeof page === 'string' ? page : joinFramed(page), compress);
    return;
  }
  varyOnEncoding(res);
  const gzipped = gzipFramed(page);
  // The page's length, as the gzip trailer ends with it: a page too small to gain goes plain, as from sendCompressed.
  if (gzipped.readUInt32LE(gzipped.length - 4) < MIN_BYTES) {
    sendBytes(res, Buffer.from(joinFramed(page), 'utf8'));
    return;
  }
  res.setHeader('Content-Encoding', 'gzip');
  sendBytes(res, gzipped);
}

/** What is sent depends on `Accept-Encoding`, compressed or not, so caches must key on it. */
function varyOnEncoding(res: Response): void {
  if (res.getHeader('Vary') === undefined) res.setHeader('Vary', 'Accept-Encoding');
  else res.vary('Accept-Encoding');
}

/**
 * Ends the response with a whole body, as `res.send` does for a Buffer with its type set, without
 * its steps that pages never need: no ETag (pages are `no-store`, and `app.set('etag', false)`),
 * no freshness check (which needs an ETag or Last-Modified), no charset parsing. The status and
 * Content-Type must be set already; HEAD gets the headers alone, as from `res.send`.
 */
export function sendBytes(res: Response, bytes: Buffer): void {
  res.setHeader('Content-Length', bytes.length);
  if (res.req.method === 'HEAD') res.end();
  else res.end(bytes);
}

/** `acceptedEncodings`, remembered for the few headers browsers send (each sends the same one every time). */
const acceptedBy = new Map<string, readonly ContentEncoding[]>();
function acceptedEncodingsOf(header: string | undefined): readonly ContentEncoding[] {
  if (!header) return [];
  const remembered = acceptedBy.get(header);
  if (remembered) return remembered;
  const encodings = acceptedEncodings(header);
  if (header.length <= 200) {
    if (acceptedBy.size >= 100) acceptedBy.clear();
    acceptedBy.set(header, encodings);
  }
  return encodings;
}

function brotli(bytes: Buffer): Buffer {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}

/** The preferred encoding an `Accept-Encoding` header allows (`q=0` refuses one; `*` allows any), if any. */
export function acceptedEncoding(header: string | undefined): ContentEncoding | undefined {
  return acceptedEncodings(header)[0];
}

/** The encodings an `Accept-Encoding` header allows, preferred first. */
function acceptedEncodings(header: string | undefined): ContentEncoding[] {
  if (!header) return [];
  const allowed = new Set<string>();
  const refused = new Set<string>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';');
    const coding = name.trim().toLowerCase();
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
    (q !== undefined && Number(q) === 0 ? refused : allowed).add(coding);
  }
  return PREFERENCE.filter((coding) => !refused.has(coding) && (allowed.has(coding) || allowed.has('*')));
}
