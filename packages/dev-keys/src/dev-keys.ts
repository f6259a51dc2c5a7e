import { createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { createFileOnce, readIfExists } from './create-once.ts';

/**
 * Secrets the development runner and the development author app share through DATA_DIR, so
 * that access codes issued by one work in the other, and a development runner can call the
 * author API. In production each comes from the environment instead.
 */
export interface DevKeys {
  /** The runner's SESSION_KEY. */
  sessionKey: string;
  /** The runner's ANSWER_KEY. */
  answerKey: string;
  /** ACCESS_CODE_KEY of both apps. */
  accessCodeKey: string;
  /** The runners' credential for the author API: the author's RUNNER_API_TOKEN, a runner's AUTHOR_API_TOKEN. */
  runnerToken: string;
}

export const DEV_KEYS_FILE = 'dev-keys.json';

const DevKeysFile = z.object({
  sessionKey: z.string().min(32),
  answerKey: z.string().min(32),
  accessCodeKey: z.string().min(32),
  // Files written before the runner token existed lack it (see `withRunnerToken`).
  runnerToken: z.string().min(32).optional(),
});

/**
 * `<dataDir>/dev-keys.json`, generated on the first start (never in production, where keys come
 * from the environment). Processes starting together get the same keys.
 */
export async function ensureDevKeys(dataDir: string): Promise<DevKeys> {
  const file = join(dataDir, DEV_KEYS_FILE);
  const existing = await readDevKeys(file);
  if (existing) return existing;
  const keys: DevKeys = { sessionKey: newKey(), answerKey: newKey(), accessCodeKey: newKey(), runnerToken: newKey() };
  await createFileOnce(file, `${JSON.stringify(keys, null, 2)}\n`);
  const created = await readDevKeys(file);
  if (!created) throw new Error(`${file} vanished while it was being created`);
  return created;
}

async function readDevKeys(file: string): Promise<DevKeys | undefined> {
  const text = await readIfExists(file);
  if (text === undefined) return undefined;
  let parsed: z.infer<typeof DevKeysFile>;
  try {
    parsed = DevKeysFile.parse(JSON.parse(text));
  } catch {
    throw new Error(`${file} is not a development key file: delete it to generate new keys`);
  }
  return withRunnerToken(parsed);
}

/**
 * An older file without a runner token is not rewritten (two processes rewriting one file could
 * each keep a different token): every process derives the same token from its session key.
 */
function withRunnerToken(keys: z.infer<typeof DevKeysFile>): DevKeys {
  const runnerToken =
    keys.runnerToken ?? createHmac('sha256', keys.sessionKey).update('eq-dev/runner-token').digest('base64url');
  return { sessionKey: keys.sessionKey, answerKey: keys.answerKey, accessCodeKey: keys.accessCodeKey, runnerToken };
}

function newKey(): string {
  return randomBytes(32).toString('base64url');
}
