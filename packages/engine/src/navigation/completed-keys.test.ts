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

describe('the completed keys of states saved from earlier ones', () => {
  it('has exactly the keys of each list, whichever earlier state each is saved from', () => {
    // Saves from an older state (another tab, a back button) go on from a list that a later one
    // has already gone on from differently: each state's keys stay its own.
    const step = fc.record({ from: fc.nat(), change });
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...KEYS)), fc.array(step, { maxLength: 40 }), (first, steps) => {
        const states = [{ keys: first, completed: CompletedKeys.of(first) }];
        for (const { from, change: next } of steps) {
          const earlier = states[from % states.length] ?? states[0];
          if (!earlier) return;
          const later = next([...earlier.keys]);
          const result = earlier.completed.next(later);
          const before = new Set(earlier.keys);
          const after = new Set(later);
          const changed = KEYS.filter((key) => before.has(key) !== after.has(key));
          expect([...result.changed].sort()).toEqual(changed.sort());
          states.push({ keys: later, completed: result.completed });
          for (const state of states) {
            const keys = new Set(state.keys);
            for (const key of [...KEYS, 'other']) expect(state.completed.has(key)).toBe(keys.has(key));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
