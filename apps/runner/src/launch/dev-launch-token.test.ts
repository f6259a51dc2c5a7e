import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevLaunchKeys, signDevLaunchToken } from '@eq/dev-keys';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLaunchTokenVerifier } from './launch-token.ts';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'eq-dev-launch-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

it('accepts a token signed with the development launch keys shared through DATA_DIR', async () => {
  const { jwks, privateJwk } = await ensureDevLaunchKeys(dataDir);
  const now = new Date('2025-06-01T09:00:00Z');
  const token = await signDevLaunchToken(privateJwk, { questionnaire: 'demo', response_id: 'dev-1' }, now);
  const result = await createLaunchTokenVerifier({ jwks }).verify(token, now);
  expect(result).toMatchObject({
    ok: true,
    claims: { questionnaire: 'demo', response_id: 'dev-1', exp: 1748768700 },
  });
});
