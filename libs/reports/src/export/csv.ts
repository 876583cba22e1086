import { Cell, Table } from './tables';

/** UTF-8 byte order mark: without it Excel reads a CSV as the machine's legacy code page and garbles Vietnamese. */
export const UTF8_BOM = '\uFEFF';

/**
 * RFC 4180 CSV: CRLF between records, a field quoted when it holds a comma, a double quote, CR or
 * LF, quotes doubled inside. Several tables become sections one after the other, each opened by
 * a one-field record with its title and its header record, and separated by an empty line.
 */
export function toCsv(tables: readonly Table[]): string {
  const sections = tables.map((table) =>
    [[table.title], table.columns.map((c) => c.header), ...table.rows].map((record) => record.map(csvField).join(',')).join('\r\n'),
  );
  return `${UTF8_BOM}${sections.join('\r\n\r\n')}\r\n`;
}

export function csvField(cell: Cell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? String(cell) : neutraliseFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A spreadsheet runs a text field that starts with = + - @ (or a tab or CR before one) as a
 * formula ("CSV injection"). Text is stored as text: such a field gets a leading apostrophe,
 * which Excel shows as nothing. Numbers are written as numbers and never touched.
 */
function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
