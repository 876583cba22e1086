import { Workbook } from 'exceljs';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { UnitEntity } from '@inspectorate/directory';
import { TestUser } from '../harness/people';
import { Scenario } from '../harness/scenario';
import { inDays } from '../harness/time';
import { useStack } from '../harness/use-stack';
import { RawResponse, send } from './security/http';

/**
 * Running it for a real authority (issue 11, items 3, 5, 8, 10), over HTTP through the real
 * stack: the authority as data, units edited and deactivated, units and staff imported from a
 * file, findings searched across inspections.
 */
describe('administration: authority, units, imports, findings search', () => {
  const stack = useStack();
  const api = () => stack.api;
  const people = () => stack.people;

  const upload = async (user: TestUser, path: string, content: Buffer, fileName: string, contentType: string): Promise<RawResponse & { body: any }> =>
    send(stack, user, { method: 'POST', path: `/api/v1${path}`, upload: { content, fileName, contentType } });
  const csv = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  const HEADER = 'Mã đơn vị,Tên đơn vị,Loại đơn vị,Tên đăng nhập,Họ và tên,Vai trò';
  const unitCount = () => stack.db.getRepository(UnitEntity).count();
  const userCount = async () => Number((await stack.db.query('SELECT count(*) AS n FROM users'))[0].n);

  describe('the authority as data', () => {
    it('is read by staff and changed by the admin only, field by field', async () => {
      const { admin, chairman, inspector1, headA } = people();
      const initial = await api().expect(200, api().get(inspector1, '/authority'));
      expect(initial).toMatchObject({ name: 'ỦY BAN NHÂN DÂN', inspectionBodyName: 'ĐOÀN KIỂM TRA CÔNG VỤ', place: '', chairmanName: '', chairmanTitle: 'CHỦ TỊCH' });
      expect((await api().get(headA, '/authority')).status).toBe(403);
      expect((await api().patch(chairman, '/authority', { name: 'X' })).status).toBe(403);

      const changed = await api().expect(200, api().patch(admin, '/authority', { name: '  ỦY BAN NHÂN DÂN XÃ MẪU  ', place: 'Xã Mẫu' }));
      expect(changed).toMatchObject({ name: 'ỦY BAN NHÂN DÂN XÃ MẪU', place: 'Xã Mẫu', chairmanTitle: 'CHỦ TỊCH' });
      expect(await api().expect(200, api().get(chairman, '/authority'))).toEqual(changed);

      for (const body of [{}, { name: '' }, { name: '   ' }, { chairmanTitle: 'x'.repeat(101) }, { name: 1 }, { colour: 'red' }]) {
        const refused = await api().patch(admin, '/authority', body);
        expect(refused.status).toBe(400);
        expect(refused.headers['content-type']).toContain('application/problem+json');
      }
      expect(await api().expect(200, api().get(chairman, '/authority'))).toEqual(changed);
    });
  });

  describe('units', () => {
    it('are corrected by the admin: name, kind, code (409 when another unit has the code)', async () => {
      const { admin, lead } = people();
      const created = await api().expect(201, api().post(admin, '/units', { code: 'P-SUA', name: 'Phòng Sửa', kind: 'department' }));
      expect(created.active).toBe(true);
      const patched = await api().expect(200, api().patch(admin, `/units/${created.id}`, { name: 'Phòng Đã sửa', kind: 'public_service_unit', code: 'DV-SUA' }));
      expect(patched).toEqual({ id: created.id, code: 'DV-SUA', name: 'Phòng Đã sửa', kind: 'public_service_unit', active: true });
      expect(await api().expect(200, api().get(lead, `/units/${created.id}`))).toEqual(patched);

      const taken = await api().patch(admin, `/units/${created.id}`, { code: 'UNIT-A' });
      expect(taken.status).toBe(409);
      expect(taken.body.detail).toContain('UNIT-A');
      expect((await api().patch(admin, `/units/${randomUUID()}`, { name: 'Không có' })).status).toBe(404);
      expect((await api().patch(admin, `/units/${created.id}`, {})).status).toBe(400);
      expect((await api().patch(admin, `/units/${created.id}`, { code: 'lower case' })).status).toBe(400);
      expect((await api().patch(lead, `/units/${created.id}`, { name: 'X' })).status).toBe(403);

      // Two renames to the same new code at once: one wins, the other is a 409, never a 500.
      const other = await api().expect(201, api().post(admin, '/units', { code: 'P-KHAC', name: 'Phòng Khác', kind: 'department' }));
      const race = await Promise.all([api().patch(admin, `/units/${created.id}`, { code: 'P-CUNG' }), api().patch(admin, `/units/${other.id}`, { code: 'P-CUNG' })]);
      expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    });

    it('deactivated: refused as the target of a new inspection, with a problem naming it; its history stays', async () => {
      const { admin, lead, chairman, inspector1 } = people();
      const scenario = new Scenario(stack);
      const unit = await api().expect(201, api().post(admin, '/units', { code: 'XA-CU', name: 'Xã Cũ', kind: 'commune' }));
      const earlier = await scenario.campaign({ units: [unit.id] });
      const inspectionId = earlier.targets[0].inspectionId as string;
      await scenario.start(inspectionId);
      await scenario.finding(inspectionId);
      const inspectionBefore = await api().expect(200, api().get(chairman, `/inspections/${inspectionId}`));
      const scorecardBefore = await api().expect(200, api().get(chairman, `/reports/units/${unit.id}`));

      const deactivated = await api().expect(200, api().post(admin, `/units/${unit.id}/deactivate`, { reason: 'Sáp nhập' }));
      expect(deactivated.active).toBe(false);
      expect(Date.parse(deactivated.deactivatedAt)).toBeGreaterThan(Date.now() - 60_000);
      expect((await api().post(admin, `/units/${unit.id}/deactivate`, {})).status).toBe(409);

      const inactive = await api().expect(200, api().get(inspector1, '/units?active=false'));
      expect(inactive.items.map((u: { code: string }) => u.code)).toEqual(['XA-CU']);
      const active = await api().expect(200, api().get(inspector1, '/units?active=true&limit=500'));
      expect(active.items.map((u: { code: string }) => u.code)).not.toContain('XA-CU');
      expect(active.items.every((u: { active: boolean }) => u.active)).toBe(true);
      expect((await api().get(inspector1, '/units?active=maybe')).status).toBe(400);

      const campaignsBefore = (await api().expect(200, api().get(chairman, '/campaigns?limit=500'))).items.length;
      const refused = await api().post(lead, '/campaigns', {
        title: 'Kế hoạch mới',
        year: Number(inDays(0).slice(0, 4)),
        legalBasis: 'KH 02',
        leadInspectorId: lead.id,
        inspectorIds: [inspector1.id],
        targets: [
          { unitId: people().units.a, windowStart: inDays(1), windowEnd: inDays(5) },
          { unitId: unit.id, windowStart: inDays(1), windowEnd: inDays(5) },
        ],
      });
      expect(refused.status).toBe(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.detail).toContain('XA-CU (Xã Cũ)');
      expect(refused.body.detail).toContain('deactivated');
      expect(refused.body.errors).toEqual([{ field: 'targets.1.unitId', message: 'names the deactivated unit XA-CU (Xã Cũ)' }]);
      expect((await api().expect(200, api().get(chairman, '/campaigns?limit=500'))).items.length).toBe(campaignsBefore);

      const other = await scenario.campaign({ units: [people().units.b] });
      const added = await api().post(lead, `/campaigns/${other.id}/targets`, { unitId: unit.id, windowStart: inDays(1), windowEnd: inDays(5) });
      expect(added.status).toBe(409);
      expect(added.body.detail).toContain('XA-CU');
      expect((await api().expect(200, api().get(chairman, `/campaigns/${other.id}`))).targets).toHaveLength(1);
      const followUp = await api().post(lead, `/inspections/${inspectionId}/follow-up`, { windowStart: inDays(20), windowEnd: inDays(25) });
      expect(followUp.status).toBe(409);
      expect(followUp.body.detail).toContain('XA-CU');

      // Its history reads as before.
      expect(await api().expect(200, api().get(chairman, `/inspections/${inspectionId}`))).toEqual(inspectionBefore);
      const scorecardAfter = await api().expect(200, api().get(chairman, `/reports/units/${unit.id}`));
      expect({ ...scorecardAfter, meta: null }).toEqual({ ...scorecardBefore, meta: null });

      await api().expect(200, api().post(admin, `/units/${unit.id}/reactivate`, {}));
      expect((await api().post(admin, `/units/${unit.id}/reactivate`, {})).status).toBe(409);
      const readded = await api().expect(200, api().post(lead, `/campaigns/${other.id}/targets`, { unitId: unit.id, windowStart: inDays(1), windowEnd: inDays(5) }));
      expect(readded.targets).toHaveLength(2);
    });
  });

  describe('import of units and staff', () => {
    it('offers a template with the columns and one example row, as CSV and as Excel', async () => {
      const { admin, chairman } = people();
      const csvTemplate = await send(stack, admin, { method: 'GET', path: '/api/v1/imports/template?format=csv' });
      expect(csvTemplate.status).toBe(200);
      expect(csvTemplate.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csvTemplate.headers['content-disposition']).toBe('attachment; filename="mau-nhap-don-vi-can-bo.csv"');
      expect(csvTemplate.text.slice(1).split('\r\n')).toEqual([HEADER, 'XA-AN-BINH,Xã An Bình,Xã,th.xa-an-binh,Nguyễn Văn A,Thủ trưởng đơn vị', '']);

      const xlsx = await send(stack, admin, { method: 'GET', path: '/api/v1/imports/template?format=xlsx' });
      expect(xlsx.status).toBe(200);
      const workbook = new Workbook();
      await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER.split(','));
      expect(sheet.rowCount).toBe(2);

      // The template as downloaded is a valid file: its dry run plans one unit and one head.
      const dry = await upload(admin, '/imports/dry-run', xlsx.bytes!, 'mau.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(dry.status).toBe(200);
      expect(dry.body).toMatchObject({ format: 'xlsx', rows: 1, valid: true, errors: [], units: { created: 1, changed: 0, unchanged: 0 }, users: { created: 1, changed: 0, unchanged: 0 } });
      expect((await send(stack, chairman, { method: 'GET', path: '/api/v1/imports/template' })).status).toBe(403);
      expect((await send(stack, admin, { method: 'GET', path: '/api/v1/imports/template?format=pdf' })).status).toBe(400);
    });

    it('lists every row’s errors in a dry run, and an apply of such a file imports nothing', async () => {
      const { admin } = people();
      const file = csv([
        HEADER,
        'XA-MOI,Xã Mới,Xã,th.xa-moi,Trưởng Mới,Thủ trưởng đơn vị',
        'sai mã,,hành tinh,,,',
        ',,,kiemtra.moi,,sếp',
        'XA-KHONG-CO,,,th.khong-co,Không Có,unit_head',
        ',,,inspector1,Trùng người,chairman',
      ]);
      const [units, users] = [await unitCount(), await userCount()];
      const dry = await upload(admin, '/imports/dry-run', file, 'loi.csv', 'text/csv');
      expect(dry.status).toBe(200);
      expect(dry.body.valid).toBe(false);
      expect(dry.body.rows).toBe(5);
      expect(dry.body.errors.map((e: { row: number; column?: string }) => [e.row, e.column])).toEqual([
        [3, 'Mã đơn vị'],
        [3, 'Tên đơn vị'],
        [3, 'Loại đơn vị'],
        [4, 'Họ và tên'],
        [4, 'Vai trò'],
        [5, 'Mã đơn vị'],
        [6, 'Vai trò'],
      ]);
      expect(dry.body.errors[5].message).toContain('XA-KHONG-CO');
      expect(dry.body.errors[6].message).toContain('does not change roles');

      const applied = await upload(admin, '/imports/apply', file, 'loi.csv', 'text/csv');
      expect(applied.status).toBe(400);
      expect(applied.headers['content-type']).toContain('application/problem+json');
      expect((applied.body as { detail: string }).detail).toContain('nothing was imported');
      expect([await unitCount(), await userCount()]).toEqual([units, users]);

      for (const [content, type] of [
        [Buffer.from([0x89, 0xff, 0xfe, 0x00]), 'text/csv'],
        [Buffer.from('PK\u0003\u0004not really a zip'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        [Buffer.from('Tên,Tuổi\r\nA,1\r\n'), 'text/csv'],
      ] as const) {
        const answer = await upload(admin, '/imports/dry-run', content, 'x.csv', type);
        expect(answer.status).toBe(answer.text.includes('"valid":false') ? 200 : 400);
      }
      expect((await send(stack, admin, { method: 'POST', path: '/api/v1/imports/dry-run', body: { rows: [] } })).status).toBe(415);
    });

    it('applies a file in one go, with temporary passwords for new accounts; the same file again changes nothing', async () => {
      const { admin } = people();
      const workbook = new Workbook();
      const sheet = workbook.addWorksheet('Danh sách');
      sheet.addRow(['Tên đăng nhập', 'Họ và tên', 'Vai trò', 'Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị']);
      sheet.addRow(['th.tt-nhap', 'Trần Văn Nhập', 'Thủ trưởng đơn vị', 'TT-NHAP', 'Thị trấn Nhập', 'Thị trấn']);
      sheet.addRow(['', '', '', 'P-NHAP', 'Phòng Nhập', 'department']);
      sheet.addRow(['kiemtra.nhap', 'Lê Thị Kiểm', 'Thành viên đoàn kiểm tra', '', '', '']);
      sheet.addRow(['th.p-nhap', 'Phạm Văn Phòng', 'unit_head', 'P-NHAP', '', '']);
      sheet.addRow(['', '', '', 'UNIT-A', 'Xã Bình Khánh', 'Xã']);
      const file = Buffer.from(await workbook.xlsx.writeBuffer());
      const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

      const first = await upload(admin, '/imports/apply', file, 'nhap.xlsx', type);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ format: 'xlsx', rows: 5, valid: true, units: { created: 2, changed: 0, unchanged: 1 }, users: { created: 3, changed: 0, unchanged: 0 } });
      const passwords = (first.body as { temporaryPasswords: { username: string; temporaryPassword: string }[] }).temporaryPasswords;
      expect(passwords.map((p) => p.username).sort()).toEqual(['kiemtra.nhap', 'th.p-nhap', 'th.tt-nhap']);
      const login = await request(api().baseUrl).post('/api/v1/auth/login').send({ username: 'th.p-nhap', password: passwords.find((p) => p.username === 'th.p-nhap')!.temporaryPassword });
      expect(login.status).toBe(200);
      const units = await api().expect(200, api().get(admin, '/units?limit=500'));
      const pNhap = units.items.find((u: { code: string }) => u.code === 'P-NHAP');
      // A temporary password: the new head must choose their own at the first login.
      expect(login.body.user).toMatchObject({ username: 'th.p-nhap', role: 'unit_head', unitId: pNhap.id, mustChangePassword: true });

      const [unitsBefore, usersBefore] = [await unitCount(), await userCount()];
      const again = await upload(admin, '/imports/apply', file, 'nhap.xlsx', type);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ units: { created: 0, changed: 0, unchanged: 3 }, users: { created: 0, changed: 0, unchanged: 3 }, temporaryPasswords: [] });
      expect([await unitCount(), await userCount()]).toEqual([unitsBefore, usersBefore]);
      // No Idempotency-Key: a kept answer would keep the one-time passwords.
      const keyed = await send(stack, admin, { method: 'POST', path: '/api/v1/imports/apply', upload: { content: file, fileName: 'nhap.xlsx', contentType: type }, headers: { 'Idempotency-Key': 'nhap-1' } });
      expect(keyed.status).toBe(400);
      expect(Number((await stack.db.query(`SELECT count(*) AS n FROM idempotency_records WHERE body::text LIKE '%temporaryPassword%'`))[0].n)).toBe(0);

      // A correction in a CSV changes only what differs.
      const fix = await upload(admin, '/imports/apply', csv([HEADER, 'P-NHAP,Phòng Nhập Mới,Phòng ban,th.p-nhap,Phạm Văn Phòng,Thủ trưởng đơn vị']), 'sua.csv', 'text/csv');
      expect(fix.body).toMatchObject({ format: 'csv', units: { created: 0, changed: 1, unchanged: 0 }, users: { created: 0, changed: 0, unchanged: 1 } });
      expect((await api().expect(200, api().get(admin, `/units/${pNhap.id}`))).name).toBe('Phòng Nhập Mới');
    });

    it('takes two applies of the same new file at once as one: the second finds everything there', async () => {
      const { admin } = people();
      const file = csv([HEADER, 'XA-DONG-THOI,Xã Đồng Thời,Xã,th.xa-dong-thoi,Ngô Văn Cùng,Thủ trưởng đơn vị']);
      const answers = await Promise.all([1, 2].map(() => upload(admin, '/imports/apply', file, 'cung.csv', 'text/csv')));
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      const created = answers.map((a) => (a.body as { units: { created: number }; users: { created: number } })).map((b) => [b.units.created, b.users.created]);
      expect(created.sort()).toEqual([
        [0, 0],
        [1, 1],
      ]);
    });
  });

  describe('findings search', () => {
    let ids: { a: string; c: string; findings: Record<string, string> };

    beforeAll(async () => {
      const { units } = people();
      const scenario = new Scenario(stack);
      const campaign = await scenario.campaign({ units: [units.a, units.c] });
      const a = campaign.targets.find((t: { unitId: string }) => t.unitId === units.a).inspectionId as string;
      const c = campaign.targets.find((t: { unitId: string }) => t.unitId === units.c).inspectionId as string;
      await Promise.all([scenario.start(a), scenario.start(c)]);
      const findings: Record<string, string> = {};
      findings.thanh = await scenario.finding(c, undefined, { description: 'Bộ phận một cửa Thị trấn Cần Thạnh vắng người lúc 8 giờ.', severity: 'critical' });
      findings.badge = await scenario.finding(a, undefined, { criterionCode: 'KL-02', description: 'Công chức không đeo thẻ theo quy định.', severity: 'minor', people: ['Đặng Văn Đức'] });
      findings.late = await scenario.finding(a, undefined, { description: 'Hai công chức đến muộn 45 phút.', severity: 'major' });
      ids = { a, c, findings };
    });

    const search = async (user: TestUser, query: string) => (await api().expect(200, api().get(user, `/findings?${query}`))).items.map((f: { id: string }) => f.id);

    it('finds words whatever their accents and case: "can thanh" finds "Cần Thạnh", d finds đ', async () => {
      const { inspector1, outsideInspector, chairman } = people();
      expect(await search(inspector1, 'q=can%20thanh')).toEqual([ids.findings.thanh]);
      expect(await search(inspector1, `q=${encodeURIComponent('CẦN THẠNH')}`)).toEqual([ids.findings.thanh]);
      expect(await search(outsideInspector, 'q=deo%20the')).toEqual([ids.findings.badge]);
      expect(await search(chairman, 'q=dang%20van%20duc')).toEqual([ids.findings.badge]);
      expect(await search(chairman, 'q=100%25')).toEqual([]);
      const found = await api().expect(200, api().get(chairman, '/findings?q=can%20thanh'));
      expect(found.items[0]).toMatchObject({
        id: ids.findings.thanh,
        inspectionId: ids.c,
        unitId: people().units.c,
        criterionCode: 'KL-01',
        severity: 'critical',
        status: 'open',
        description: 'Bộ phận một cửa Thị trấn Cần Thạnh vắng người lúc 8 giờ.',
      });
    });

    it('filters by criterion, severity, unit and year, newest first, page by page', async () => {
      const { lead, admin } = people();
      const year = Number(inDays(0).slice(0, 4));
      expect(await search(lead, `unitId=${people().units.a}&year=${year}`)).toEqual([ids.findings.late, ids.findings.badge]);
      expect(await search(lead, 'criterionCode=KL-02')).toEqual([ids.findings.badge]);
      expect(await search(lead, `severity=critical&year=${year}`)).toEqual([ids.findings.thanh]);
      expect(await search(lead, `year=${year - 1}`)).toEqual([]);
      const unitA = `unitId=${people().units.a}`;
      const first = await api().expect(200, api().get(admin, `/findings?${unitA}&limit=1`));
      const second = await api().expect(200, api().get(admin, `/findings?${unitA}&limit=1&cursor=${first.nextCursor}`));
      expect([...first.items, ...second.items].map((f: { id: string }) => f.id)).toEqual([ids.findings.late, ids.findings.badge]);
      expect(second.nextCursor).toBeNull();
      for (const bad of ['severity=huge', 'year=abc', 'unitId=nope', 'limit=0', 'cursor=***', `q=${'x'.repeat(201)}`, 'colour=red']) {
        const answer = await api().get(admin, `/findings?${bad}`);
        expect([bad, answer.status, answer.headers['content-type']]).toEqual([bad, 400, expect.stringContaining('application/problem+json')]);
      }
    });

    it('follows an amended description, and is for staff only', async () => {
      const { inspector1, headA, headC } = people();
      await api().expect(200, api().patch(inspector1, `/inspections/${ids.a}/findings/${ids.findings.late}`, { description: 'Ba công chức về sớm trước giờ.' }));
      expect(await search(inspector1, 'q=ve%20som')).toEqual([ids.findings.late]);
      expect(await search(inspector1, 'q=den%20muon')).toEqual([]);
      expect((await api().get(headA, '/findings')).status).toBe(403);
      expect((await api().get(headC, '/findings?q=can')).status).toBe(403);
      expect((await api().get(undefined, '/findings')).status).toBe(401);
    });

    it('never shows a finding of an inspection the caller may not see', async () => {
      // Findings are recorded only once a visit has started, when every staff member may see the
      // inspection; a row whose inspection is still planned (as a restore or a bug could leave)
      // must stay invisible outside the team and the chairman all the same.
      const { outsideInspector, inspector1, chairman, admin } = people();
      const scenario = new Scenario(stack);
      const planned = await scenario.plannedInspection({ units: [people().units.b] });
      const secretId = randomUUID();
      await stack.db.query(
        `INSERT INTO findings (id, inspection_id, unit_id, year, criterion_code, severity, status, dispute, requires_action, open, recorded_at, search_text)
         VALUES ($1, $2, $3, $4, 'KL-01', 'minor', 'open', NULL, false, true, now(), 'bi mat')`,
        [secretId, planned.inspectionId, people().units.b, Number(inDays(0).slice(0, 4))],
      );
      expect(await search(outsideInspector, 'q=bi%20mat')).toEqual([]);
      expect(await search(admin, 'q=bi%20mat')).toEqual([]);
      expect(await search(inspector1, 'q=bi%20mat')).toEqual([secretId]);
      expect(await search(chairman, 'q=bi%20mat')).toEqual([secretId]);
      await stack.db.query('DELETE FROM findings WHERE id = $1', [secretId]);
    });
  });

  it('documents the new endpoints in the OpenAPI document', async () => {
    const doc = (await request(api().baseUrl).get('/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/v1/authority'] ?? {}).sort()).toEqual(['get', 'patch']);
    expect(Object.keys(doc.paths['/api/v1/units/{id}'] ?? {}).sort()).toEqual(['get', 'patch']);
    for (const path of ['/api/v1/units/{id}/deactivate', '/api/v1/units/{id}/reactivate', '/api/v1/imports/dry-run', '/api/v1/imports/apply']) expect(doc.paths[path]?.post).toBeDefined();
    for (const path of ['/api/v1/imports/template', '/api/v1/findings']) expect(doc.paths[path]?.get).toBeDefined();
  });
});

