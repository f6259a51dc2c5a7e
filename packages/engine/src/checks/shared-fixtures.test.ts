import { describe, expect, it } from 'vitest';
import { sharedQuestionnaires } from '../testing/files.ts';
import { checkQuestionnaire } from './check-questionnaire.ts';

/** The shared fixture and example questionnaires are correct, so the checks must raise nothing on them. */
const shared = sharedQuestionnaires();

describe('shared fixtures and examples', () => {
  it('exist', () => {
    expect(shared.length).toBeGreaterThan(0);
  });

  it.each(shared)('$name has no problems', ({ document }) => {
    expect(checkQuestionnaire(document).problems).toEqual([]);
  });
});
