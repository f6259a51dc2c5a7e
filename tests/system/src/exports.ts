import type { Submission, SubmittedAnswer } from '@eq/schema';
import { parse } from 'csv-parse/sync';

/**
 * What the author's CSV exports must hold for a submission, worked out from the submission
 * document alone (issue 4 §6): the responses file has a row per response and a column per answer
 * data code; the list items file a row per list item and per pair of items (relationships).
 */

/** A CSV download as records of named cells (the header row names them), after its byte order mark. */
export function csvRecords(text: string): { header: string[]; records: Record<string, string>[] } {
  const rows: string[][] = parse(text, { bom: true });
  const [header = [], ...rest] = rows;
  return { header, records: rest.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? '']))) };
}

/** A value as its cell: text guarded against spreadsheet formulas, checkbox values joined with `;`. */
export function expectedCell(value: SubmittedAnswer['value'] | boolean | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = Array.isArray(value) ? value.join(';') : typeof value === 'string' ? value : JSON.stringify(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const RESPONSE_COLUMNS = ['submission_id', 'response_id', 'version', 'submitted_at', 'test', 'respondent_ref'];

/** The responses file's row of a submission, every column of the header filled as the export promises. */
export function expectedResponseRow(header: string[], submission: Submission): Record<string, string> {
  const once = submission.answers.filter((a) => a.listItemId === undefined);
  const row: Record<string, string> = {
    submission_id: submission.submissionId,
    response_id: submission.responseId,
    version: String(submission.questionnaireVersion),
    submitted_at: submission.submittedAt,
    test: String(submission.test === true),
    respondent_ref: expectedCell(submission.respondentRef),
  };
  for (const column of header.filter((c) => !RESPONSE_COLUMNS.includes(c))) {
    row[column] = column.startsWith('metadata.')
      ? expectedCell(submission.metadata[column.slice('metadata.'.length)])
      : expectedCell(once.find((a) => a.qCode === column)?.value);
  }
  return row;
}

/** The list items file's rows of a submission: each item of each list, then each pair, in that order. */
export function expectedItemRows(header: string[], submission: Submission): Record<string, string>[] {
  const codes = header.slice(header.indexOf('to_item_number') + 1);
  const common = {
    submission_id: submission.submissionId,
    response_id: submission.responseId,
    version: String(submission.questionnaireVersion),
    submitted_at: submission.submittedAt,
    test: String(submission.test === true),
  };
  const cells = (answers: SubmittedAnswer[]) =>
    Object.fromEntries(codes.map((code) => [code, expectedCell(answers.find((a) => a.qCode === code)?.value)]));
  const rows: Record<string, string>[] = [];
  for (const [list, { items, primary }] of Object.entries(submission.lists)) {
    items.forEach((item, i) => {
      rows.push({
        ...common,
        list,
        list_item_id: item,
        item_number: String(i + 1),
        primary: String(item === primary),
        to_list_item_id: '',
        to_item_number: '',
        ...cells(submission.answers.filter((a) => a.listItemId === item && a.toListItemId === undefined)),
      });
    });
  }
  for (const pair of submission.answers.filter((a) => a.toListItemId !== undefined)) {
    const list = Object.entries(submission.lists).find(([, { items }]) => items.includes(pair.listItemId ?? ''));
    const items = list?.[1].items ?? [];
    rows.push({
      ...common,
      list: list?.[0] ?? '',
      list_item_id: pair.listItemId ?? '',
      item_number: String(items.indexOf(pair.listItemId ?? '') + 1),
      primary: '',
      to_list_item_id: pair.toListItemId ?? '',
      to_item_number: String(items.indexOf(pair.toListItemId ?? '') + 1),
      ...cells([pair]),
    });
  }
  return rows;
}
