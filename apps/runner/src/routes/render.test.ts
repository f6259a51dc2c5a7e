import express from 'express';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { seeOther } from './render.ts';

const app = express();
app.all('/go', (req, res) => seeOther(res, String(req.query.to)));

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
