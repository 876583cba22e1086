import { Workbook } from 'exceljs';
import { columnOf, ImportCells, ImportColumn, IMPORT_COLUMNS } from './import-columns';

export type ImportFormat = 'csv' | 'xlsx';

/** A problem with one cell (or a whole row: no column), as a spreadsheet user finds it. */
export interface RowError {
  /** The row as the spreadsheet numbers it: the header is row 1. */
  readonly row: number;
  /** The column's header; absent when the problem is the row or the file. */
  readonly column?: string;
  readonly message: string;
}

export interface ParsedRow {
  readonly row: number;
  readonly cells: ImportCells;
}

export interface ParsedFile {
  readonly format: ImportFormat;
  readonly rows: ParsedRow[];
  /** Problems of the file as a whole (its header row): nothing in it can be read as rows. */
  readonly errors: RowError[];
}

/** Rows beyond this are refused: an authority has hundreds of units, not tens of thousands. */
export const MAX_IMPORT_ROWS = 5000;
const MAX_CELL = 1000;
/** NUL and other control characters (but tab, LF, CR) cannot be part of a name. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export class UnreadableFile extends Error {}

/** Reads an uploaded file as rows of cells: an Excel workbook (its first sheet) or UTF-8 CSV. */
export async function parseImportFile(bytes: Buffer): Promise<ParsedFile> {
  const isZip = bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
  return isZip ? toRows('xlsx', await xlsxRecords(bytes)) : toRows('csv', csvRecords(decodeUtf8(bytes)));
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new UnreadableFile('The file is neither an Excel workbook (.xlsx) nor UTF-8 text (CSV). Save the CSV as "CSV UTF-8".');
  }
}

async function xlsxRecords(bytes: Buffer): Promise<string[][]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFile('The file looks like a zip archive but is not a readable Excel workbook (.xlsx).');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFile('The workbook has no sheet.');
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1) throw new UnreadableFile(`The sheet has more than ${MAX_IMPORT_ROWS} rows.`);
  const records: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, 50); c++) cells.push(row.getCell(c).text ?? '');
    records.push(cells);
  }
  return records;
}

/**
 * RFC 4180 records: fields separated by the header row's separator (a comma, or the semicolon
 * or tab that spreadsheets of some locales write), quoted fields with doubled quotes inside.
 */
export function csvRecords(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = [',', ';', '\t'].map((s) => ({ s, n: firstLine.split(s).length })).sort((a, b) => b.n - a.n)[0].s;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      if (records.length > MAX_IMPORT_ROWS + 1) throw new UnreadableFile(`The file has more than ${MAX_IMPORT_ROWS} rows.`);
      record = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new UnreadableFile(`The CSV has a quoted field that never ends (from row ${records.length + 1}).`);
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

function toRows(format: ImportFormat, records: string[][]): ParsedFile {
  const [header = [], ...body] = records;
  const errors: RowError[] = [];
  const positions = new Map<ImportColumn, number>();
  header.forEach((text, index) => {
    const name = text.trim();
    if (name === '') return;
    const column = columnOf(name);
    if (!column) errors.push({ row: 1, column: name.slice(0, 100), message: `is not a column of the template (${IMPORT_COLUMNS.map((c) => c.header).join(', ')})` });
    else if (positions.has(column)) errors.push({ row: 1, column: name, message: 'appears twice' });
    else positions.set(column, index);
  });
  for (const c of IMPORT_COLUMNS) if (!positions.has(c.key)) errors.push({ row: 1, column: c.header, message: 'is missing from the header row' });
  if (errors.length > 0) return { format, rows: [], errors };
  const rows = body.map((record, index) => ({
    row: index + 2,
    cells: Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, (record[positions.get(c.key)!] ?? '').trim()])) as ImportCells,
  }));
  return { format, rows: rows.filter((r) => Object.values(r.cells).some((v) => v !== '')), errors };
}

/** A cell's text problem, if any: too long, or characters no name can hold. */
export function cellProblem(value: string): string | undefined {
  if (value.length > MAX_CELL) return `is longer than ${MAX_CELL} characters`;
  if (CONTROL.test(value)) return 'contains control characters';
  return undefined;
}
