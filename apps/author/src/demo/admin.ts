import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createFileOnce, readIfExists } from '@eq/dev-keys';
import { z } from 'zod';
import type { Environment } from '../config.ts';

export const DEV_ADMIN_FILE = 'author-admin.json';
export const DEV_ADMIN_EMAIL = 'admin@example.com';

export interface DevelopmentAdmin {
  email: string;
  password: string;
  /** Where the password came from: the environment, or the file it was generated into. */
  from: 'ADMIN_PASSWORD' | string;
}

const AdminFile = z.object({ email: z.email(), password: z.string().min(12) });

/**
 * The development admin account: ADMIN_EMAIL and ADMIN_PASSWORD when set, else admin@example.com
 * with a password generated once into `<DATA_DIR>/author-admin.json` (so `npm start` can say how
 * to sign in, and it stays the same across restarts). Never used in production.
 */
export async function developmentAdmin(env: Environment): Promise<DevelopmentAdmin> {
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
    return { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD, from: 'ADMIN_PASSWORD' };
  }
  const file = join(env.DATA_DIR, DEV_ADMIN_FILE);
  const generated = { email: DEV_ADMIN_EMAIL, password: randomBytes(18).toString('base64url') };
  await createFileOnce(file, `${JSON.stringify(generated, null, 2)}\n`);
  const text = (await readIfExists(file)) ?? '';
  try {
    return { ...AdminFile.parse(JSON.parse(text)), from: file };
  } catch {
    throw new Error(`${file} is not a development admin file: delete it to generate a new password`);
  }
}
