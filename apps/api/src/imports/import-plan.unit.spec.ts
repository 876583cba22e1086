import { foldForSearch } from '@inspectorate/read-model';
import { ImportCells } from './import-columns';
import { csvRecords, parseImportFile } from './import-file';
import { planImport } from './import-plan';

const row = (n: number, cells: Partial<ImportCells>) => ({
  row: n,
  cells: { unitCode: '', unitName: '', unitKind: '', username: '', displayName: '', role: '', ...cells },
});

describe('import plan', () => {
  const existing = {
    units: [{ id: 'u1', code: 'XA-A', name: 'Xã A', kind: 'commune' as const }],
    users: [{ id: 'p1', username: 'th.xa-a', displayName: 'Ông A', role: 'unit_head' as const, unitId: 'u1' }],
  };

  it('creates, updates and leaves unchanged by unit code and username', () => {
    const plan = planImport(
      [
        row(2, { unitCode: 'XA-A', unitName: 'Xã A', unitKind: 'Xã', username: 'TH.XA-A', displayName: 'Ông A', role: 'Thủ trưởng đơn vị' }),
        row(3, { unitCode: 'XA-B', unitName: 'Xã B', unitKind: 'commune', username: 'th.xa-b', displayName: 'Bà B', role: 'thu truong don vi' }),
        row(4, { username: 'kiemtra9', displayName: 'Cán bộ C', role: 'inspector' }),
        row(5, { unitCode: 'XA-A', username: 'pho.xa-a', displayName: 'Phó A', role: 'unit_head' }),
      ],
      existing,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.units.map((u) => [u.code, u.action])).toEqual([
      ['XA-A', 'unchanged'],
      ['XA-B', 'create'],
    ]);
    expect(plan.users.map((u) => [u.username, u.action, u.unitCode])).toEqual([
      ['th.xa-a', 'unchanged', 'XA-A'],
      ['th.xa-b', 'create', 'XA-B'],
      ['kiemtra9', 'create', null],
      ['pho.xa-a', 'create', 'XA-A'],
    ]);
  });

  it('reports every problem of every row with its row and column', () => {
    const plan = planImport(
      [
        row(2, { unitCode: 'bad code', unitName: '', unitKind: 'planet' }),
        row(3, { username: 'x', displayName: '', role: 'boss' }),
        row(4, { unitCode: 'XA-A', username: 'kiemtra9', displayName: 'C', role: 'inspector' }),
        row(5, { username: 'th.xa-a', displayName: 'Ông A', role: 'chairman' }),
        row(6, { unitCode: 'XA-Z', username: 'th.xa-z', displayName: 'Z', role: 'unit_head' }),
        row(7, { unitCode: 'XA-Q', unitName: 'Xã Q', unitKind: 'Xã' }),
        row(8, { unitCode: 'XA-Q', unitName: 'Xã Q', unitKind: 'Xã' }),
        row(9, { unitName: 'Tên\u0000độc' }),
      ],
      existing,
    );
    expect(plan.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Mã đơn vị'],
      [2, 'Tên đơn vị'],
      [2, 'Loại đơn vị'],
      [3, 'Tên đăng nhập'],
      [3, 'Họ và tên'],
      [3, 'Vai trò'],
      [4, 'Vai trò'],
      [5, 'Vai trò'],
      [6, 'Mã đơn vị'],
      [8, 'Mã đơn vị'],
      [9, 'Tên đơn vị'],
    ]);
    expect(plan.errors.find((e) => e.row === 5)!.message).toContain('does not change roles');
    expect(plan.errors.find((e) => e.row === 8)!.message).toBe('is already defined on row 7');
  });
});

describe('import file', () => {
  it('reads CSV with quotes, CRLF, a BOM and a semicolon separator', async () => {
    expect(csvRecords('a,"b ""c""",d\r\n1,"2\n3",\r\n')).toEqual([
      ['a', 'b "c"', 'd'],
      ['1', '2\n3', ''],
    ]);
    const file = await parseImportFile(Buffer.from('\uFEFFTên đăng nhập;Họ và tên;Vai trò;Mã đơn vị;Tên đơn vị;Loại đơn vị\r\nkt1;Cán bộ;inspector;;;\r\n;;;;;\r\n'));
    expect(file.errors).toEqual([]);
    expect(file.rows).toEqual([{ row: 2, cells: { unitCode: '', unitName: '', unitKind: '', username: 'kt1', displayName: 'Cán bộ', role: 'inspector' } }]);
  });

  it('names missing and unknown columns of the header row', async () => {
    const file = await parseImportFile(Buffer.from('Mã đơn vị,Tên,Vai trò\n'));
    expect(file.errors.map((e) => e.column)).toEqual(['Tên', 'Tên đơn vị', 'Loại đơn vị', 'Tên đăng nhập', 'Họ và tên']);
  });

  it('refuses bytes that are not UTF-8 text', async () => {
    await expect(parseImportFile(Buffer.from([0x4d, 0xe3, 0x20, 0xff]))).rejects.toThrow('neither an Excel workbook');
  });
});

describe('search folding', () => {
  it('drops Vietnamese marks, đ and case', () => {
    expect(foldForSearch('Thị trấn  CẦN THẠNH')).toBe('thi tran can thanh');
    expect(foldForSearch('Đeo thẻ, ứng xử, ơ ư')).toBe('deo the, ung xu, o u');
    expect(foldForSearch('Cần Thạnh'.normalize('NFD'))).toBe('can thanh');
  });
});
