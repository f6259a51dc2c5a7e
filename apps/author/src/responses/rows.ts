import type { Submission, SubmittedAnswer } from '@eq/schema';
import type { StoredResponse } from './batches.ts';
import { cell } from './cells.ts';
import type { FileLayout, Layout } from './layout.ts';

/** The first columns of both CSV files, identifying the response. */
const RESPONSE_COLUMNS = ['submission_id', 'response_id', 'version', 'submitted_at', 'test'] as const;

export function responsesHeader(layout: Layout): string[] {
  return [
    ...RESPONSE_COLUMNS,
    'respondent_ref',
    ...layout.metadata.map((m) => `metadata.${m.name}`),
    ...layout.responses.variables.map((v) => v.name),
  ];
}

/** One row per response: its answers asked once (not those of list items), a column per data code. */
export function responseRow(layout: Layout, { submission, test }: StoredResponse): string[] {
  const fixed = [...identity(submission, test), cell(submission.respondentRef)];
  for (const { name } of layout.metadata) {
    fixed.push(Object.hasOwn(submission.metadata, name) ? cell(submission.metadata[name]) : '');
  }
  const answers = new Array<string>(layout.responses.variables.length).fill('');
  for (const answer of submission.answers) {
    if (answer.listItemId === undefined) place(layout.responses, answers, answer);
  }
  return fixed.concat(answers);
}

export function itemsHeader(layout: Layout): string[] {
  return [
    ...RESPONSE_COLUMNS,
    'list',
    'list_item_id',
    'item_number',
    'primary',
    'to_list_item_id',
    'to_item_number',
    ...layout.items.variables.map((v) => v.name),
  ];
}

/**
 * The long-format rows of a response's list items: one per item of each list (in list order, its
 * own answers: names, each person's individual questions), then one per pair that has answers
 * (relationships), each with the answers of that item or pair.
 */
export function itemRows(layout: Layout, { submission, test }: StoredResponse): string[][] {
  const id = identity(submission, test);
  const width = layout.items.variables.length;
  const rows = new Map<string, { head: string[]; answers: string[] }>();
  const pairs: string[] = [];
  const position = new Map<string, { list: string; number: number }>();
  for (const [list, { items, primary }] of Object.entries(submission.lists)) {
    items.forEach((item, i) => {
      position.set(item, { list, number: i + 1 });
      const head = [...id, cell(list), cell(item), String(i + 1), item === primary ? 'true' : 'false', '', ''];
      rows.set(item, { head, answers: new Array<string>(width).fill('') });
    });
  }
  for (const answer of submission.answers) {
    const item = answer.listItemId;
    if (item === undefined) continue;
    const to = answer.toListItemId;
    const key = to === undefined ? item : `${item}>${to}`;
    let row = rows.get(key);
    if (!row && to !== undefined) {
      const from = position.get(item);
      const other = position.get(to);
      const list = from?.list ?? layout.listOf.get(answer.qCode) ?? '';
      const head = [
        ...id,
        cell(list),
        cell(item),
        String(from?.number ?? ''),
        '',
        cell(to),
        String(other?.number ?? ''),
      ];
      row = { head, answers: new Array<string>(width).fill('') };
      rows.set(key, row);
      pairs.push(key);
    }
    if (row) place(layout.items, row.answers, answer);
  }
  const out: string[][] = [];
  for (const [key, row] of rows) if (!key.includes('>')) out.push(row.head.concat(row.answers));
  for (const key of pairs) {
    const row = rows.get(key);
    if (row) out.push(row.head.concat(row.answers));
  }
  return out;
}

function identity(submission: Submission, test: boolean): string[] {
  return [
    submission.submissionId,
    cell(submission.responseId),
    String(submission.questionnaireVersion),
    submission.submittedAt,
    test ? 'true' : 'false',
  ];
}

function place(file: FileLayout, row: string[], answer: SubmittedAnswer): void {
  const slot = file.slots.get(answer.qCode);
  if (!slot) return;
  if (!slot.parts) {
    row[slot.index] = cell(answer.value);
    return;
  }
  const value = answer.value as Record<string, unknown>;
  slot.parts.forEach((part, i) => {
    row[slot.index + i] = cell(typeof value === 'object' && value !== null ? value[part] : undefined);
  });
}
