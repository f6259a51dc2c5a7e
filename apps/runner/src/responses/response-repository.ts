import { setTimeout as sleep } from 'node:timers/promises';
import type { ResponseStore } from '../store/response-store.ts';
import { ResponseCipher, type SealedForm } from './crypto.ts';
import { bufferOfItsOwn, type OpenedRecord, OpenedRecords } from './opened-records.ts';
import { readBackOf, readStoredResponse } from './read-back.ts';
import {
  parseStoredResponse,
  RESPONSE_ID_MAX_LENGTH,
  type StoredResponse,
  storedResponseProblems,
} from './stored-response.ts';

export interface ResponseRepositoryOptions {
  store: ResponseStore;
  /** ANSWER_KEY (at least 32 bytes). */
  serverKey: string | Uint8Array;
  /** How long a response is kept after its last write (default 28 days). */
  ttlSeconds?: number;
  /** Milliseconds since the epoch, for `updatedAt`. */
  now?: () => number;
  /** How many times `update` tries before giving up on a response that keeps changing (default 10). */
  maxAttempts?: number;
  /**
   * The form records are written in (see ResponseCipher; records in either form are read).
   * Default `bytes`. `text` is for a rolling deploy from a runner that reads only the text form:
   * deploy with `text`, then with `bytes` once no such runner is left, or it could not open what
   * the new ones wrote.
   */
  sealedForm?: SealedForm;
}

export type { StoredResponse } from './stored-response.ts';

export const DEFAULT_RESPONSE_TTL_SECONDS = 28 * 86_400;

/** `update` lost the race `maxAttempts` times in a row; nothing was written. */
export class ResponseConflictError extends Error {
  constructor(attempts: number) {
    super(`the response changed under every one of ${attempts} attempts to update it`);
    this.name = 'ResponseConflictError';
  }
}

/** A record that would not read back is refused before it can overwrite a good one. */
export class MalformedResponseError extends Error {
  constructor(readonly fields: string[]) {
    super(`refusing to store a malformed response (${fields.join(', ')})`);
    this.name = 'MalformedResponseError';
  }
}

/**
 * The responses of respondents, sealed in the store (see crypto.ts): only a request carrying the
 * respondent's secret can read or change one. Updates are compare-and-set with retries, so two
 * tabs or two instances saving the same response at once both keep their answers.
 */
export class ResponseRepository {
  private readonly store: ResponseStore;
  private readonly cipher: ResponseCipher;
  private readonly ttlSeconds: number;
  private readonly now: () => number;
  private readonly maxAttempts: number;
  private readonly sealedForm: SealedForm;
  /**
   * What a request learnt reading each record it holds (revision, key), so its `update` starts
   * from that record instead of reading the store again. Entries go with the record objects: no
   * request ever sees another's.
   */
  private readonly readAs = new WeakMap<StoredResponse, Read>();
  /** Records opened or written lately: reading back the same sealed value skips opening it again. */
  private readonly opened = new OpenedRecords();

  constructor(options: ResponseRepositoryOptions) {
    this.store = options.store;
    this.cipher = new ResponseCipher(options.serverKey);
    this.ttlSeconds = options.ttlSeconds ?? DEFAULT_RESPONSE_TTL_SECONDS;
    this.now = options.now ?? Date.now;
    this.maxAttempts = options.maxAttempts ?? 10;
    this.sealedForm = options.sealedForm ?? 'bytes';
  }

  /** The response, or undefined when absent, expired, or not readable with this secret. */
  async load(responseId: string, secret: string): Promise<StoredResponse | undefined> {
    return (await this.read(responseId, secret))?.record;
  }

  /** Stores a new response; false when one with this id already exists (or the id is unusable). */
  async create(record: StoredResponse, secret: string): Promise<boolean> {
    if (!usable(record.responseId, secret)) return false;
    const { json, record: stored } = serialise({ ...record, updatedAt: this.timestamp() });
    const responseKey = this.cipher.keyFor(record.responseId, secret);
    const sealed = this.seal(responseKey, json, record.responseId);
    const written = await this.store.write(key(record.responseId), sealed, 0, this.ttlSeconds);
    if (written !== undefined)
      this.opened.remember(record.responseId, { sealed, secret, key: responseKey, record: stored });
    return written !== undefined;
  }

  /**
   * Applies `change` to the current record and stores the result, unless another write got there
   * first: then it reads the record again and re-applies `change`, so `change` must be a pure
   * function of the record it is given. `change` returns undefined to leave the record as it is.
   * Returns the record as stored (as `load` will read it), or undefined when there is no readable
   * record.
   */
  async update(
    responseId: string,
    secret: string,
    change: (current: StoredResponse) => StoredResponse | undefined,
    /** The record this request loaded (or updated) already: the first attempt starts from it. */
    loaded?: StoredResponse,
  ): Promise<StoredResponse | undefined> {
    let current = loaded && this.readAs.get(loaded);
    if (current?.record.responseId !== responseId || current.secret !== secret) current = undefined;
    for (let attempt = 0; attempt < this.maxAttempts; attempt++) {
      if (attempt > 0) await sleep(backoffMs(attempt));
      if (!current || attempt > 0) current = await this.read(responseId, secret);
      if (!current) return undefined;
      const changed = change(current.record);
      if (changed === undefined) return current.record;
      const { json, record } = serialise({ ...changed, responseId, updatedAt: this.timestamp() });
      const sealed = this.seal(current.key, json, responseId);
      const written = await this.store.write(key(responseId), sealed, current.revision, this.ttlSeconds);
      if (written !== undefined) {
        this.readAs.set(record, { ...current, record, revision: written });
        this.opened.remember(responseId, { sealed, secret, key: current.key, record });
        return record;
      }
    }
    throw new ResponseConflictError(this.maxAttempts);
  }

  private async read(responseId: string, secret: string): Promise<Read | undefined> {
    if (!usable(responseId, secret)) return undefined;
    const stored = await this.store.read(key(responseId));
    if (!stored) return undefined;
    const opened = this.opened.get(responseId, stored.value, secret) ?? this.open(responseId, secret, stored.value);
    if (!opened) return undefined;
    const read = { record: opened.record, revision: stored.revision, key: opened.key, secret };
    this.readAs.set(opened.record, read);
    return read;
  }

  /** `sealed` as the store gave it (copied to be remembered: it may be a view of a larger buffer). */
  private open(responseId: string, secret: string, sealed: Buffer): OpenedRecord | undefined {
    const responseKey = this.opened.keyFor(responseId, secret) ?? this.cipher.keyFor(responseId, secret);
    const json = this.cipher.openWith(responseKey, sealed, responseId);
    const record = json === undefined ? undefined : readStoredResponse(json);
    if (record?.responseId !== responseId) return undefined;
    const opened = { sealed: bufferOfItsOwn(sealed), secret, key: responseKey, record };
    this.opened.remember(responseId, opened);
    return opened;
  }

  private seal(responseKey: Buffer, json: string, responseId: string): Buffer {
    return this.sealedForm === 'bytes'
      ? this.cipher.sealBytesWith(responseKey, json, responseId)
      : bufferOfItsOwn(Buffer.from(this.cipher.sealWith(responseKey, json, responseId), 'latin1'));
  }

  private timestamp(): string {
    return new Date(this.now()).toISOString();
  }
}

/** A record as read from the store, with what writing it back needs. */
interface Read {
  record: StoredResponse;
  revision: number;
  /** The response's key (see ResponseCipher.keyFor) and the secret it was derived from. */
  key: Buffer;
  secret: string;
}

/**
 * The record's JSON, and the record as reading that JSON back gives it. When the state read back
 * is the very value written (same plain objects, arrays and primitives, keys in the same order),
 * the record keeps the state object it was given: the engine remembers the path it worked out for
 * each state object (saving a page works out the new state's), so the GET after the save's
 * redirect, which finds this record in `opened`, does not walk the path again. A record shown to
 * be its own read-back (the usual save) is not parsed: parsing was most of a save's cost.
 */
function serialise(record: StoredResponse): { json: string; record: StoredResponse } {
  const json = JSON.stringify(record);
  const readBack = readBackOf(record);
  if (readBack) return { json, record: readBack };
  const stored = parseStoredResponse(json);
  if (!stored) throw new MalformedResponseError(storedResponseProblems(json));
  if (samePlainValue(stored.state, record.state)) stored.state = record.state;
  return { json, record: stored };
}

/**
 * Whether two values are the same JSON-like value: primitives equal (`Object.is`), arrays and
 * plain objects with the same own keys in the same order and the same values. Anything else
 * (dates, class instances, `undefined` left in an object) is not, so the parsed value is kept.
 */
export function samePlainValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!samePlainValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || !plainObject(a) || !plainObject(b)) return false;
  const keys = Object.keys(a);
  const otherKeys = Object.keys(b);
  if (keys.length !== otherKeys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (k !== otherKeys[i] || !samePlainValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
      return false;
  }
  return true;
}

function plainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function key(responseId: string): string {
  return `response:${responseId}`;
}

/** An empty secret would leave the server key alone guarding the record. */
function usable(responseId: string, secret: string): boolean {
  return (
    typeof responseId === 'string' &&
    responseId.length > 0 &&
    responseId.length <= RESPONSE_ID_MAX_LENGTH &&
    typeof secret === 'string' &&
    secret.length > 0
  );
}

/** Random and growing, so writers that collided do not collide again in lockstep. */
function backoffMs(attempt: number): number {
  return Math.random() * Math.min(50, 4 * 2 ** attempt);
}
