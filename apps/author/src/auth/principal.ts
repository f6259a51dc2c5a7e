import type { Request } from 'express';
import { ApiError } from '../http/errors.ts';

export type Role = 'admin' | 'editor' | 'viewer';

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** Who is calling: a signed-in user (session cookie or personal API token), or a runner. */
export type Principal =
  | { kind: 'user'; user: UserSummary; via: 'session'; sessionId: string; csrfToken: string }
  | { kind: 'user'; user: UserSummary; via: 'token'; tokenId: string }
  | { kind: 'runner' };

declare global {
  namespace Express {
    interface Request {
      /** Set by the authentication middleware when the request carries valid credentials. */
      principal?: Principal;
    }
  }
}

/** What a route needs of its caller. Roles rank admin > editor > viewer. */
export type Access = 'public' | 'runner' | Role;

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

/**
 * Refuses a request whose caller may not use a route: 401 without credentials, 403 with the
 * wrong ones.
 */
export function authorize(req: Request, access: Access): void {
  if (access === 'public') return;
  const principal = req.principal;
  if (!principal) throw new ApiError(401, 'unauthenticated', 'sign in or send an API token');
  if (access === 'runner') {
    if (principal.kind !== 'runner') throw new ApiError(403, 'forbidden', 'only runners may call this');
    return;
  }
  if (principal.kind !== 'user') throw new ApiError(403, 'forbidden', 'runners may not call this');
  if (RANK[principal.user.role] < RANK[access]) {
    throw new ApiError(403, 'forbidden', `this needs the ${access} role`);
  }
}

/** The signed-in user of a request that passed `authorize` for a role. */
export function currentUser(req: Request): UserSummary {
  const principal = req.principal;
  if (principal?.kind !== 'user') throw new ApiError(401, 'unauthenticated', 'sign in or send an API token');
  return principal.user;
}
