import { csvField, toCsv, UTF8_BOM } from './csv';
import { Table } from './tables';

describe('CSV (RFC 4180, UTF-8 with BOM)', () => {
  const table = (title: string, rows: (string | number | null)[][]): Table => ({
    key: title,
    title,
    columns: [
      { key: 'a', header: 'Mã' },
      { key: 'b', header: 'Tên đơn vị' },
    ],
    rows,
  });

  it('starts with a BOM, ends records with CRLF, separates sections with an empty line', () => {
    const csv = toCsv([table('Tổng hợp', [[1, 'Xã Bình Khánh']]), table('Quá hạn', [])]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe('Tổng hợp\r\nMã,Tên đơn vị\r\n1,Xã Bình Khánh\r\n\r\nQuá hạn\r\nMã,Tên đơn vị\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it.each([
    ['plain', 'plain'],
    ['Đoàn kiểm tra', 'Đoàn kiểm tra'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['line\nbreak', '"line\nbreak"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+84 28', "'+84 28"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['=1,2', `"'=1,2"`],
    ['', ''],
  ])('text %j → %j', (input, output) => {
    expect(csvField(input)).toBe(output);
  });

  it('writes numbers as numbers (a negative one is not a formula) and null as an empty field', () => {
    expect(csvField(-1)).toBe('-1');
    expect(csvField(93.8)).toBe('93.8');
    expect(csvField(null)).toBe('');
  });
});
