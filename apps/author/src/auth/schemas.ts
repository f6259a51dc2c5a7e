import { z } from 'zod';
import { Email, plainText, Role } from '../users/fields.ts';

export const SignInBody = z.strictObject({
  email: Email,
  // No policy here (a policy change must not lock anyone out), only a bound on hashing work.
  password: z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters'),
});

export const SignedInUser = z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: Role });

export const SignInResponse = z.object({
  user: SignedInUser,
  /** Send it as X-CSRF-Token on every cookie-authenticated write. */
  csrfToken: z.string(),
});

export const SessionResponse = z.object({
  user: SignedInUser,
  via: z.enum(['session', 'token']),
  /** For a cookie session: so the SPA can recover it after a reload. */
  csrfToken: z.string().optional(),
});

export const NewApiTokenBody = z.strictObject({ name: plainText(100) });

export const ApiTokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export const NewApiTokenResponse = ApiTokenView.extend({
  /** Shown this once: only its hash is kept. */
  token: z.string(),
});

export const ApiTokenList = z.object({ tokens: z.array(ApiTokenView) });
