import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** The server key's least length: the key derivation is only as strong as its weaker input. */
export const MIN_SERVER_KEY_BYTES = 32;

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_INFO = 'eq-runner response v1';
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Seals response records for the store with AES-256-GCM. Each response has its own key, derived
 * (HKDF-SHA256, salted with the response id) from the server key together with the respondent's
 * secret, which only their cookie holds: a store dump alone opens nothing, nor does one
 * respondent's secret open another response. The response id is also the authenticated data, so
 * a sealed record copied under another response's key fails to open.
 *
 * Sealed form: `v1.<iv>.<ciphertext and tag>`, base64url; the version prefix leaves room to rotate
 * keys or change the scheme while older records are still readable.
 */
export class ResponseCipher {
  private readonly serverKey: Buffer;

  /** `serverKey`: ANSWER_KEY, as bytes or as a string of at least 32 bytes in UTF-8. */
  constructor(serverKey: string | Uint8Array) {
    this.serverKey = typeof serverKey === 'string' ? Buffer.from(serverKey, 'utf8') : Buffer.from(serverKey);
    if (this.serverKey.length < MIN_SERVER_KEY_BYTES) {
      throw new Error(`the answer key must be at least ${MIN_SERVER_KEY_BYTES} bytes`);
    }
  }

  seal(plaintext: string, responseId: string, secret: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key(responseId, secret), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(responseId, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${FORMAT}.${iv.toString('base64url')}.${body.toString('base64url')}`;
  }

  /** The plaintext, or undefined when the sealed text is malformed, tampered with or for another key. */
  open(sealed: string, responseId: string, secret: string): string | undefined {
    const [format, ivText, bodyText, ...rest] = sealed.split('.');
    if (format !== FORMAT || ivText === undefined || bodyText === undefined || rest.length > 0) return undefined;
    const iv = strictBase64url(ivText);
    const body = strictBase64url(bodyText);
    if (iv?.length !== IV_BYTES || body === undefined || body.length < TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key(responseId, secret), iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(responseId, 'utf8'));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      return undefined;
    }
  }

  private key(responseId: string, secret: string): Buffer {
    const material = Buffer.concat([this.serverKey, Buffer.from(secret, 'utf8')]);
    return Buffer.from(hkdfSync('sha256', material, Buffer.from(responseId, 'utf8'), KEY_INFO, 32));
  }
}

/** Decodes base64url only in its canonical form, so no two texts open as the same bytes. */
function strictBase64url(text: string): Buffer | undefined {
  if (!BASE64URL.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}
