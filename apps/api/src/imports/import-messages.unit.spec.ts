import { translateDetail, translateFieldMessage } from '../i18n/localize';
import { ImportCells } from './import-columns';
import { cellProblem, parseImportFile, UnreadableFile } from './import-file';
import { planImport } from './import-plan';

const row = (n: number, cells: Partial<ImportCells>) => ({
  row: n,
  cells: { unitCode: '', unitName: '', unitKind: '', username: '', displayName: '', role: '', ...cells },
});

/**
 * A Vietnamese admin reads every error an import can report in Vietnamese: each message the plan
 * and the file reader produce is in the API's catalogue (an untranslated one would stay English).
 */
describe('import messages in Vietnamese', () => {
  it('translates every row error the plan can report', () => {
    const plan = planImport(
      [
        row(2, { unitName: 'Xã X' }),
        row(3, { unitCode: 'sai mã', unitName: 'x'.repeat(300), unitKind: 'hành tinh' }),
        row(4, { unitCode: 'XA-B', unitName: 'Xã B', unitKind: 'Xã' }),
        row(5, { unitCode: 'XA-B', unitName: 'Xã B', unitKind: 'Xã' }),
        row(6, { username: 'ab', displayName: 'x'.repeat(300), role: 'sếp' }),
        row(7, { username: 'kiemtra9', displayName: 'Cán bộ', role: 'inspector' }),
        row(8, { username: 'kiemtra9', displayName: 'Cán bộ', role: 'inspector' }),
        row(9, { username: 'th.moi', displayName: 'Thủ trưởng', role: 'unit_head' }),
        row(10, { unitCode: 'XA-B', username: 'kiemtra10', displayName: 'Cán bộ', role: 'inspector' }),
        row(11, { username: 'th.xa-a', displayName: 'Ông A', role: 'inspector' }),
        row(12, { unitCode: 'XA-KHONG', username: 'th.khong', displayName: 'Không', role: 'unit_head' }),
        row(13, {}),
        row(14, { displayName: 'Tên\u0007' }),
      ],
      {
        units: [{ id: 'u1', code: 'XA-A', name: 'Xã A', kind: 'commune' }],
        users: [{ id: 'p1', username: 'th.xa-a', displayName: 'Ông A', role: 'unit_head', unitId: 'u1' }],
      },
    );
    const messages = [...new Set([...plan.errors.map((e) => e.message), cellProblem('x'.repeat(5000))!])];
    expect(messages.length).toBeGreaterThanOrEqual(14);
    expect(messages.filter((message) => translateFieldMessage(message, 'vi') === message)).toEqual([]);
    expect(translateFieldMessage('the account th.xa-a exists with the role unit_head; an import does not change roles (edit the account instead)', 'vi')).toBe(
      'tài khoản th.xa-a đã có với vai trò thủ trưởng đơn vị; nhập từ tệp không đổi vai trò (hãy sửa tài khoản)',
    );
  });

  it('translates why a file cannot be read, as the detail and as the file field’s message', async () => {
    const unreadable = async (bytes: Buffer) => {
      try {
        await parseImportFile(bytes);
      } catch (error) {
        if (error instanceof UnreadableFile) return error.message;
        throw error;
      }
      throw new Error('the file was read');
    };
    for (const message of [await unreadable(Buffer.from([0x89, 0xff, 0xfe, 0x00])), await unreadable(Buffer.from('PK\u0003\u0004not really a zip'))]) {
      expect(translateDetail(message, 'vi')).not.toBe(message);
      expect(translateFieldMessage(message, 'vi')).not.toBe(message);
    }
    expect(translateDetail('The file has 3 error(s); nothing was imported. A dry run lists them.', 'vi')).toBe('Tệp có 3 lỗi; chưa nhập gì. Kiểm tra tệp để xem từng lỗi.');
  });
});
