import { randomUUID } from 'node:crypto';
import { Submission } from '@eq/schema';

/** Answer text that must never appear in the store or in a log line. */
export const SECRET_ANSWER = 'Siân Evans-Pritchard';

/** A valid submission (a new id each time) whose answers hold `SECRET_ANSWER`. */
export function sampleSubmission(): Submission {
  return Submission.parse({
    formatVersion: 1,
    submissionId: randomUUID(),
    responseId: 'f0a3c4d2e1b5',
    questionnaireId: 'relationships',
    questionnaireVersion: 3,
    language: 'en',
    startedAt: '2025-06-01T09:15:00Z',
    submittedAt: '2025-06-01T09:42:10.250Z',
    metadata: {},
    lists: { people: { items: ['aB3xY9'], primary: 'aB3xY9' } },
    answers: [
      { answerId: 'first-name', qCode: '3', listItemId: 'aB3xY9', value: SECRET_ANSWER },
      { answerId: 'address', qCode: '7', value: { line1: '1 Heol y Bont', town: 'Caerdydd', postcode: 'CF10 1AA' } },
    ],
  });
}
