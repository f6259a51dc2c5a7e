import type { StoredResponse } from './batches.ts';
import { cell } from './cells.ts';
import type { FileLayout, Layout } from './layout.ts';
import type { ExportedAnswer, ExportedResponse } from './stored-forms.ts';

/** The first columns of both CSV files, identifying the response. */
const RESPONSE_COLUMNS = ['submission_id', 'response_id', 'version', 'submitted_at', 'test'] as const;
/** The identifying columns and the six that place a row of the list items file. */
const ITEM_COLUMNS = RESPONSE_COLUMNS.length + 6;

export function responsesHeader(layout: Layout): string[] {
  return [
    ...RESPONSE_COLUMNS,
    'respondent_ref',
    ...layout.metadata.map((m) => `metadata.${m.name}`),
    ...layout.responses.variables.map((v) => v.name),
  ];
}

/** One row per response: its answers asked once (not those of list items), a column per data code. */
export function responseRow(layout: Layout, { response, test }: StoredResponse): string[] {
  const fixed = RESPONSE_COLUMNS.length + 1 + layout.metadata.length;
  const row = new Array<string>(fixed + layout.responses.variables.length).fill('');
  setIdentity(row, response, test);
  row[RESPONSE_COLUMNS.length] = cell(response.respondentRef);
  layout.metadata.forEach(({ name }, i) => {
    if (Object.hasOwn(response.metadata, name)) row[RESPONSE_COLUMNS.length + 1 + i] = cell(response.metadata[name]);
  });
  for (const answer of response.answers) {
    if (answer.listItemId === undefined) place(layout.responses, row, fixed, answer);
  }
  return row;
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
export function itemRows(layout: Layout, { response, test }: StoredResponse): string[][] {
  const width = ITEM_COLUMNS + layout.items.variables.length;
  const newRow = (head: string[]) => {
    const row = new Array<string>(width).fill('');
    setIdentity(row, response, test);
    head.forEach((text, i) => {
      row[RESPONSE_COLUMNS.length + i] = text;
    });
    return row;
  };
  const rows = new Map<string, string[]>();
  const pairs: string[] = [];
  const position = new Map<string, { list: string; number: number }>();
  for (const [list, { items, primary }] of Object.entries(response.lists)) {
    items.forEach((item, i) => {
      position.set(item, { list, number: i + 1 });
      rows.set(item, newRow([cell(list), cell(item), String(i + 1), item === primary ? 'true' : 'false']));
    });
  }
  for (const answer of response.answers) {
    const item = answer.listItemId;
    if (item === undefined) continue;
    const to = answer.toListItemId;
    const key = to === undefined ? item : `${item}>${to}`;
    let row = rows.get(key);
    if (!row && to !== undefined) {
      const from = position.get(item);
      const other = position.get(to);
      const list = from?.list ?? layout.listOf.get(answer.qCode) ?? '';
      row = newRow([cell(list), cell(item), String(from?.number ?? ''), '', cell(to), String(other?.number ?? '')]);
      rows.set(key, row);
      pairs.push(key);
    }
    if (row) place(layout.items, row, ITEM_COLUMNS, answer);
  }
  const out: string[][] = [];
  for (const [key, row] of rows) if (!key.includes('>')) out.push(row);
  for (const key of pairs) {
    const row = rows.get(key);
    if (row) out.push(row);
  }
  return out;
}

function setIdentity(row: string[], response: ExportedResponse, test: boolean): void {
  row[0] = response.submissionId;
  row[1] = cell(response.responseId);
  row[2] = String(response.questionnaireVersion);
  row[3] = response.submittedAt;
  row[4] = test ? 'true' : 'false';
}

/** Writes an answer's value into its column (or its parts' columns), counted from the first answer column. */
function place(file: FileLayout, row: string[], first: number, answer: ExportedAnswer): void {
  const slot = file.slots.get(answer.qCode);
  if (!slot) return;
  if (!slot.parts) {
    row[first + slot.index] = cell(answer.value);
    return;
  }
  const value = answer.value as Record<string, unknown>;
  slot.parts.forEach((part, i) => {
    row[first + slot.index + i] = cell(typeof value === 'object' && value !== null ? value[part] : undefined);
  });
}
