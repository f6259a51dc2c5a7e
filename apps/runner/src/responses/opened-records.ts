import { LRUCache } from 'lru-cache';
import type { StoredResponse } from './stored-response.ts';

/** A record as this runner last opened or sealed it: the sealed value, and what opened it. */
export interface OpenedRecord {
  /** The sealed value as stored, in a buffer of its own (`bufferOfItsOwn`). */
  sealed: Buffer;
  /** The respondent's secret and the response key derived from it (ResponseCipher.keyFor). */
  secret: string;
  key: Buffer;
  record: StoredResponse;
}

export interface OpenedRecordsOptions {
  /** Bytes of sealed values kept at most: by default a few thousand households, tens of MB with the records parsed. */
  maxBytes?: number;
  /** How long an entry may serve; a respondent's next request usually comes within seconds. */
  ttlMs?: number;
}

/**
 * The records this runner opened or wrote lately, by response id. A respondent's requests come in
 * pairs (a POST saves, the GET after its redirect reads what it saved; the next POST reads what
 * that GET read), and opening a record again costs a key derivation, a decryption, a JSON parse
 * and a validation, then the engine walks its path again, as a new state object is new to it.
 * The store is still read on every request: an entry serves only when the store holds exactly the
 * sealed value it came from, byte for byte (so no update from another tab or instance is missed,
 * and the revision is the store's) and the request holds the same secret (so no one opens a
 * record their cookie could not). Records are never changed in place (the engine and the routes
 * make new ones), so requests can share one.
 */
export class OpenedRecords {
  private readonly entries: LRUCache<string, OpenedRecord>;

  constructor(options: OpenedRecordsOptions = {}) {
    this.entries = new LRUCache<string, OpenedRecord>({
      // As many records as 8 M characters of the text form (a third longer) held before.
      maxSize: options.maxBytes ?? 6_000_000,
      sizeCalculation: (entry) => Math.max(1, entry.sealed.length),
      ttl: options.ttlMs ?? 5 * 60_000,
    });
  }

  /** The record `sealed` holds, when this runner opened or sealed exactly those bytes with this secret. */
  get(responseId: string, sealed: Buffer, secret: string): OpenedRecord | undefined {
    const entry = this.entries.get(responseId);
    return entry?.secret === secret && entry.sealed.equals(sealed) ? entry : undefined;
  }

  /**
   * The key this runner last derived for the response with this secret, whatever record the store
   * holds now: it depends on the response and the secret alone, so a record another instance
   * wrote since opens without deriving it again (a third of the cost of opening).
   */
  keyFor(responseId: string, secret: string): Buffer | undefined {
    const entry = this.entries.get(responseId);
    return entry?.secret === secret ? entry.key : undefined;
  }

  remember(responseId: string, opened: OpenedRecord): void {
    this.entries.set(responseId, opened);
  }
}

/**
 * A copy of `bytes` in memory of its own: kept in `OpenedRecords`, a view of a larger buffer (a
 * reply read from Redis) or a slice of Node's shared pool would keep all of it.
 */
export function bufferOfItsOwn(bytes: Uint8Array): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  copy.set(bytes);
  return copy;
}
