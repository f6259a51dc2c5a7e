import { hash } from '@node-rs/argon2';
import type { Express } from 'express';
import supertest from 'supertest';
import { createApp } from '../app.ts';
import type { Role, UserSummary } from '../auth/principal.ts';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from '../auth/secrets.ts';
import { readEnvironment } from '../config.ts';
import type { Database } from '../db/connect.ts';
import { createLogger } from '../logger.ts';
import { type AuthorKeys, createServices, type Services } from '../services.ts';

/** Keys for tests: fixed, so codes and tokens made in one test can be checked in another. */
export const TEST_KEYS: AuthorKeys = {
  runnerToken: 'test-runner-token-0123456789abcdef',
  accessCodeKey: 'test-access-code-key-0123456789abcdef-0123',
  launchSigningKey: JSON.stringify({
    kty: 'EC',
    crv: 'P-256',
    x: '-n9UxKEysIYpfBW3xu9nNEIkqqe4aCz4IUO4PLVYIbM',
    y: 'XqG47rvuXl525OvkhzuBBRlxe1DMxHGmCP6UM7MX00A',
    d: 'xRm-0J5LE0_aszFdGqr3MjwxBhzejOKYWy3FUY3OLv4',
    kid: 'test-launch-key',
    alg: 'ES256',
  }),
};

export interface TestApp {
  app: Express;
  services: Services;
  /** A supertest agent for the app. */
  request: () => supertest.Agent;
}

/** The app on a test database, quiet, with the test keys (and the given clock). */
export function testApp(db: Database, overrides: Partial<Services> = {}): TestApp {
  const env = readEnvironment({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const services = createServices(env, TEST_KEYS, { logger: createLogger('silent'), db, ...overrides });
  const app = createApp(services);
  return { app, services, request: () => supertest.agent(app) };
}

let userCount = 0;

export interface TestUser extends UserSummary {
  password: string;
  /** A personal API token of the user: `Authorization: Bearer <token>`. */
  token: string;
}

/**
 * Adds an active user with a personal API token, straight into the database (for tests of
 * everything but signing in and managing users).
 */
export async function createTestUser(db: Database, role: Role, name = `${role} ${++userCount}`): Promise<TestUser> {
  const email = `${role}.${userCount}.${Date.now()}@example.test`.toLowerCase();
  const password = `password-${userCount}-${role}-long`;
  // Weak parameters: tests only, where hashing speed matters and the hashes are thrown away.
  const passwordHash = await hash(password, { memoryCost: 1024, timeCost: 1, parallelism: 1 });
  const [user] = await db('users')
    .insert({ email, name, role, password_hash: passwordHash })
    .returning<UserSummary[]>(['id', 'email', 'name', 'role']);
  if (!user) throw new Error('no user inserted');
  const token = newSecret(API_TOKEN_PREFIX);
  await db('api_tokens').insert({ user_id: user.id, name: 'tests', token_hash: hashSecret(token) });
  return { ...user, password, token };
}

/** The `Authorization` header of a test user's token. */
export function bearer(user: { token: string }): { Authorization: string } {
  return { Authorization: `Bearer ${user.token}` };
}

/** The runners' `Authorization` header. */
export const RUNNER_AUTH = { Authorization: `Bearer ${TEST_KEYS.runnerToken}` };
