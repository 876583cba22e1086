import { Workbook } from 'exceljs';
import { Table } from '@inspectorate/reports';

/**
 * The report's tables as an Excel workbook, one sheet per table (named by its Vietnamese title),
 * a bold frozen header row, numbers as numbers.
 */
export async function toXlsx(tables: readonly Table[], meta: { title: string; company: string; created: Date }): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Inspectorate';
  workbook.title = meta.title;
  workbook.company = meta.company;
  workbook.created = meta.created;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((column, index) => ({
      header: column.header,
      key: column.key,
      width: Math.min(60, Math.max(10, column.header.length + 2, ...table.rows.map((row) => String(row[index] ?? '').length + 2))),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.addRows(table.rows.map((row) => [...row]));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
