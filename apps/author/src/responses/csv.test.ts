import { stringify } from 'csv-stringify/sync';
import { expect, it } from 'vitest';
import { csvRecord } from './csv.ts';

it('writes records exactly as csv-stringify does with its defaults', () => {
  const cells = [
    '',
    'plain',
    'commas, "quotes"\nand new lines\r\n',
    '"',
    '\r',
    '\'=HYPERLINK("http://evil.test")',
    ' leading and trailing spaces ',
    'tab\there',
    'right-to-left \u202e override, emoji 🏴󠁧󠁢󠁷󠁬󠁳󠁿, line\u2028separator',
    '12.5',
  ];
  expect(csvRecord(cells)).toBe(stringify([cells]));
  expect(csvRecord(['only'])).toBe(stringify([['only']]));
  expect(csvRecord([])).toBe(stringify([[]]));
});
