/**
 * CSV for every export (sociale kaart, chat figures): one place for quoting and for the guard
 * against formula injection. A spreadsheet runs a cell that starts with = + - @ (or a tab or
 * carriage return before one) as a formula, so such text gets a leading apostrophe and stays text.
 * Plain numbers ("-3", "+31") are left alone: they are not formulas and must stay numbers.
 */
export type CsvSeparator = ',' | ';';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/;

export function csvField(value: string, separator: CsvSeparator): string {
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  const needsQuotes = safe.includes(separator) || /["\r\n]/.test(safe) || safe !== value;
  return needsQuotes ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to a CSV document with CRLF line ends (RFC 4180); `bom` for Dutch Excel with semicolons. */
export function csvDocument(rows: readonly (readonly string[])[], separator: CsvSeparator, { bom = false } = {}): string {
  return `${bom ? '\uFEFF' : ''}${rows.map((row) => row.map((cell) => csvField(cell, separator)).join(separator)).join('\r\n')}\r\n`;
}
