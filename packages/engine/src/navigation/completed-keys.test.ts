import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompletedKeys } from './completed-keys.ts';

const KEYS = ['a', 'b', 'c', 'd@x', 'e@x>y', 'hub', 'constructor', '__proto__'];

/** A later state's list: keys added at the end (as a save adds them), some removed, or a new list. */
const change = fc.oneof(
  fc.array(fc.constantFrom(...KEYS), { maxLength: 3 }).map((added) => (keys: string[]) => [...keys, ...added]),
  fc.nat().map((drop) => (keys: string[]) => keys.filter((_, i) => i !== drop % Math.max(1, keys.length))),
  fc.array(fc.constantFrom(...KEYS), { maxLength: 8 }).map((other) => () => other),
  fc.constant((keys: string[]) => keys),
);

describe('the completed keys of a series of states', () => {
  it('has exactly the keys of each list, and says which changed from the one before', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...KEYS)), fc.array(change, { maxLength: 60 }), (first, changes) => {
        let keys = first;
        let completed = CompletedKeys.of(keys);
        for (const next of changes) {
          const later = next(keys);
          const result = completed.next(later);
          const before = new Set(keys);
          const after = new Set(later);
          const changed = KEYS.filter((key) => before.has(key) !== after.has(key));
          expect([...result.changed].sort()).toEqual(changed.sort());
          for (const key of [...KEYS, 'other']) expect(result.completed.has(key)).toBe(after.has(key));
          keys = later;
          completed = result.completed;
        }
      }),
      { numRuns: 300 },
    );
  });
});
