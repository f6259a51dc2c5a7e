import { recordAudit } from '../audit/record.ts';
import type { Database } from '../db/connect.ts';
import { findUserForSignIn } from '../users/user-repository.ts';
import { checkPassword, hashPassword } from './passwords.ts';
import type { UserSummary } from './principal.ts';
import { newSecret } from './secrets.ts';
import { createSession, type NewSession } from './session-repository.ts';
import { countAttempt, forgiveSuccess, throttleKeys } from './sign-in-throttle.ts';

export interface SignInAttempt {
  email: string;
  password: string;
  /** The client's address (behind TRUST_PROXY), for throttling and the audit log. */
  ip: string;
}

export type SignInOutcome =
  | { kind: 'signed-in'; user: UserSummary; session: NewSession }
  | { kind: 'refused' }
  | { kind: 'throttled'; retryAfterMs: number };

/**
 * A hash of a random password, made once: an unknown email still costs one argon2 verify, so the
 * time sign-in takes does not say whether an account exists.
 */
let decoyHash: Promise<string> | undefined;
const decoy = () => {
  decoyHash ??= hashPassword(newSecret());
  return decoyHash;
};

/**
 * Checks an email and password and starts a session. Every refusal looks the same to the caller
 * (unknown email, wrong password, deactivated account); the audit log keeps the reason.
 */
export async function signIn(db: Database, attempt: SignInAttempt, at: Date): Promise<SignInOutcome> {
  const keys = throttleKeys(attempt.email, attempt.ip);
  const verdict = await countAttempt(db, keys, at);
  if (!verdict.allowed) return { kind: 'throttled', retryAfterMs: verdict.retryAfterMs };

  const account = await findUserForSignIn(db, attempt.email);
  const passwordMatches = await checkPassword(account?.passwordHash ?? (await decoy()), attempt.password);
  if (!account || !passwordMatches || !account.active) {
    const reason = !account ? 'unknown-email' : !passwordMatches ? 'wrong-password' : 'deactivated';
    await recordAudit(db, {
      action: 'sign-in-failed',
      subjectType: 'user',
      ...(account ? { subjectId: account.id } : {}),
      details: { email: attempt.email, reason, ip: attempt.ip },
    });
    return { kind: 'refused' };
  }

  await forgiveSuccess(db, keys, at);
  const user: UserSummary = { id: account.id, email: account.email, name: account.name, role: account.role };
  const session = await createSession(db, user.id, at);
  await recordAudit(db, {
    action: 'sign-in',
    actor: user,
    subjectType: 'user',
    subjectId: user.id,
    details: { ip: attempt.ip },
  });
  return { kind: 'signed-in', user, session };
}
