import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestRunner, testRunner } from '../testing/harness.ts';
import { declareFieldsFirst } from './declared-fields.ts';

// V8's own test of whether two objects have one shape (map).
setFlagsFromString('--allow-natives-syntax');
const sameShape = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

let runner: TestRunner;
beforeAll(async () => {
  runner = await testRunner();
});
afterAll(() => runner.close());

/** A request of `served`: a GET, or a form posted with the CSRF token of the last page. */
type Sent = string | { post: string; form: Record<string, string> };

/** Requests and responses of the runner's app, as they are when each response has been sent, with the cookies each set kept. */
async function served(sent: Sent[]): Promise<[IncomingMessage, ServerResponse][]> {
  const seen: [IncomingMessage, ServerResponse][] = [];
  const server = createServer((req, res) => {
    res.on('finish', () => seen.push([req, res]));
    runner.app(req, res);
  });
  await new Promise<void>((listening) => server.listen(0, listening));
  const { port } = server.address() as AddressInfo;
  const cookies = new Map<string, string>();
  let csrf = '';
  for (const request of sent) {
    const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response =
      typeof request === 'string'
        ? await fetch(`http://127.0.0.1:${port}${request}`, { headers: { cookie }, redirect: 'manual' })
        : await fetch(`http://127.0.0.1:${port}${request.post}`, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ ...request.form, _csrf: csrf }).toString(),
            redirect: 'manual',
          });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    csrf = /name="_csrf" value="([^"]+)"/.exec(await response.text())?.[1] ?? csrf;
  }
  server.closeAllConnections();
  await new Promise((closed) => server.close(closed));
  return seen;
}

describe('fields declared first', () => {
  it('give every request, and every response, of the respondent’s pages and posts one shape', async () => {
    const post = { post: '/questionnaire/age', form: { 'age-answer': '25' } };
    const all = await served([
      '/s/routing-and',
      '/questionnaire/',
      '/questionnaire/age',
      '/questionnaire/age',
      '/questionnaire/age?return=summary',
      '/questionnaire/age',
      post,
      '/questionnaire/age',
      post,
      '/questionnaire/age',
      post,
    ]);
    expect(all.map(([, res]) => res.statusCode)).toEqual([303, 303, 200, 200, 200, 200, 303, 200, 303, 200, 303]);
    const pages = all.slice(2).filter(([req]) => req.method === 'GET');
    const posts = all.slice(2).filter(([req]) => req.method === 'POST');
    for (const sameKind of [pages, posts]) {
      const [[firstRequest, firstResponse]] = sameKind as [[IncomingMessage, ServerResponse]];
      for (const [req, res] of sameKind) {
        expect(sameShape(req, firstRequest), `${req.method} ${req.url}`).toBe(true);
        expect(sameShape(res, firstResponse), `${req.method} ${req.url}`).toBe(true);
      }
    }
  });

  it('leave what a request and a response read before they are set as it was', async () => {
    const app = express();
    declareFieldsFirst(app, { request: ['lang'], response: [] });
    const read: unknown[] = [];
    app.use((req, res) => {
      read.push(req.lang, req.body, req.params, res.statusCode, res.statusMessage, 'lang' in req);
      res.end();
    });
    const server = createServer(app);
    await new Promise<void>((listening) => server.listen(0, listening));
    await (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)).arrayBuffer();
    server.closeAllConnections();
    await new Promise((closed) => server.close(closed));
    expect(read).toEqual([undefined, undefined, {}, 200, undefined, true]);
  });

  it('refuse a field the request’s prototype defines, which it would hide', () => {
    expect(() => declareFieldsFirst(express(), { request: ['query'], response: [] })).toThrow(/query/);
    expect(() => declareFieldsFirst(express(), { request: [], response: ['status'] })).toThrow(/status/);
  });
});
