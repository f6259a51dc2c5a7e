const NO_KEYS: ReadonlySet<string> = new Set();

/** Keys added on top of a shared set before a set is built afresh from the whole list. */
const MAX_ADDED = 32;

/**
 * The completed keys of a state, to look keys up in. A save mostly adds a key or two at the end of
 * the list of the state it was saved from: then this shares the earlier state's set, with the keys
 * added since in a small set of their own, rather than building a set again from the whole list
 * (some 2,500 keys for 50 people).
 */
export class CompletedKeys {
  private constructor(
    /** The state's list, as given. */
    readonly keys: readonly string[],
    /** A set of keys built from a list that `keys` starts with, shared with earlier states. */
    private readonly shared: ReadonlySet<string>,
    /** The keys of `keys` not in `shared`. */
    private readonly added: ReadonlySet<string>,
  ) {}

  static of(keys: readonly string[]): CompletedKeys {
    return new CompletedKeys(keys, new Set(keys), NO_KEYS);
  }

  has(key: string): boolean {
    return this.added.has(key) || this.shared.has(key);
  }

  /** The keys of a later state, and those completed in one state and not the other. */
  next(keys: readonly string[]): { completed: CompletedKeys; changed: ReadonlySet<string> } {
    if (keys === this.keys) return { completed: this, changed: NO_KEYS };
    if (this.isPrefixOf(keys) && this.added.size + keys.length - this.keys.length <= MAX_ADDED) {
      const changed = new Set<string>();
      for (let i = this.keys.length; i < keys.length; i++) {
        const key = keys[i] as string;
        if (!this.has(key)) changed.add(key);
      }
      const added = changed.size === 0 ? this.added : new Set([...this.added, ...changed]);
      return { completed: new CompletedKeys(keys, this.shared, added), changed };
    }
    const completed = CompletedKeys.of(keys);
    const changed = new Set<string>();
    for (const key of keys) if (!this.has(key)) changed.add(key);
    for (const key of this.keys) if (!completed.has(key)) changed.add(key);
    return { completed, changed };
  }

  private isPrefixOf(keys: readonly string[]): boolean {
    const mine = this.keys;
    if (keys.length < mine.length) return false;
    for (let i = 0; i < mine.length; i++) if (mine[i] !== keys[i]) return false;
    return true;
  }
}
