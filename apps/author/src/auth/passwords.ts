import { hash, verify } from '@node-rs/argon2';

/**
 * Argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): about 20 ms a
 * hash here, enough to make guessing slow without making sign-in so.
 */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Whether a password matches a stored hash (false for a malformed hash, never a throw). */
export async function checkPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
