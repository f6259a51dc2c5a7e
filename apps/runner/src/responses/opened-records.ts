import { LRUCache } from 'lru-cache';
import type { StoredResponse } from './stored-response.ts';

/** A record as this runner last opened or sealed it: the sealed text, and what opened it. */
export interface OpenedRecord {
  sealed: string;
  /** The respondent's secret and the response key derived from it (ResponseCipher.keyFor). */
  secret: string;
  key: Buffer;
  record: StoredResponse;
}

export interface OpenedRecordsOptions {
  /** Characters of sealed text kept at most: by default a few thousand households, tens of MB with the records parsed. */
  maxChars?: number;
  /** How long an entry may serve; a respondent's next request usually comes within seconds. */
  ttlMs?: number;
}

/**
 * The records this runner opened or wrote lately, by response id. A respondent's requests come in
 * pairs (a POST saves, the GET after its redirect reads what it saved; the next POST reads what
 * that GET read), and opening a record again costs a key derivation, a decryption, a JSON parse
 * and a validation, then the engine walks its path again, as a new state object is new to it.
 * The store is still read on every request: an entry serves only when the store holds exactly the
 * sealed text it came from (so no update from another tab or instance is missed, and the revision
 * is the store's) and the request holds the same secret (so no one opens a record their cookie
 * could not). Records are never changed in place (the engine and the routes make new ones), so
 * requests can share one.
 */
export class OpenedRecords {
  private readonly entries: LRUCache<string, OpenedRecord>;

  constructor(options: OpenedRecordsOptions = {}) {
    this.entries = new LRUCache<string, OpenedRecord>({
      maxSize: options.maxChars ?? 8_000_000,
      sizeCalculation: (entry) => Math.max(1, entry.sealed.length),
      ttl: options.ttlMs ?? 5 * 60_000,
    });
  }

  /** The record `sealed` holds, when this runner opened or sealed exactly that text with this secret. */
  get(responseId: string, sealed: string, secret: string): OpenedRecord | undefined {
    const entry = this.entries.get(responseId);
    return entry?.sealed === sealed && entry.secret === secret ? entry : undefined;
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
