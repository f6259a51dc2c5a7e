/**
 * CSV formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with `=`,
 * `+`, `-` or `@` (or a tab or carriage return ahead of one) as a formula. Text cells that start
 * with any of them get a leading `'`, which spreadsheets show as text. Numbers the export writes
 * itself (a negative figure, say) are left as they are; JSON lines keep every string exactly.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A scalar as a CSV cell: text neutralised, numbers and booleans as written in JSON, nothing as empty. */
export function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return neutralise(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Checkbox selections: option values joined with `;` in the options' order.
  if (Array.isArray(value)) return neutralise(value.map(String).join(';'));
  return neutralise(JSON.stringify(value));
}
