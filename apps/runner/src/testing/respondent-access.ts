import { randomUUID } from 'node:crypto';
import { signDevLaunchToken } from '@eq/dev-keys';
import { respond } from '@eq/engine/testing';
import type { Questionnaire } from '@eq/schema';
import type { Request, Response } from 'express';
import type { StoredResponse } from '../responses/stored-response.ts';
import type { Session } from '../session/session.ts';
import { sessionCookies } from '../session/session-cookie.ts';
import type { Browser } from './browser.ts';
import type { TestRunner } from './harness.ts';

/** The session a browser's sealed cookie holds, opened with the runner's key (an idle one too). */
export async function sessionOf(runner: TestRunner, browser: Browser): Promise<Session> {
  const sessions = sessionCookies({ secret: runner.services.keys.session, production: false, maxAgeSeconds: 60 });
  const token = browser.cookie(sessions.name);
  const req = { cookies: token ? { [sessions.name]: token } : {} } as Request;
  await sessions.read(req, {} as Response, () => undefined);
  const session = req.session ?? req.expiredSession;
  if (!session) throw new Error('the browser has no session cookie');
  return session;
}

/** The response of a browser's session, as the runner stores it. */
export async function recordOf(runner: TestRunner, browser: Browser): Promise<StoredResponse> {
  const session = await sessionOf(runner, browser);
  const record = await runner.services.responses.load(session.responseId, session.secret);
  if (!record) throw new Error(`response ${session.responseId} is not in the store`);
  return record;
}

export interface Launch {
  metadata?: Record<string, string | number | boolean>;
  lang?: string;
}

/** A launch token for a new response, signed with the runner's development key as the author app would sign one. */
export async function launchToken(runner: TestRunner, slug: string, launch: Launch = {}): Promise<string> {
  const key = runner.services.devLaunchKey;
  if (!key) throw new Error('the test runner has no development launch key');
  return signDevLaunchToken(key, {
    questionnaire: slug,
    response_id: randomUUID(),
    respondent_ref: 'http-respondent',
    ...(launch.metadata ? { metadata: launch.metadata } : {}),
    ...(launch.lang ? { lang: launch.lang } : {}),
  });
}

/** Launch values for every metadata name a questionnaire declares, as the engine's simulated respondent makes them. */
export function sampleMetadata(
  q: Questionnaire,
  seed: number,
  today: string,
): Record<string, string | number | boolean> {
  // With no steps to take, `respond` only fills in the metadata of the state it starts from.
  const { metadata } = respond(q, { seed, today, maxSteps: 0 }).state;
  return Object.fromEntries(
    Object.entries(metadata).filter(
      (entry): entry is [string, string | number | boolean] =>
        typeof entry[1] === 'string' || typeof entry[1] === 'number' || typeof entry[1] === 'boolean',
    ),
  );
}
