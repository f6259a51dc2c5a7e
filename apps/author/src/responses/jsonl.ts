import type { Submission } from '@eq/schema';

const FIELDS = [
  'formatVersion',
  'submissionId',
  'responseId',
  'questionnaireId',
  'questionnaireVersion',
  'surveyId',
  'respondentRef',
  'language',
  'test',
  'startedAt',
  'submittedAt',
  'metadata',
  'lists',
  'answers',
] as const;
const ANSWER_FIELDS = ['answerId', 'qCode', 'listItemId', 'toListItemId', 'value'] as const;

/** A stored submission with its fields in the canonical document's order (jsonb keeps keys in its own). */
export function canonicalOrder(submission: Submission): Submission {
  const doc: Record<string, unknown> = {};
  for (const field of FIELDS) if (submission[field] !== undefined) doc[field] = submission[field];
  doc.answers = submission.answers.map((answer) => {
    const out: Record<string, unknown> = {};
    for (const field of ANSWER_FIELDS) if (answer[field] !== undefined) out[field] = answer[field];
    return out;
  });
  return doc as Submission;
}

/** A stored submission as one JSON line. Strings are written exactly as received: JSON escapes what needs it. */
export function jsonLine(submission: Submission): string {
  return `${JSON.stringify(canonicalOrder(submission))}\n`;
}
