/**
 * A CSV record as `csv-stringify` writes it with its defaults (comma, `"` quotes, `\n` after each
 * record), without its per-field option handling: the exports write millions of cells. A cell is
 * quoted when it holds a quote, a comma or a line break; quotes inside are doubled.
 */
export function csvRecord(cells: readonly string[]): string {
  let record = '';
  for (let i = 0; i < cells.length; i++) {
    const text = cells[i] ?? '';
    if (i > 0) record += ',';
    record += NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  }
  return `${record}\n`;
}

const NEEDS_QUOTES = /[",\n\r]/;
