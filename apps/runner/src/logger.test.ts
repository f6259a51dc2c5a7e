import express from 'express';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { requestLogging } from './middleware/request-logging.ts';

/** An app with the runner's logger and request logging, and routes that log through `req.log`. */
function loggedApp() {
  const lines: string[] = [];
  const logger = createLogger('info', { destination: { write: (line: string) => void lines.push(line) } });
  const app = express();
  app.use(requestLogging(app, logger));
  app.post('/questionnaire/age', (req, res) => {
    req.log.info({ body: { 'age-answer': '42' }, token: 'a.b.c', answers: ['x'], payload: 'p' }, 'route line');
    res.status(303).end();
  });
  app.get('/failing', (_req, res) => void res.status(500).end());
  return { app: supertest(app), logger, lines };
}

/** A line with its time (which differs from one line to the next) taken out. */
const timeless = (line: string) => line.replace(/,"time":\d+,/, ',');

describe('the runner’s logger', () => {
  it('still redacts a route’s bodies, tokens, answers and payloads', async () => {
    const { app, lines } = loggedApp();
    await app.post('/questionnaire/age?lang=cy').set('X-Request-Id', 'route-request-0001');
    const routeLine = JSON.parse(lines.find((line) => line.includes('"route line"')) ?? '{}');
    expect(routeLine).toMatchObject({
      app: 'runner',
      req: { id: 'route-request-0001', method: 'POST', path: '/questionnaire/age' },
      body: '[redacted]',
      token: '[redacted]',
      answers: '[redacted]',
      payload: '[redacted]',
    });
    // Without the lines' times, which may hold those digits.
    expect(lines.map(timeless).join('')).not.toContain('42');
  });

  it('writes each request’s line exactly as its redacting logger would', async () => {
    const { app, logger, lines } = loggedApp();
    await app.post('/questionnaire/age?lang=cy').set('X-Request-Id', 'line-request-0001');
    await app.get('/failing').set('X-Request-Id', 'line-request-0002');
    const requestLines = lines.filter((line) => /"msg":"request (completed|errored)"/.test(line));
    expect(requestLines).toHaveLength(2);

    const redacted: string[] = [];
    const redacting = createLogger('info', { destination: { write: (line: string) => void redacted.push(line) } });
    for (const line of requestLines) {
      const { level, req, res, responseTime, msg } = JSON.parse(line);
      redacting[logger.levels.labels[level] as 'info' | 'error']({ req, res, responseTime }, msg);
    }
    expect(requestLines.map(timeless)).toEqual(redacted.map(timeless));
    expect(requestLines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({
        level: 30,
        app: 'runner',
        req: { id: 'line-request-0001', method: 'POST', path: '/questionnaire/age' },
        res: { statusCode: 303 },
        msg: 'request completed',
      }),
      expect.objectContaining({
        level: 50,
        req: { id: 'line-request-0002', method: 'GET', path: '/failing' },
        res: { statusCode: 500 },
        msg: 'request errored',
      }),
    ]);
  });
});
