import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { Session } from './session.ts';

const SessionClaims = z.object({
  rid: z.string().min(1).max(100),
  sec: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  lang: z.string().regex(/^[a-z]{2,3}$/),
  idle: z.number().int(),
  mins: z.number().int().min(1).max(1440),
  via: z.enum(['launch', 'code', 'open']),
});

const VERSION = 'v1';
const PREFIX = `${VERSION}.`;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Binds the ciphertext to its format version: a later format's seal never opens as this one's. */
const AAD = Buffer.from(`eq-session ${VERSION}`, 'utf8');
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** Sealed texts remembered as opened: a few hundred bytes each, the respondents of the last minutes. */
const OPENED_KEPT = 10_000;

export interface SessionSeal {
  seal(session: Session): string;
  /** The session a sealed text holds, or undefined when it is malformed, tampered with or sealed with another key. */
  open(sealed: string): Session | undefined;
}

/**
 * Seals sessions with AES-256-GCM, synchronously through node:crypto: a seal and an open take a
 * few microseconds, where a JWE through WebCrypto took a tenth of a millisecond and an
 * asynchronous job each. The key is derived (HKDF-SHA256) from SESSION_KEY once, here.
 *
 * Sealed form: `v1.<base64url of iv, ciphertext and tag>`; the version prefix leaves room to
 * change the scheme or rotate keys while cookies of the old one are still opened.
 */
export function sessionSeal(secret: string): SessionSeal {
  const key = Buffer.from(hkdfSync('sha256', secret, 'eq-runner', `session-cookie ${VERSION}`, 32));
  // A cookie is sent unchanged with request after request (it is resealed only when the idle end
  // moves on by a minute): what a sealed text opened to is kept, saving a decryption and a
  // validation each time. Only texts that opened are kept, and no one can make one without the key.
  const opened = new LRUCache<string, Session>({ max: OPENED_KEPT });

  function seal(session: Session): string {
    // The idle end is a claim of its own (not a token expiry), so an idle session can be told
    // apart from a forged or broken cookie (and shown the session-expired page).
    const claims = {
      rid: session.responseId,
      sec: session.secret,
      lang: session.lang,
      idle: session.expiresAt,
      mins: session.idleMinutes,
      via: session.via,
    };
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(AAD);
    const body = Buffer.concat([
      iv,
      cipher.update(JSON.stringify(claims), 'utf8'),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    return `${PREFIX}${body.toString('base64url')}`;
  }

  function open(sealed: string): Session | undefined {
    const known = opened.get(sealed);
    if (known) return { ...known };
    const session = openSealed(sealed);
    if (session) opened.set(sealed, { ...session });
    return session;
  }

  function openSealed(sealed: string): Session | undefined {
    if (!sealed.startsWith(PREFIX)) return undefined;
    const text = sealed.slice(PREFIX.length);
    if (!BASE64URL.test(text)) return undefined;
    const body = Buffer.from(text, 'base64url');
    if (body.length <= IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
      decipher.setAAD(AAD);
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      const json = Buffer.concat([
        decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
      const claims = SessionClaims.safeParse(JSON.parse(json));
      if (!claims.success) return undefined;
      const { rid, sec, lang, idle, mins, via } = claims.data;
      return { responseId: rid, secret: sec, lang, expiresAt: idle, idleMinutes: mins, via };
    } catch {
      return undefined;
    }
  }

  return { seal, open };
}
