import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** Keys a development runner generates for itself (and shares with the author app through DATA_DIR). */
export interface DevKeys {
  sessionKey: string;
  answerKey: string;
  accessCodeKey: string;
}

const FILE = 'dev-keys.json';
const DevKeysFile = z.object({
  sessionKey: z.string().min(32),
  answerKey: z.string().min(32),
  accessCodeKey: z.string().min(32),
});

/**
 * `<dataDir>/dev-keys.json`, generated on first start (never in production, where keys come from
 * the environment). The author app reads the same file, so access codes it issues work here.
 */
export async function ensureDevKeys(dataDir: string): Promise<DevKeys> {
  const file = join(dataDir, FILE);
  try {
    return DevKeysFile.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`${file} is not a development key file: delete it to generate new keys`);
    }
  }
  const keys: DevKeys = { sessionKey: newKey(), answerKey: newKey(), accessCodeKey: newKey() };
  await mkdir(dataDir, { recursive: true });
  try {
    await writeFile(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    return keys;
  } catch (error) {
    // Another process (the author app starting alongside) wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return DevKeysFile.parse(JSON.parse(await readFile(file, 'utf8')));
    throw error;
  }
}

function newKey(): string {
  return randomBytes(32).toString('base64url');
}
