import { describe, expect, it } from 'vitest';
import { Submission } from './submission.ts';

const valid = {
  formatVersion: 1,
  submissionId: '3f1c9a52-7b4e-4c1d-9a8e-2d5b6c7e8f90',
  responseId: 'resp-0001',
  questionnaireId: 'relationships',
  questionnaireVersion: 3,
  surveyId: '999',
  language: 'cy',
  startedAt: '2025-03-21T09:15:00Z',
  submittedAt: '2025-03-21T09:42:10.250Z',
  metadata: { period_end: '2025-03-31', register_employees: 12, first_return: false },
  lists: { people: { items: ['aB3xY9', 'Qw7eR2'], primary: 'aB3xY9' } },
  answers: [
    { answerId: 'you-live-here-answer', qCode: '1', value: 'yes' },
    { answerId: 'first-name', qCode: '3', listItemId: 'aB3xY9', value: 'Siân' },
    { answerId: 'relationship-answer', qCode: '6', listItemId: 'aB3xY9', toListItemId: 'Qw7eR2', value: 'partner' },
    { answerId: 'services-answer', qCode: '7', value: ['broadband', 'tv'] },
    { answerId: 'hours-answer', qCode: '8', value: 37.5 },
    { answerId: 'job-duration-answer', qCode: '9', value: { years: 2, months: 6 } },
    {
      answerId: 'home-address-answer',
      qCode: '10',
      value: { line1: '1 Heol y Bont', town: 'Caerdydd', postcode: 'CF10 1AA' },
    },
  ],
};

function without(key: keyof typeof valid): unknown {
  const { [key]: _removed, ...rest } = valid;
  return rest;
}

const issuePaths = (doc: unknown) => (Submission.safeParse(doc).error?.issues ?? []).map((i) => i.path.join('/'));

describe('Submission', () => {
  it('accepts a complete submission with answers of every value shape', () => {
    expect(Submission.safeParse(valid).error?.issues ?? []).toEqual([]);
  });

  it.each(['submissionId', 'responseId', 'questionnaireId', 'language', 'submittedAt', 'answers'] as const)(
    'refuses a submission without %s',
    (key) => {
      expect(issuePaths(without(key))).toEqual([key]);
    },
  );

  it('refuses a property the format does not define', () => {
    const result = Submission.safeParse({ ...valid, password: 'secret' });
    expect(result.error?.issues.map((i) => [i.code, i.path.join('/')])).toEqual([['unrecognized_keys', '']]);
  });

  it('refuses a property the format does not define on an answer', () => {
    const answers = [{ ...valid.answers[0], label: 'Do you live here?' }];
    expect(issuePaths({ ...valid, answers })).toEqual(['answers/0']);
  });

  it('refuses a submission id that is not a UUID', () => {
    expect(issuePaths({ ...valid, submissionId: 'not-a-uuid' })).toEqual(['submissionId']);
  });

  it('refuses timestamps that are not ISO date-times', () => {
    expect(issuePaths({ ...valid, startedAt: '21/03/2025 09:15' })).toEqual(['startedAt']);
  });

  it('refuses list item ids that could break out of a key or URL', () => {
    const lists = { people: { items: ['ok-1', '../etc'] } };
    expect(issuePaths({ ...valid, lists })).toEqual(['lists/people/items/1']);
  });

  it('refuses an answer value of a shape no answer type produces', () => {
    const answers = [{ answerId: 'hours-answer', qCode: '8', value: true }];
    expect(issuePaths({ ...valid, answers })).toEqual(['answers/0/value']);
  });
});
