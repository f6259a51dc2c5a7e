import type { Submission, SubmittedAnswer } from '@eq/schema';
import { jsonLine } from './jsonl.ts';

/** An answer as the CSV files read it: its data code, item or pair, and value. */
export type ExportedAnswer = Pick<SubmittedAnswer, 'qCode' | 'listItemId' | 'toListItemId' | 'value'>;

/** What a CSV file reads of a response: its identity, and the answers (and lists or metadata) it writes. */
export interface ExportedResponse
  extends Pick<
    Submission,
    'submissionId' | 'responseId' | 'questionnaireVersion' | 'submittedAt' | 'respondentRef' | 'metadata' | 'lists'
  > {
  answers: ExportedAnswer[];
}

/** The answers asked once (the responses file), or those of list items and pairs (the list items file). */
export type CsvPart = 'once' | 'items';

/**
 * What the exports read of a submission, made once when it is stored (columns `export_line`,
 * `export_once` and `export_items`), so that an export reads a small text column instead of
 * having Postgres unpack and filter the ~7 KB jsonb document of every response:
 * - `line`: the JSON lines export's line, the document in its canonical field order;
 * - `once` and `items`: JSON of what each CSV file reads (see `exportedResponse`).
 * Each is made from the document as the jsonb column gives it back, so an export reads exactly
 * what it would have made from `payload`.
 */
export function storedForms(submission: Submission): { line: string; once: string; items: string } {
  const { answers, ...rest } = submission;
  const stored = { ...asJsonb(rest), answers: answers.map(answerAsJsonb) } as Submission;
  return {
    line: jsonLine(stored),
    once: JSON.stringify(exportedResponse(stored, 'once')),
    items: JSON.stringify(exportedResponse(stored, 'items')),
  };
}

/** The part of a stored document one CSV file reads: the lists only for list items, metadata only for responses. */
export function exportedResponse(submission: Submission, part: CsvPart): ExportedResponse {
  const once = part === 'once';
  const answers: ExportedAnswer[] = [];
  for (const { qCode, listItemId, toListItemId, value } of submission.answers) {
    if ((listItemId === undefined) !== once) continue;
    answers.push(
      listItemId === undefined
        ? { qCode, value }
        : toListItemId === undefined
          ? { qCode, listItemId, value }
          : { qCode, listItemId, toListItemId, value },
    );
  }
  return {
    submissionId: submission.submissionId,
    responseId: submission.responseId,
    questionnaireVersion: submission.questionnaireVersion,
    submittedAt: submission.submittedAt,
    ...(once && submission.respondentRef !== undefined ? { respondentRef: submission.respondentRef } : {}),
    metadata: once ? submission.metadata : {},
    lists: once ? {} : (submission.lists ?? {}),
    answers,
  };
}

/**
 * A JSON value as a jsonb column gives it back: object keys in jsonb's order (shorter keys first,
 * then by their UTF-8 bytes), members that JSON leaves out (undefined) dropped. An object's keys
 * then come out of `JSON.stringify` as they do from the stored document.
 */
export function asJsonb<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : asJsonb(item))) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries: [string, unknown][] = [];
  for (const [key, item] of Object.entries(value)) if (item !== undefined) entries.push([key, asJsonb(item)]);
  entries.sort(([a], [b]) => jsonbKeyOrder(a, b));
  // fromEntries defines own properties: a key named `__proto__` stays a key.
  return Object.fromEntries(entries) as T;
}

/**
 * `asJsonb` of an answer without sorting its keys: the schema allows exactly these, and jsonb puts
 * them in this order (by length, then bytes). Answers are most of a document.
 */
function answerAsJsonb(answer: SubmittedAnswer): SubmittedAnswer {
  const { qCode, value, answerId, listItemId, toListItemId } = answer;
  const out: Record<string, unknown> = { qCode, value: asJsonb(value), answerId };
  if (listItemId !== undefined) out.listItemId = listItemId;
  if (toListItemId !== undefined) out.toListItemId = toListItemId;
  return out as SubmittedAnswer;
}

/** Every character below U+0080: its UTF-8 bytes sort as its UTF-16 units do, one byte each. */
const ASCII = /^[^\u0080-\uffff]*$/;

function jsonbKeyOrder(a: string, b: string): number {
  if (ASCII.test(a) && ASCII.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length - y.length || Buffer.compare(x, y);
}
