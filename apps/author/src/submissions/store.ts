import type { Submission } from '@eq/schema';
import type { Database } from '../db/connect.ts';
import { storedForms } from '../responses/stored-forms.ts';

export interface SubmissionRow {
  submissionId: string;
  questionnaireId: string;
  slug: string;
  version: number;
  test: boolean;
  receivedAt: Date;
}

/** `created`: stored now; `duplicate`: the same document was stored before; `conflict`: another document has its id. */
export type StoreOutcome = 'created' | 'duplicate' | 'conflict';

/**
 * Stores a submission once per submission id. The insert does nothing when the id is taken, so a
 * retry or any number of parallel duplicates leave exactly one row, whichever arrives first; the
 * stored document is then compared with this one (as jsonb, so key order does not matter).
 */
export async function storeSubmission(db: Database, row: SubmissionRow, submission: Submission): Promise<StoreOutcome> {
  const payload = JSON.stringify(submission);
  const forms = storedForms(submission);
  const inserted = await db('submissions')
    .insert({
      submission_id: row.submissionId,
      questionnaire_id: row.questionnaireId,
      slug: row.slug,
      version: row.version,
      response_id: submission.responseId,
      test: row.test,
      // Milliseconds, as JavaScript dates hold them: the responses' paging cursors compare exactly.
      submitted_at: new Date(submission.submittedAt),
      received_at: row.receivedAt,
      payload,
      export_line: forms.line,
      export_once: forms.once,
      export_items: forms.items,
    })
    .onConflict('submission_id')
    .ignore()
    .returning<{ submission_id: string }[]>('submission_id');
  if (inserted.length > 0) return 'created';
  const stored = await db('submissions')
    .where({ submission_id: row.submissionId })
    .first<{ same: boolean } | undefined>(db.raw('payload = ?::jsonb as same', [payload]));
  // Submissions are never deleted, so the row that won the insert is there.
  return stored?.same ? 'duplicate' : 'conflict';
}
