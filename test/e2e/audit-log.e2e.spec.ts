import request from 'supertest';
import { TestUser } from '../harness/people';
import { Scenario } from '../harness/scenario';
import { inDays } from '../harness/time';
import { useStack } from '../harness/use-stack';
import { send } from './security/http';
import { csvSections } from './reports.csv-reader';

/**
 * The audit log through the real stack: what people do is recorded once each, with who did it,
 * where it happens (login, accounts, units, report files, the printed conclusion, reads of a
 * planned inspection); the admin and the chairman read it filtered by person, kind and date, and
 * download it; nobody else may; and the log keeps the secret of a planned inspection.
 */
describe('audit log viewer', () => {
  const stack = useStack();
  const s = new Scenario(stack);

  const PASSWORD = 'a long enough password';
  const people = () => stack.people;
  const api = () => stack.api;
  const http = () => request(api().baseUrl);

  interface Entry {
    id: string;
    occurredAt: string;
    kind: string;
    actor: { userId: string; username: string; role: string } | null;
    subject: string | null;
    details: Record<string, unknown>;
    requestId: string | null;
    clientAddress: string | null;
  }
  /** Every entry the query selects, following the cursors (pages of 7, to cross page boundaries). */
  const everything = async (user: TestUser, query = ''): Promise<Entry[]> => {
    const entries: Entry[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Entry[]; nextCursor: string | null } = await api().expect(200, api().get(user, `/audit/log?limit=7${query}${cursor ? `&cursor=${cursor}` : ''}`));
      entries.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return entries;
  };
  const download = async (user: TestUser, path: string) => {
    const token = await api().token(user);
    const response = await http()
      .get(`/api/v1${path}`)
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    return { status: response.status, headers: response.headers as Record<string, string>, body: response.body as Buffer };
  };

  let newcomer: { id: string; username: string };
  let unitId: string;
  let approvedId: string;
  let plannedId: string;

  beforeAll(async () => {
    const { admin, chairman, lead } = people();
    const username = 'nguoi.moi';
    const created = await api().expect(201, api().post(admin, '/users', { username, displayName: 'Người mới', role: 'inspector', password: PASSWORD }));
    newcomer = { id: created.id, username };
    expect((await http().post('/api/v1/auth/login').send({ username, password: 'not the password at all' })).status).toBe(401);
    expect((await http().post('/api/v1/auth/login').send({ username, password: PASSWORD })).status).toBe(200);
    await api().expect(200, api().post(admin, `/users/${newcomer.id}/deactivate`, {}));

    const unit = await api().expect(201, api().post(admin, '/units', { code: 'AUDIT-1', name: 'Phòng Thử nghiệm', kind: 'department' }));
    unitId = unit.id;
    await api().expect(200, api().post(admin, `/units/${unitId}/deactivate`, { reason: 'Sáp nhập' }));

    expect((await download(chairman, `/reports/overdue?format=csv`)).status).toBe(200);

    const campaign = await s.campaign({ units: [people().units.b] });
    approvedId = campaign.targets[0].inspectionId;
    await s.start(approvedId);
    const finding = await s.finding(approvedId);
    await s.endVisit(approvedId);
    await s.conclude(approvedId, [{ findingId: finding }]);
    await s.approve(approvedId);
    const pdf = await download(chairman, `/inspections/${approvedId}/conclusion.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');

    plannedId = (await s.plannedInspection({ units: [people().units.a], windows: { windowStart: inDays(0), windowEnd: inDays(9) } })).inspectionId;
    const read = await api().expect(200, api().get(lead, `/inspections/${plannedId}`));
    expect(read.status).toBe('planned');
  });

  it('records each action once, with the right actor, and never a password or a window', async () => {
    const { admin, chairman, lead } = people();
    const all = await everything(chairman);
    const about = (kind: string, subject: string | null) => all.filter((e) => e.kind === kind && e.subject === subject);
    const actor = (user: TestUser) => ({ userId: user.id, username: user.username, role: user.role });

    expect(about('account_created', newcomer.id)).toEqual([
      expect.objectContaining({ actor: actor(admin), details: { username: newcomer.username, role: 'inspector', unitId: null } }),
    ]);
    expect(about('login_failed', newcomer.id)).toEqual([expect.objectContaining({ actor: null, details: { username: newcomer.username, reason: 'wrong_credentials' } })]);
    expect(about('login', newcomer.id)).toEqual([expect.objectContaining({ actor: { userId: newcomer.id, username: newcomer.username, role: 'inspector' } })]);
    expect(about('account_deactivated', newcomer.id)).toEqual([expect.objectContaining({ actor: actor(admin) })]);
    expect(about('unit_created', unitId)).toEqual([expect.objectContaining({ actor: actor(admin), details: { code: 'AUDIT-1', name: 'Phòng Thử nghiệm', kind: 'department' } })]);
    expect(about('unit_deactivated', unitId)).toEqual([expect.objectContaining({ actor: actor(admin), details: { code: 'AUDIT-1', reason: 'Sáp nhập' } })]);
    expect(all.filter((e) => e.kind === 'report_exported')).toEqual([expect.objectContaining({ actor: actor(chairman), details: { report: 'overdue', format: 'csv' } })]);
    expect(about('conclusion_pdf_downloaded', approvedId)).toEqual([expect.objectContaining({ actor: actor(chairman) })]);
    expect(about('planned_window_read', plannedId)).toEqual([expect.objectContaining({ actor: actor(lead), details: { via: 'inspection' } })]);
    // The approved inspection was read only after its visit had started: no planned read of it.
    expect(about('planned_window_read', approvedId)).toEqual([]);

    // Each entry names its request and the caller's address; nothing secret is in any of them.
    for (const entry of all) {
      expect(entry.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(entry.clientAddress).toMatch(/127\.0\.0\.1/);
    }
    const text = JSON.stringify(all);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('not the password at all');
    expect(text).not.toContain(inDays(9));
    // Newest first.
    const times = all.map((e) => e.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('records a list that shows planned inspections, once per planned inspection shown', async () => {
    const { chairman, lead } = people();
    const page = await api().expect(200, api().get(lead, '/inspections?status=planned&limit=500'));
    const shown = page.items.map((i: { id: string }) => i.id);
    expect(shown).toContain(plannedId);
    const listed = (await everything(chairman, '&kind=planned_window_read')).filter((e) => e.details.via === 'list');
    expect(listed.map((e) => e.subject).sort()).toEqual([...shown].sort());
    expect(listed.every((e) => e.actor?.userId === lead.id && e.requestId === listed[0].requestId)).toBe(true);
  });

  it('filters by person, by kind (one or several) and by date', async () => {
    const { admin, chairman } = people();
    const byAdmin = await everything(chairman, `&userId=${admin.id}`);
    expect(byAdmin.length).toBeGreaterThanOrEqual(4);
    expect(byAdmin.every((e) => e.actor?.userId === admin.id)).toBe(true);

    const units = await everything(admin, '&kind=unit_created&kind=unit_deactivated');
    expect(units.map((e) => e.kind)).toEqual(['unit_deactivated', 'unit_created']);
    expect((await everything(admin, '&kind=unit_created,unit_deactivated')).map((e) => e.id)).toEqual(units.map((e) => e.id));

    const today = inDays(0);
    const all = await everything(chairman);
    expect((await everything(chairman, `&from=${today}&to=${today}`)).map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(await everything(chairman, `&to=${inDays(-1)}`)).toEqual([]);
    expect(await everything(chairman, `&from=${inDays(1)}`)).toEqual([]);
    // An instant splits the day: from the unit's creation on.
    const created = all.find((e) => e.kind === 'unit_created')!;
    const since = await everything(chairman, `&from=${encodeURIComponent(created.occurredAt)}`);
    expect(since.at(-1)!.occurredAt >= created.occurredAt).toBe(true);
    expect(since.map((e) => e.id)).toContain(created.id);
    expect(since.length).toBeLessThan(all.length);
  });

  it('refuses what it cannot filter by, with a problem naming the field', async () => {
    const { admin } = people();
    for (const [query, field] of [
      ['kind=everything', 'kind'],
      ['from=2023-02-30', 'from'],
      ['userId=x', 'userId'],
      [`from=${inDays(2)}&to=${inDays(1)}`, 'to'],
      ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['format=pdf', 'format'],
    ]) {
      const response = await api().get(admin, `/audit/log?${query}`);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('exports the filtered rows as CSV, and records the export', async () => {
    const { admin } = people();
    const file = await download(admin, `/audit/log?format=csv&kind=unit_created,unit_deactivated`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="nhat-ky-he-thong-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [section] = csvSections(file.body.toString('utf8').slice(1));
    expect(section.title).toBe('Nhật ký hệ thống');
    expect(section.header).toEqual(['Thời điểm', 'Loại', 'Tên đăng nhập', 'Vai trò', 'Mã người dùng', 'Đối tượng', 'Chi tiết', 'Mã yêu cầu', 'Địa chỉ']);
    expect(section.rows.map((r) => [r[1], r[2], r[5]])).toEqual([
      ['unit_deactivated', admin.username, unitId],
      ['unit_created', admin.username, unitId],
    ]);
    expect(section.rows[0][0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    const exports = await everything(admin, '&kind=report_exported');
    expect(exports[0]).toMatchObject({ actor: { userId: admin.id }, details: { report: 'audit-log', format: 'csv', kind: ['unit_created', 'unit_deactivated'], rows: 2 } });
    const xlsx = await download(admin, `/audit/log?format=xlsx&kind=unit_created`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
  });

  it('keeps the secret: the admin does not see reads of a planned inspection until its visit starts', async () => {
    const { admin, chairman } = people();
    expect((await everything(chairman, '&kind=planned_window_read')).map((e) => e.subject)).toContain(plannedId);
    expect(JSON.stringify(await everything(admin))).not.toContain(plannedId);
    const csv = await download(admin, '/audit/log?format=csv');
    expect(csv.body.toString('utf8')).not.toContain(plannedId);
    await s.start(plannedId);
    expect((await everything(admin, '&kind=planned_window_read')).map((e) => e.subject)).toContain(plannedId);
  });

  it('is the admin’s and the chairman’s only: a unit head and an inspector get 403', async () => {
    const { headA, inspector1 } = people();
    for (const user of [headA, inspector1]) {
      expect((await api().get(user, '/audit/log')).status).toBe(403);
      expect((await api().get(user, '/audit/log?format=csv')).status).toBe(403);
    }
    expect((await http().get('/api/v1/audit/log')).status).toBe(401);
  });
  it('records account and unit changes, password resets and changes, and logouts', async () => {
    const { admin, chairman } = people();
    await api().expect(200, api().patch(admin, `/users/${newcomer.id}`, { displayName: 'Người mới đổi tên' }));
    await api().expect(200, api().post(admin, `/users/${newcomer.id}/reactivate`, {}));
    const temporary = 'temporary password 2026';
    await api().expect(204, api().post(admin, `/users/${newcomer.id}/password-reset`, { temporaryPassword: temporary }));
    await api().expect(200, api().patch(admin, `/units/${unitId}`, { name: 'Phòng Thử nghiệm mới' }));
    await api().expect(200, api().post(admin, `/units/${unitId}/reactivate`, {}));
    const session = await http().post('/api/v1/auth/login').send({ username: newcomer.username, password: temporary });
    expect(session.status).toBe(200);
    const bearer = `Bearer ${session.body.accessToken as string}`;
    expect((await http().post('/api/v1/me/password').set('Authorization', bearer).send({ currentPassword: temporary, newPassword: 'my own new password' })).status).toBe(204);
    expect((await http().post('/api/v1/auth/logout').set('Authorization', bearer).send({})).status).toBe(204);

    const all = await everything(chairman);
    const kinds = (subject: string) => all.filter((e) => e.subject === subject).map((e) => [e.kind, e.actor?.username ?? null]);
    const by = admin.username;
    expect(kinds(newcomer.id)).toEqual([
      ['logout', newcomer.username],
      ['password_changed', newcomer.username],
      ['login', newcomer.username],
      ['password_reset', by],
      ['account_reactivated', by],
      ['account_changed', by],
      ['account_deactivated', by],
      ['login', newcomer.username],
      ['login_failed', null],
      ['account_created', by],
    ]);
    expect(kinds(unitId)).toEqual([
      ['unit_reactivated', by],
      ['unit_changed', by],
      ['unit_deactivated', by],
      ['unit_created', by],
    ]);
    expect(all.find((e) => e.kind === 'unit_changed')!.details).toEqual({ code: 'AUDIT-1', changes: { name: 'Phòng Thử nghiệm mới' } });
    const text = JSON.stringify(all);
    expect(text).not.toContain(temporary);
    expect(text).not.toContain('my own new password');
  });
  it('records an applied import with its counts, never the temporary passwords', async () => {
    const { admin, chairman } = people();
    const file = Buffer.from(`\uFEFF${['Mã đơn vị,Tên đơn vị,Loại đơn vị,Tên đăng nhập,Họ và tên,Vai trò', 'NK-NHAP,Phòng Nhập,Phòng ban,th.nk-nhap,Lê Văn Nhập,Thủ trưởng đơn vị'].join('\r\n')}\r\n`, 'utf8');
    const applied = await send(stack, admin, { method: 'POST', path: '/api/v1/imports/apply', upload: { content: file, fileName: 'nhap.csv', contentType: 'text/csv' } });
    expect(applied.status).toBe(200);
    const password = (applied.body as { temporaryPasswords: { temporaryPassword: string }[] }).temporaryPasswords[0].temporaryPassword;
    const imports = await everything(chairman, '&kind=import_applied');
    expect(imports).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ userId: admin.id }), subject: null, details: { units: { created: 1, changed: 0, unchanged: 0 }, users: { created: 1, changed: 0, unchanged: 0 } } }),
    ]);
    expect(JSON.stringify(await everything(chairman))).not.toContain(password);
  });
});
