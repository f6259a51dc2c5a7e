import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyState } from '../state.ts';
import { CompletedKeys } from './completed-keys.ts';
import { markCompleted } from './edits.ts';

const KEYS = ['a', 'b@x', 'c@x>y', 'constructor'];

describe('marking a location completed', () => {
  it('gives the same state with the keys of a path as without, whichever list those keys were made from', () => {
    const list = fc.array(fc.constantFrom(...KEYS), { maxLength: 6 });
    fc.assert(
      fc.property(list, list, fc.constantFrom(...KEYS), fc.boolean(), (completed, other, key, own) => {
        const state = { ...emptyState(), completed };
        const known = CompletedKeys.of(own ? completed : other);
        const marked = markCompleted(state, key, known);
        expect(marked).toEqual(markCompleted(state, key));
        expect(marked === state).toBe(markCompleted(state, key) === state);
      }),
      { numRuns: 500 },
    );
  });
});
