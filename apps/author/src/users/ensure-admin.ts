import { hashPassword } from '../auth/passwords.ts';
import type { Services } from '../services.ts';

/**
 * With ADMIN_EMAIL and ADMIN_PASSWORD set, makes sure that account exists, is active and is an
 * admin, with that password (so a forgotten admin password is reset by a restart).
 */
export async function ensureAdmin(services: Services): Promise<void> {
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = services.env;
  if (!email || !password) return;
  const { db, logger } = services;
  const passwordHash = await hashPassword(password);
  const existing = await db('users')
    .whereRaw('lower(email) = lower(?)', [email])
    .first<{ id: string } | undefined>('id');
  if (existing) {
    await db('users')
      .where({ id: existing.id })
      .update({ role: 'admin', active: true, password_hash: passwordHash, updated_at: services.now() });
    logger.info({ email }, 'admin account ensured');
  } else {
    await db('users').insert({ email, name: 'Administrator', role: 'admin', password_hash: passwordHash });
    logger.info({ email }, 'admin account created');
  }
}
