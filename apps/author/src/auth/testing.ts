import type supertest from 'supertest';
import { expect } from 'vitest';
import { SESSION_COOKIE } from './authenticate.ts';

/** Signs an agent in (it keeps the cookie); returns the session's CSRF token. */
export async function signIn(agent: supertest.Agent, user: { email: string; password: string }): Promise<string> {
  const response = await agent
    .post('/api/v1/auth/sign-in')
    .send({ email: user.email, password: user.password })
    .expect(200);
  expect(typeof response.body.csrfToken).toBe('string');
  return response.body.csrfToken as string;
}

/** The attributes of the session cookie a response sets, lower-cased names (`httponly`, `samesite`…). */
export function sessionCookieOf(response: { headers: Record<string, unknown> }): Map<string, string> {
  const header = response.headers['set-cookie'];
  const cookies = Array.isArray(header) ? (header as string[]) : [];
  const cookie = cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`no ${SESSION_COOKIE} cookie was set`);
  const [pair, ...attributes] = cookie.split(';').map((part) => part.trim());
  const fields = new Map<string, string>([['value', (pair ?? '').slice(SESSION_COOKIE.length + 1)]]);
  for (const attribute of attributes) {
    const [name = '', value = ''] = attribute.split('=');
    fields.set(name.toLowerCase(), value);
  }
  return fields;
}
