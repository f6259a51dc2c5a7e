import type { Database } from '../db/connect.ts';
import { hashSecret } from './secrets.ts';

export interface ThrottleLimit {
  /** Failures allowed in one window; the next attempt is refused. */
  failures: number;
  windowMs: number;
}

/** Guessing one account's password from one place: a few typos are fine, a dictionary is not. */
export const PER_EMAIL_AND_IP: ThrottleLimit = { failures: 10, windowMs: 15 * 60 * 1000 };
/** Guessing across many accounts from one place (an office behind one address stays well below). */
export const PER_IP: ThrottleLimit = { failures: 100, windowMs: 15 * 60 * 1000 };

export interface ThrottleKeys {
  emailAndIp: string;
  ip: string;
}

/** The counters an attempt counts against (hashed: the table keeps no typed-in text). */
export function throttleKeys(email: string, ip: string): ThrottleKeys {
  return { emailAndIp: hashSecret(`email-ip:${email.toLowerCase()}|${ip}`), ip: hashSecret(`ip:${ip}`) };
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Counts an attempt against both counters BEFORE the password is checked, in one atomic upsert
 * each, so a burst of parallel guesses cannot all slip under the limit; a successful sign-in then
 * gives its count back (`forgiveSuccess`). A counter whose window has ended starts again at one.
 */
export async function countAttempt(
  db: Database,
  keys: ThrottleKeys,
  at: Date,
  limits: { emailAndIp: ThrottleLimit; ip: ThrottleLimit } = { emailAndIp: PER_EMAIL_AND_IP, ip: PER_IP },
): Promise<ThrottleVerdict> {
  let retryAfterMs = 0;
  for (const [key, limit] of [
    [keys.emailAndIp, limits.emailAndIp],
    [keys.ip, limits.ip],
  ] as const) {
    const { failures, windowEndsAt } = await increment(db, key, limit.windowMs, at);
    if (failures > limit.failures) retryAfterMs = Math.max(retryAfterMs, windowEndsAt.getTime() - at.getTime());
  }
  return retryAfterMs > 0 ? { allowed: false, retryAfterMs } : { allowed: true };
}

async function increment(
  db: Database,
  key: string,
  windowMs: number,
  at: Date,
): Promise<{ failures: number; windowEndsAt: Date }> {
  const windowEndsAt = new Date(at.getTime() + windowMs);
  const result = await db.raw<{ rows: { failures: number; window_ends_at: Date }[] }>(
    `insert into sign_in_throttle as t (key, failures, window_ends_at) values (?, 1, ?)
     on conflict (key) do update set
       failures = case when t.window_ends_at <= ? then 1 else t.failures + 1 end,
       window_ends_at = case when t.window_ends_at <= ? then excluded.window_ends_at else t.window_ends_at end
     returning failures, window_ends_at`,
    [key, windowEndsAt, at, at],
  );
  const row = result.rows[0];
  if (!row) throw new Error('the sign-in throttle upsert returned no row');
  return { failures: row.failures, windowEndsAt: new Date(row.window_ends_at) };
}

/**
 * After a successful sign-in: the account's counter from that place starts again, and the place's
 * counter gets this attempt back (its other failures still count). Ended windows are cleared out.
 */
export async function forgiveSuccess(db: Database, keys: ThrottleKeys, at: Date): Promise<void> {
  await db('sign_in_throttle').where({ key: keys.emailAndIp }).delete();
  await db('sign_in_throttle')
    .where({ key: keys.ip })
    .update({ failures: db.raw('greatest(failures - 1, 0)') });
  await db('sign_in_throttle').where('window_ends_at', '<=', at).delete();
}
