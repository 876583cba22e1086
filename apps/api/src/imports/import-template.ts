import { Workbook } from 'exceljs';
import { ROLES } from '@inspectorate/domain';
import { UNIT_KINDS } from '@inspectorate/directory';
import { csvField, UTF8_BOM } from '@inspectorate/reports';
import { EXAMPLE_ROW, IMPORT_COLUMNS, KIND_LABELS, ROLE_LABELS } from './import-columns';

/** The import template as CSV (UTF-8 with BOM, so Excel reads Vietnamese): the header and one example row. */
export function csvTemplate(): Buffer {
  const lines = [IMPORT_COLUMNS.map((c) => c.header), IMPORT_COLUMNS.map((c) => EXAMPLE_ROW[c.key])].map((cells) => cells.map(csvField).join(','));
  return Buffer.from(`${UTF8_BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}

/**
 * The import template as a workbook: the first sheet to fill in (the header and one example row),
 * and a second that lists the accepted kinds and roles. Only the first sheet is read back.
 */
export async function xlsxTemplate(): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Inspectorate';
  const sheet = workbook.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: Math.max(16, c.header.length + 4) }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(EXAMPLE_ROW);
  const help = workbook.addWorksheet('Hướng dẫn');
  help.columns = [
    { header: 'Cột', key: 'column', width: 16 },
    { header: 'Giá trị', key: 'value', width: 28 },
    { header: 'Mã', key: 'code', width: 22 },
  ];
  help.getRow(1).font = { bold: true };
  for (const kind of UNIT_KINDS) help.addRow({ column: 'Loại đơn vị', value: KIND_LABELS[kind], code: kind });
  for (const role of ROLES) help.addRow({ column: 'Vai trò', value: ROLE_LABELS[role], code: role });
  help.addRow({});
  help.addRow({ column: 'Mỗi dòng', value: 'một đơn vị, một người, hoặc một đơn vị và thủ trưởng của đơn vị đó' });
  help.addRow({ column: 'Đối chiếu', value: 'đơn vị theo Mã đơn vị, người theo Tên đăng nhập; nhập lại cùng tệp không thay đổi gì' });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
