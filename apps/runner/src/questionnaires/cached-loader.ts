import { LRUCache } from 'lru-cache';

/** What a load gives: the value and how long it stays fresh (`Infinity`: for ever, until evicted). */
export interface Loaded<T> {
  value: T;
  ttlMs: number;
}

export interface CachedLoaderOptions {
  /** Entries kept at most; the least recently used is evicted first. */
  max: number;
  /** Milliseconds since the epoch (tests pass a fake clock). */
  now: () => number;
  /** After a failed refresh, how long the last value is served before the next try. */
  retryAfterMs: number;
  /** Told when a failed refresh is answered with the last value. */
  onStale?: (key: string, error: unknown) => void;
}

interface Entry<T> {
  value: T;
  freshUntil: number;
}

/**
 * A bounded cache in front of a slow, fallible loader. Concurrent reads of one key share one load
 * (no stampede on the upstream when a popular entry expires), and a failed refresh keeps serving
 * the last value: an author API outage must not stop respondents already using a questionnaire.
 */
export class CachedLoader<T> {
  private readonly entries: LRUCache<string, Entry<T>>;
  private readonly loading = new Map<string, Promise<T>>();

  constructor(private readonly options: CachedLoaderOptions) {
    this.entries = new LRUCache({ max: options.max });
  }

  /**
   * The value of `key`, loading it when it is missing or no longer fresh. `load` is given the value
   * it replaces, if any, so that a list can be brought up to date rather than read again whole.
   */
  get(key: string, load: (previous: T | undefined) => Promise<Loaded<T>>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && entry.freshUntil > this.options.now()) return Promise.resolve(entry.value);
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.refresh(key, load, entry);
      this.loading.set(key, pending);
    }
    return pending;
  }

  get size(): number {
    return this.entries.size;
  }

  private async refresh(
    key: string,
    load: (previous: T | undefined) => Promise<Loaded<T>>,
    stale: Entry<T> | undefined,
  ): Promise<T> {
    try {
      const loaded = await load(stale?.value);
      this.entries.set(key, { value: loaded.value, freshUntil: this.options.now() + loaded.ttlMs });
      return loaded.value;
    } catch (error) {
      if (!stale) throw error;
      this.entries.set(key, { value: stale.value, freshUntil: this.options.now() + this.options.retryAfterMs });
      this.options.onStale?.(key, error);
      return stale.value;
    } finally {
      this.loading.delete(key);
    }
  }
}
