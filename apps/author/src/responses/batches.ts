import type { Submission } from '@eq/schema';
import type { Knex } from 'knex';
import { type Cursor, type ResponseFilters, responsesQuery } from './filters.ts';
import { jsonLine } from './jsonl.ts';
import { type CsvPart, type ExportedResponse, exportedResponse } from './stored-forms.ts';

/** What an export reads of each response: its JSON line, or what one of the CSV files writes. */
export type ExportPart = 'line' | CsvPart;

/** The column that holds each part, made at ingest (see `storedForms`). */
const COLUMNS: Record<ExportPart, string> = { line: 'export_line', once: 'export_once', items: 'export_items' };

/**
 * Responses read at once, by what is read of each: a batch of well under a megabyte. A batch
 * lives until it is written out, and the one read ahead with it; bigger batches outlive V8's
 * young generation, and the survivors it promotes fill the old generation with dead text that
 * only a full collection frees: with 250 JSON lines (~2 MB) a batch the process's peak memory
 * grew by ~180 MB, with 100 by 60 to 120 MB, with 50 by ~50 MB. A JSON line is ~8 KB, a household's list items ~4 KB of
 * JSON (more once parsed), its answers asked once ~0.6 KB.
 */
const BATCH_SIZES: Record<ExportPart, number> = { line: 50, once: 500, items: 50 };
/** Rows without the stored part bring their whole document (~7 KB, several times that parsed). */
const DOCUMENT_BATCH_SIZE = 50;

/** A response as a CSV file reads it. */
export interface StoredResponse {
  test: boolean;
  response: ExportedResponse;
}

interface Row {
  submission_id: string;
  submitted_at: Date;
  test: boolean;
  /** The part's column. */
  stored: string | null;
  /** Only when the part's column is empty (rows stored before migration 0006): the whole document. */
  payload: Submission | string | null;
}

/** Every JSON line of the responses that pass the filters, newest first, a batch at a time. */
export async function* storedLines(
  db: Knex,
  questionnaireId: string,
  filters: ResponseFilters,
  batchSize = BATCH_SIZES.line,
): AsyncGenerator<string[]> {
  for await (const rows of batches(db, questionnaireId, filters, 'line', batchSize)) {
    yield rows.map((row) => row.stored ?? jsonLine(documentOf(row)));
  }
}

/** Every response that passes the filters, newest first, as one CSV file reads it, a batch at a time. */
export async function* storedResponses(
  db: Knex,
  questionnaireId: string,
  filters: ResponseFilters,
  part: CsvPart,
  batchSize = BATCH_SIZES[part],
): AsyncGenerator<StoredResponse[]> {
  for await (const rows of batches(db, questionnaireId, filters, part, batchSize)) {
    yield rows.map((row) => ({
      test: row.test,
      response:
        row.stored === null ? exportedResponse(documentOf(row), part) : (JSON.parse(row.stored) as ExportedResponse),
    }));
  }
}

/**
 * The rows read by keyset, a batch at a time (works on PGlite's single connection as on Postgres:
 * no cursor held open between batches). The consumer pulls: at most one batch is read ahead of
 * the one being written out.
 */
async function* batches(
  db: Knex,
  questionnaireId: string,
  filters: ResponseFilters,
  part: ExportPart,
  batchSize: number,
): AsyncGenerator<Row[]> {
  const column = COLUMNS[part];
  const read = (after: Cursor | undefined, size: number): Promise<Row[]> =>
    responsesQuery(db, questionnaireId, filters, after)
      .limit(size)
      .select(
        'submission_id',
        'submitted_at',
        'test',
        `${column} as stored`,
        // Postgres unpacks the document only for rows without the stored part.
        db.raw('case when ?? is null then payload end as payload', [column]),
      );
  let size = batchSize;
  let pending: Promise<Row[]> | undefined = read(undefined, size);
  while (pending) {
    const rows: Row[] = await pending;
    const last: Row | undefined = rows.at(-1);
    const full = rows.length === size;
    // Older rows (stored before their parts were) come in smaller batches, as they are bigger.
    size = rows.some((row) => row.stored === null) ? Math.min(batchSize, DOCUMENT_BATCH_SIZE) : batchSize;
    // The next batch is read while this one is written: the database and the app work at once.
    pending =
      last && full ? read({ submittedAt: last.submitted_at, submissionId: last.submission_id }, size) : undefined;
    // A consumer that stops early leaves at most that one read to finish, unobserved.
    pending?.catch(() => {});
    if (rows.length === 0) return;
    yield rows;
  }
}

function documentOf(row: Row): Submission {
  if (row.payload === null) throw new Error(`response ${row.submission_id} has no document`);
  return typeof row.payload === 'string' ? (JSON.parse(row.payload) as Submission) : row.payload;
}
