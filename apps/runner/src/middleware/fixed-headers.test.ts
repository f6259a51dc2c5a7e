import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { checkedHeader, fixedHeaders, type HeaderList, writesHeaderRecord } from './fixed-headers.ts';

const HEADERS: HeaderList = [
  ['Content-Security-Policy', "default-src 'self';img-src 'self' data:"],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['Cache-Control', 'no-store'],
  ['X-XSS-Protection', '0'],
];

/** A response with a header set already, as the request id is before the security headers. */
function response(): ServerResponse {
  const res = new ServerResponse(new IncomingMessage(new Socket()));
  res.setHeader('X-Request-Id', 'request-0001');
  return res;
}

/** The response's headers as they would be written: names as given, in order, with their values. */
const written = (res: ServerResponse) =>
  // Node's own (since 15.13), missing from its types.
  (res as ServerResponse & { getRawHeaderNames(): string[] })
    .getRawHeaderNames()
    .map((name) => [name, res.getHeader(name)]);

describe('fixed headers', () => {
  it('are written into Node’s own record of the headers on this version of Node', () => {
    expect(writesHeaderRecord).toBe(true);
  });

  it('leave a response as setting each with setHeader does', () => {
    const fixed = response();
    fixedHeaders(HEADERS)(fixed);
    const each = response();
    for (const [name, value] of HEADERS) each.setHeader(name, value);
    expect(written(fixed)).toEqual(written(each));
    expect(fixed.getHeaders()).toEqual(each.getHeaders());
    expect(fixed.getHeader('cache-control')).toBe('no-store');
  });

  it('replace a header of the same name set before them, and are replaced by one set after', () => {
    const res = response();
    res.setHeader('cache-control', 'public');
    fixedHeaders(HEADERS)(res);
    expect(res.getHeader('Cache-Control')).toBe('no-store');
    res.setHeader('Cache-Control', 'max-age=60');
    expect(written(res)).toContainEqual(['Cache-Control', 'max-age=60']);
  });

  it('are set anew on each response: a value appended to one never reaches the next', () => {
    const set = fixedHeaders(HEADERS);
    const first = response();
    set(first);
    first.appendHeader('Cache-Control', 'private');
    const second = response();
    set(second);
    expect(first.getHeader('Cache-Control')).toEqual(['no-store', 'private']);
    expect(second.getHeader('Cache-Control')).toBe('no-store');
  });

  it('are set on a response without any header yet, as setHeader sets them', () => {
    const fixed = new ServerResponse(new IncomingMessage(new Socket()));
    fixedHeaders(HEADERS)(fixed);
    const each = new ServerResponse(new IncomingMessage(new Socket()));
    for (const [name, value] of HEADERS) each.setHeader(name, value);
    expect(written(fixed)).toEqual(written(each));
    expect(fixed.getHeaders()).toEqual(each.getHeaders());
  });

  it('refuse a response whose headers are sent, as setHeader does', () => {
    const res = response();
    res.writeHead(200);
    expect(() => fixedHeaders(HEADERS)(res)).toThrow(expect.objectContaining({ code: 'ERR_HTTP_HEADERS_SENT' }));
  });

  it('refuse, when made, a name or a value setHeader would refuse', () => {
    expect(() => fixedHeaders([['Bad Name', 'x']])).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_HTTP_TOKEN' }),
    );
    expect(() => fixedHeaders([['X-Bad', 'line\r\nInjected: yes']])).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_CHAR' }),
    );
  });
});

describe('a checked header', () => {
  it('is set as setHeader sets it, first or after others, and replaces one of the same name', () => {
    const setId = checkedHeader('X-Request-Id');
    const first = new ServerResponse(new IncomingMessage(new Socket()));
    setId(first, 'request-0002');
    first.setHeader('Content-Type', 'text/html');
    const each = new ServerResponse(new IncomingMessage(new Socket()));
    each.setHeader('X-Request-Id', 'request-0002');
    each.setHeader('Content-Type', 'text/html');
    expect(written(first)).toEqual(written(each));

    const again = response();
    setId(again, 'request-0003');
    expect(written(again)).toEqual([['X-Request-Id', 'request-0003']]);
  });

  it('refuses a response whose headers are sent, and a name setHeader would refuse', () => {
    const res = response();
    res.writeHead(200);
    expect(() => checkedHeader('X-Request-Id')(res, 'x')).toThrow(
      expect.objectContaining({ code: 'ERR_HTTP_HEADERS_SENT' }),
    );
    expect(() => checkedHeader('Bad Name')).toThrow(expect.objectContaining({ code: 'ERR_INVALID_HTTP_TOKEN' }));
  });
});
