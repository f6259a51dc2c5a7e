import { createCipheriv, createDecipheriv, hkdfSync, randomFillSync } from 'node:crypto';

/** The server key's least length: the key derivation is only as strong as its weaker input. */
export const MIN_SERVER_KEY_BYTES = 32;

const TEXT_FORMAT = 'v1';
/** The first byte of the bytes form. The text form's first byte is `v` (0x76), so no value is both. */
const BYTES_FORMAT = 0x02;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_INFO = 'eq-runner response v1';

/** The form a response record is sealed in for the store (see ResponseCipher). */
export type SealedForm = 'bytes' | 'text';

/**
 * Seals response records for the store with AES-256-GCM. Each response has its own key, derived
 * (HKDF-SHA256, salted with the response id) from the server key together with the respondent's
 * secret, which only their cookie holds: a store dump alone opens nothing, nor does one
 * respondent's secret open another response. The response id is also the authenticated data, so
 * a sealed record copied under another response's key fails to open.
 *
 * Sealed forms, told apart by their first byte, so that the scheme can change (keys rotated, say)
 * while older records are still readable:
 * - text: `v1.<iv>.<ciphertext and tag>`, base64url, in ASCII (`seal`, `sealWith`). Queue payloads
 *   are sealed so, and response records were until the bytes form.
 * - bytes: 0x02, the IV, the ciphertext and the tag (`sealBytesWith`). Response records: three
 *   quarters of the text form's size in the store and on the wire, with no base64 to write or read.
 * `open` and `openWith` open either, so records written before the bytes form, or by an older
 * runner during a rolling deploy, still open.
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

  /** The text form. */
  seal(plaintext: string, responseId: string, secret: string): string {
    return this.sealWith(this.keyFor(responseId, secret), plaintext, responseId);
  }

  /**
   * The plaintext, or undefined when the sealed value is malformed, tampered with or for another
   * key. A string is read as the text form; bytes in either form.
   */
  open(sealed: string | Uint8Array, responseId: string, secret: string): string | undefined {
    return this.openWith(this.keyFor(responseId, secret), sealed, responseId);
  }

  /** The response's own key. Deriving it is a third of the cost of opening a record: a request derives it once. */
  keyFor(responseId: string, secret: string): Buffer {
    const material = Buffer.concat([this.serverKey, Buffer.from(secret, 'utf8')]);
    return Buffer.from(hkdfSync('sha256', material, Buffer.from(responseId, 'utf8'), KEY_INFO, 32));
  }

  /** As `seal`, with the key `keyFor` gave for this response. */
  sealWith(key: Buffer, plaintext: string, responseId: string): string {
    const { iv, body, tag } = encrypt(key, plaintext, responseId);
    return `${TEXT_FORMAT}.${iv.toString('base64url')}.${Buffer.concat([body, tag]).toString('base64url')}`;
  }

  /**
   * As `sealWith`, in the bytes form: a buffer of its own, not a slice of Node's shared pool (as
   * `Buffer.concat` makes one under 4 kB), since it may be kept long after (opened-records.ts) and
   * a slice would keep the whole pool chunk it is in.
   */
  sealBytesWith(key: Buffer, plaintext: string, responseId: string): Buffer {
    const { iv, body, tag } = encrypt(key, plaintext, responseId);
    const sealed = Buffer.allocUnsafeSlow(1 + IV_BYTES + body.length + TAG_BYTES);
    sealed[0] = BYTES_FORMAT;
    iv.copy(sealed, 1);
    body.copy(sealed, 1 + IV_BYTES);
    tag.copy(sealed, 1 + IV_BYTES + body.length);
    return sealed;
  }

  /** As `open`, with the key `keyFor` gave for this response. */
  openWith(key: Buffer, sealed: string | Uint8Array, responseId: string): string | undefined {
    if (typeof sealed === 'string') return openText(key, sealed, responseId);
    const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.length);
    // The text form was read from the store as text before the bytes form: as its bytes' Latin-1
    // characters, it is the same text for every value in ASCII, and no other value would open
    // either way (base64url is ASCII).
    if (bytes[0] !== BYTES_FORMAT) return openText(key, bytes.toString('latin1'), responseId);
    if (bytes.length < 1 + IV_BYTES + TAG_BYTES) return undefined;
    return decrypt(key, bytes.subarray(1, 1 + IV_BYTES), bytes.subarray(1 + IV_BYTES), responseId);
  }
}

function openText(key: Buffer, sealed: string, responseId: string): string | undefined {
  const [format, ivText, bodyText, ...rest] = sealed.split('.');
  if (format !== TEXT_FORMAT || ivText === undefined || bodyText === undefined || rest.length > 0) return undefined;
  const iv = strictBase64url(ivText);
  const body = strictBase64url(bodyText);
  if (iv?.length !== IV_BYTES || body === undefined || body.length < TAG_BYTES) return undefined;
  return decrypt(key, iv, body, responseId);
}

function encrypt(key: Buffer, plaintext: string, responseId: string): { iv: Buffer; body: Buffer; tag: Buffer } {
  const iv = freshIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(responseId, 'utf8'));
  const body = cipher.update(plaintext, 'utf8');
  // GCM writes nothing more at the end; were it to, it would be part of the ciphertext.
  const rest = cipher.final();
  return { iv, body: rest.length === 0 ? body : Buffer.concat([body, rest]), tag: cipher.getAuthTag() };
}

/** `body`: the ciphertext, then the tag (at least its length). Undefined when the tag does not match. */
function decrypt(key: Buffer, iv: Buffer, body: Buffer, responseId: string): string | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(responseId, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    const plain = decipher.update(body.subarray(0, body.length - TAG_BYTES));
    const rest = decipher.final();
    return (rest.length === 0 ? plain : Buffer.concat([plain, rest])).toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * Random IVs are drawn from the system's generator a few hundred at a time: a call of its own for
 * each twelve bytes was a quarter of the cost of sealing a household's record. Each IV is handed
 * out once; the caller uses it at once (the next draw overwrites it), as the sealing methods do,
 * copying it into the sealed value before they return.
 */
const ivPool = Buffer.alloc(IV_BYTES * 256);
let ivsUsed = ivPool.length;

function freshIv(): Buffer {
  if (ivsUsed === ivPool.length) {
    randomFillSync(ivPool);
    ivsUsed = 0;
  }
  ivsUsed += IV_BYTES;
  return ivPool.subarray(ivsUsed - IV_BYTES, ivsUsed);
}

/** The low bits a last character carries beyond the bytes, by the text's length modulo 4. */
const SPARE_BITS = [0, 0, 0x0f, 0x03] as const;

/**
 * Decodes base64url only in its canonical form, so no two texts open as the same bytes. Node's
 * decoder reads `+` and `/` as `-` and `_`, stops at `=` and skips any other character, so a text
 * is canonical when it has neither `+` nor `/`, decodes to every byte its length promises, and
 * leaves its last character's spare bits clear (half the cost of a pattern test and a round trip).
 */
function strictBase64url(text: string): Buffer | undefined {
  const rest = text.length % 4;
  if (rest === 1 || text.includes('+') || text.includes('/')) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.length !== Math.floor((text.length * 3) / 4)) return undefined;
  const spare = SPARE_BITS[rest as 0 | 2 | 3];
  return spare === 0 || (sextet(text.charCodeAt(text.length - 1)) & spare) === 0 ? bytes : undefined;
}

/** The value of a base64url character (one the decoder accepted). */
function sextet(code: number): number {
  if (code >= 97) return code - 71; // a-z: 26 to 51
  if (code >= 65) return code === 95 ? 63 : code - 65; // A-Z: 0 to 25; _
  return code >= 48 ? code + 4 : 62; // 0-9: 52 to 61; -
}
