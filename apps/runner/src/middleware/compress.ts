import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Response } from 'express';

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
  const vary = res.getHeader('Vary');
  if (vary === undefined) res.setHeader('Vary', 'Accept-Encoding');
  else res.vary('Accept-Encoding');
  const encoding = bytes.length >= MIN_BYTES ? acceptedEncodingOf(res.req.headers['accept-encoding']) : undefined;
  if (!encoding) {
    sendBytes(res, bytes);
    return;
  }
  res.setHeader('Content-Encoding', encoding);
  sendBytes(res, encoding === 'gzip' ? gzipSync(bytes, { level: GZIP_LEVEL }) : brotli(bytes));
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

/** `acceptedEncoding`, remembered for the few headers browsers send (each sends the same one every time). */
const acceptedBy = new Map<string, ContentEncoding | undefined>();
function acceptedEncodingOf(header: string | undefined): ContentEncoding | undefined {
  if (!header) return undefined;
  if (acceptedBy.has(header)) return acceptedBy.get(header);
  const encoding = acceptedEncoding(header);
  if (header.length <= 200) {
    if (acceptedBy.size >= 100) acceptedBy.clear();
    acceptedBy.set(header, encoding);
  }
  return encoding;
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
  if (!header) return undefined;
  const allowed = new Set<string>();
  const refused = new Set<string>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';');
    const coding = name.trim().toLowerCase();
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
    (q !== undefined && Number(q) === 0 ? refused : allowed).add(coding);
  }
  return PREFERENCE.find((coding) => !refused.has(coding) && (allowed.has(coding) || allowed.has('*')));
}
