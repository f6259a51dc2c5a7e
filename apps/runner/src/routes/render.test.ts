import { emptyState } from '@eq/engine';
import express from 'express';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Services } from '../services.ts';
import { example, viewAt } from '../view-models/test-pages.ts';
import { createViewEngine } from '../views/engine.ts';
import { render, seeOther } from './render.ts';

const app = express();
app.all('/go', (req, res) => seeOther(res, String(req.query.to)));

const census = example('census-household');
const page = viewAt(census, emptyState(), { kind: 'hub' }, { backUrl: '/questionnaire/back' });
const rendered = (compress: 'on' | 'off') => {
  const services = { views: createViewEngine(), config: { COMPRESS: compress } } as unknown as Services;
  const pages = express();
  pages.get('/page', (_req, res) => render(res, services, page, 201));
  return pages;
};
/** The page rendered whole, without frames: what every way of sending it must decode to. */
const wholePage = createViewEngine({ frames: false }).render(page.template, page.view);

describe('render', () => {
  it('sends a page with a cached frame gzipped to a browser taking gzip and brotli, the page rendered whole once decoded', async () => {
    const response = await supertest(rendered('on')).get('/page').set('Accept-Encoding', 'gzip, deflate, br');
    expect(response.status).toBe(201);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(Number(response.headers['content-length'])).toBeLessThan(Buffer.byteLength(wholePage) / 2);
    expect(response.text).toBe(wholePage);
  });

  it('sends it as before otherwise: brotli, plain, plain with COMPRESS=off; HEAD the headers alone', async () => {
    const brotli = await supertest(rendered('on')).get('/page').set('Accept-Encoding', 'br');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.text).toBe(wholePage);
    const plain = await supertest(rendered('on')).get('/page').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(wholePage);
    const off = await supertest(rendered('off')).get('/page').set('Accept-Encoding', 'gzip, deflate, br');
    expect(off.headers['content-encoding']).toBeUndefined();
    expect(off.text).toBe(wholePage);
    const head = await supertest(rendered('on')).head('/page').set('Accept-Encoding', 'gzip, deflate, br');
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(1000);
    expect(head.text).toBeUndefined();
  });
});

describe('seeOther', () => {
  it('sends a 303 to one of our URLs with a short text, as res.redirect does for text', async () => {
    const response = await supertest(app).post('/go?to=/questionnaire/people/abc_-1/age?return=summary');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/questionnaire/people/abc_-1/age?return=summary');
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.text).toBe('See Other. Redirecting to /questionnaire/people/abc_-1/age?return=summary');
    expect(Number(response.headers['content-length'])).toBe(response.text.length);
  });

  it('leaves other URLs to res.redirect, which encodes them', async () => {
    const response = await supertest(app).get(`/go?to=${encodeURIComponent('/a b<c>')}`);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/a%20b%3Cc%3E');
  });

  it('leaves a protocol-relative URL to res.redirect too', async () => {
    const response = await supertest(app).get('/go?to=//elsewhere.example/x');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('//elsewhere.example/x');
    expect(response.headers.vary).toBe('Accept');
  });

  it('sends HEAD the headers alone', async () => {
    const response = await supertest(app).head('/go?to=/thank-you');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/thank-you');
    expect(response.text).toBeUndefined();
  });
});
