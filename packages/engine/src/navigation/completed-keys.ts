const NO_KEYS: ReadonlySet<string> = new Set();

/**
 * Where each key of a list is first, shared by the states whose lists start the same: the list it
 * was built from grows in place when a later state's list goes on from it, as a save's does.
 */
interface KeyIndex {
  /** The longest list indexed; every list sharing this index is a prefix of it. */
  keys: readonly string[];
  first: Map<string, number>;
}

/**
 * The completed keys of a state, to look keys up in. A save mostly adds a key or two at the end of
 * the list of the state it was saved from: then this shares the earlier state's index, adding
 * the new keys to it, rather than building a set again from the whole list (some 2,500 keys for
 * 50 people). A key is in a list when it is first at a position inside the list's length.
 */
export class CompletedKeys {
  private constructor(
    /** The state's list, as given: a prefix of `index.keys`. */
    readonly keys: readonly string[],
    private readonly index: KeyIndex,
  ) {}

  static of(keys: readonly string[]): CompletedKeys {
    const first = new Map<string, number>();
    for (let i = 0; i < keys.length; i++) if (!first.has(keys[i] as string)) first.set(keys[i] as string, i);
    return new CompletedKeys(keys, { keys, first });
  }

  has(key: string): boolean {
    const at = this.index.first.get(key);
    return at !== undefined && at < this.keys.length;
  }

  /** The keys of a later state, and those completed in one state and not the other. */
  next(keys: readonly string[]): { completed: CompletedKeys; changed: ReadonlySet<string> } {
    if (keys === this.keys) return { completed: this, changed: NO_KEYS };
    const mine = this.keys;
    if (startsWith(keys, mine)) {
      const completed = this.extendedTo(keys);
      if (completed) {
        const changed = new Set<string>();
        for (let i = mine.length; i < keys.length; i++) {
          const key = keys[i] as string;
          if (!this.has(key)) changed.add(key);
        }
        return { completed, changed };
      }
    }
    const completed = CompletedKeys.of(keys);
    const changed = new Set<string>();
    for (const key of keys) if (!this.has(key)) changed.add(key);
    for (const key of mine) if (!completed.has(key)) changed.add(key);
    return { completed, changed };
  }

  /** `keys` (which starts with this list) on this index, when the index's list and `keys` agree as far as both go. */
  private extendedTo(keys: readonly string[]): CompletedKeys | undefined {
    const index = this.index;
    const indexed = index.keys;
    const common = Math.min(indexed.length, keys.length);
    // Both start with this list: only what comes after it can differ.
    for (let i = this.keys.length; i < common; i++) if (indexed[i] !== keys[i]) return undefined;
    if (keys.length > indexed.length) {
      for (let i = indexed.length; i < keys.length; i++) {
        const key = keys[i] as string;
        if (!index.first.has(key)) index.first.set(key, i);
      }
      index.keys = keys;
    }
    return new CompletedKeys(keys, index);
  }
}

function startsWith(keys: readonly string[], prefix: readonly string[]): boolean {
  if (keys.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== keys[i]) return false;
  return true;
}
