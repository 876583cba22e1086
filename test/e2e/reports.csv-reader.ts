/**
 * A strict RFC 4180 reader for the report CSVs, written apart from the product's writer so a
 * test compares two independent implementations: CRLF records, quoted fields with doubled quotes.
 * Returns the sections (separated by empty records): a title, a header and rows.
 */
export interface CsvSection {
  readonly title: string;
  readonly header: string[];
  readonly rows: string[][];
}

export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else if (c === '\n' || c === '\r') {
      throw new Error(`bare line break at ${i}: records must end with CRLF`);
    } else {
      field += c;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) throw new Error('the last record must end with CRLF');
  return records;
}

export function csvSections(text: string): CsvSection[] {
  const sections: CsvSection[] = [];
  let current: string[][] = [];
  const flush = () => {
    if (current.length === 0) return;
    const [[title], header, ...rows] = current;
    sections.push({ title, header, rows });
    current = [];
  };
  for (const record of parseCsv(text)) {
    if (record.length === 1 && record[0] === '') flush();
    else current.push(record);
  }
  flush();
  return sections;
}
