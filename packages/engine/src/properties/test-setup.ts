import { sharedQuestionnaires } from '../testing/files.ts';

/** What the property suites share: every shared questionnaire, the day they run on and their submissions' envelope. */
export const documents = sharedQuestionnaires();

export const today = '2025-06-15';

export const envelope = {
  submissionId: '7b0c4c5e-2f43-4a53-9d0e-1f7d3c0a9b21',
  responseId: 'property-test',
  questionnaireVersion: 1,
  startedAt: '2025-06-15T09:00:00.000Z',
  submittedAt: '2025-06-15T09:30:00.000Z',
  language: 'en',
};
