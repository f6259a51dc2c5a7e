import type { Submission } from '@eq/schema';
import type { Knex } from 'knex';
import { type Cursor, type ResponseFilters, responsesQuery } from './filters.ts';

/**
 * Responses read at once, by what is read of each: enough to keep the database busy, few enough
 * that memory stays flat (a census household's whole document is about 7 KB of JSON, and several
 * times that once parsed).
 */
const BATCH_SIZES: Record<AnswerPart, number> = { once: 500, items: 200, all: 200 };

export interface StoredResponse {
  test: boolean;
  submission: Submission;
}

/**
 * Which answers to read: all of the document, or (for the CSV files) only the answers asked once
 * or only those of list items. Postgres leaves the others out, so the app neither receives nor
 * parses them: a census household's member answers are most of its document.
 */
export type AnswerPart = 'all' | 'once' | 'items';

function selection(db: Knex, part: AnswerPart): (string | Knex.Raw)[] {
  const keys = ['submission_id', 'submitted_at', 'test'];
  if (part === 'all') return [...keys, 'payload'];
  // `\?` is a literal question mark for knex: the jsonpath filter operator, not a binding.
  const filter = part === 'once' ? '!exists(@.listItemId)' : 'exists(@.listItemId)';
  return [
    ...keys,
    db.raw(part === 'once' ? "payload - 'answers' - 'lists' as payload" : "payload - 'answers' as payload"),
    db.raw(`jsonb_path_query_array(payload, '$.answers[*] \\? (${filter})') as answers`),
  ];
}

interface Row {
  submission_id: string;
  submitted_at: Date;
  test: boolean;
  payload: Submission;
  answers?: Submission['answers'];
}

/**
 * Every response that passes the filters, newest first, read a batch at a time by keyset (works on
 * PGlite's single connection as on Postgres: no cursor held open between batches). The consumer
 * pulls: at most one batch is read ahead of the one being written out.
 */
export async function* storedResponses(
  db: Knex,
  questionnaireId: string,
  filters: ResponseFilters,
  part: AnswerPart = 'all',
  batchSize = BATCH_SIZES[part],
): AsyncGenerator<StoredResponse[]> {
  const read = (after: Cursor | undefined): Promise<Row[]> =>
    responsesQuery(db, questionnaireId, filters, after).limit(batchSize).select(selection(db, part));
  let pending: Promise<Row[]> | undefined = read(undefined);
  while (pending) {
    const rows: Row[] = await pending;
    const last: Row | undefined = rows.at(-1);
    // The next batch is read while this one is written: the database and the app work at once.
    pending =
      last && rows.length === batchSize
        ? read({ submittedAt: last.submitted_at, submissionId: last.submission_id })
        : undefined;
    // A consumer that stops early leaves at most that one read to finish, unobserved.
    pending?.catch(() => {});
    if (rows.length === 0) return;
    yield rows.map((row) => ({
      test: row.test,
      submission: row.answers
        ? { ...row.payload, lists: (row.payload as Partial<Submission>).lists ?? {}, answers: row.answers }
        : row.payload,
    }));
  }
}
