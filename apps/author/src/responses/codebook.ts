import { translate } from '@eq/engine';
import type { Text } from '@eq/schema';
import { askedWhen } from './asked-when.ts';
import { neutralise } from './cells.ts';
import type { Layout, Variable } from './layout.ts';

export const CODEBOOK_HEADER = [
  'variable',
  'file',
  'list',
  'answer_id',
  'answer_type',
  'question',
  'answer_label',
  'value_labels',
  'asked_when',
];

/**
 * The codebook of an export: one row per column of the two CSV files that holds respondent data
 * (metadata and answers), with the question text and labels in English, the option values and
 * their labels (`value=Label`, separated by ` | `), the list a column belongs to, and when the
 * question is asked (see `askedWhen`).
 */
export function codebookRows(layout: Layout): string[][] {
  const rows: string[][] = [];
  for (const { name, definition } of layout.metadata) {
    rows.push([
      `metadata.${name}`,
      'responses',
      '',
      '',
      `metadata (${definition.type})`,
      english(definition.label),
      '',
      '',
      'always',
    ]);
  }
  const conditions = new Map<object, Map<string, string>>();
  const asked = (variable: Variable) => {
    let byPage = conditions.get(variable.compiled);
    if (!byPage) {
      byPage = askedWhen(variable.compiled);
      conditions.set(variable.compiled, byPage);
    }
    return byPage.get(variable.info.pageId) ?? '';
  };
  for (const [file, variables] of [
    ['responses', layout.responses.variables],
    ['list-items', layout.items.variables],
  ] as const) {
    for (const variable of variables) {
      const { answer, question, list, parent } = variable.info;
      const options = 'options' in answer ? answer.options : [];
      const detail = parent ? ` (detail of '${parent.answerId}' = "${parent.value}")` : '';
      rows.push(
        [
          variable.name,
          file,
          list ?? '',
          answer.id,
          variable.part ? `${answer.type} (${variable.part})` : answer.type,
          english(question.title),
          english(answer.label),
          options.map((o) => `${o.value}=${english(o.label)}`).join(' | '),
          `${asked(variable)}${detail}`,
        ].map(neutralise),
      );
    }
  }
  return rows;
}

function english(text: Text | undefined): string {
  return translate(text, 'en', 'en');
}
