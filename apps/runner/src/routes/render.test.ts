import { emptyState } from '@eq/engine';
import type { Request, Response } from 'express';
import express from 'express';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Services } from '../services.ts';
import { example, viewAt } from '../view-models/test-pages.ts';
import { createViewEngine } from '../views/engine.ts';
import { chrome, render, seeOther } from './render.ts';

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

describe('chrome', () => {
  const services = {
    csrf: { token: () => 'csrf-1' },
    assets: { urls: { css: '/a.css', printCss: '/p.css', js: '/a.js' } },
  } as unknown as Services;
  const session = { expiresAt: 1_780_000_000, idleMinutes: 45, via: 'code' };
  const request = (lang: string, originalUrl: string, withSession = session) =>
    ({ lang, originalUrl, session: withSession }) as unknown as Request;
  const response = {} as Response;

  it('links the page, without its query, in each interface language the questionnaire has', () => {
    const made = chrome(request('cy', '/questionnaire/name?return=summary&lang=cy'), response, services, {
      languages: ['en', 'fr', 'cy'],
      serviceTitle: 'Census',
    });
    expect(made.languages).toEqual([
      { lang: 'en', label: 'English', url: '/questionnaire/name?lang=en', current: false },
      { lang: 'cy', label: 'Cymraeg', url: '/questionnaire/name?lang=cy', current: true },
    ]);
    expect(made).toMatchObject({
      lang: 'cy',
      serviceTitle: 'Census',
      csrfToken: 'csrf-1',
      assets: services.assets.urls,
    });
    expect(chrome(request('en', '/questionnaire/name'), response, services, { languages: ['en'] }).languages).toEqual(
      [],
    );
  });

  it('gives a signed-in respondent the sign-out button (none for an open link) and the session’s end', () => {
    const signedIn = chrome(request('en', '/questionnaire/'), response, services, { signedIn: true });
    expect(signedIn).toMatchObject({
      signOutAction: '/sign-out',
      sessionExpiresAt: new Date(session.expiresAt * 1000).toISOString(),
      timeoutSeconds: 45 * 60,
      sessionEndpoint: '/session/expiry',
      sessionExpiredUrl: '/session-expired',
    });
    const later = chrome(request('en', '/q', { ...session, expiresAt: session.expiresAt + 61 }), response, services, {
      signedIn: true,
    });
    expect(later.sessionExpiresAt).toBe(new Date((session.expiresAt + 61) * 1000).toISOString());
    const open = chrome(request('en', '/q', { ...session, via: 'open' }), response, services, { signedIn: true });
    expect(open.signOutAction).toBeUndefined();
    expect(open.sessionExpiresAt).toBeDefined();
    const signedOut = chrome(request('en', '/q'), response, services);
    expect(signedOut.signOutAction).toBeUndefined();
    expect(signedOut.sessionExpiresAt).toBeUndefined();
    expect(signedOut.serviceTitle).toBe('Online questionnaire');
  });
});
