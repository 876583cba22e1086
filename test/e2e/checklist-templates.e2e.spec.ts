import request from 'supertest';
import { TestUser } from '../harness/people';
import { Scenario } from '../harness/scenario';
import { startStack, TestStack } from '../harness/stack';

/**
 * Checklist templates as versioned data (issue 11, item 1), over HTTP through the real stack:
 * the demo version the migration stored, a new version published by the admin (audited), the
 * database refusing any change to a published version, campaigns recording the version they were
 * created with (the newest by default), and findings checked against their campaign's version.
 */
describe('checklist templates: stored, versioned, published once, cited by campaigns', () => {
  let stack: TestStack;
  let scenario: Scenario;
  const api = () => stack.api;
  const people = () => stack.people;

  const criterion = (code: string, nameVi: string, name: string, groupVi = 'Kỷ luật, kỷ cương', group = 'Discipline') => ({ code, nameVi, name, groupVi, group });
  const SECOND = [
    criterion('1.1', 'Chấp hành giờ làm việc', 'Working hours kept'),
    criterion('Điều 2', 'Ứng xử với người dân', 'Conduct toward citizens', 'Ứng xử', 'Conduct'),
    criterion('KL-02', 'Đeo thẻ công chức', 'Name badge worn'),
  ];
  const call = async (user: TestUser, path: string, body: object, language: 'vi' | 'en') =>
    request(api().baseUrl).post(`/api/v1${path}`).set('Authorization', `Bearer ${await api().token(user)}`).set('Accept-Language', language).send(body);
  const versionCount = async () => Number((await stack.db.query('SELECT count(*) AS n FROM checklist_versions'))[0].n);

  beforeAll(async () => {
    stack = await startStack();
    scenario = new Scenario(stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('a fresh database has the demo version, read by staff with its criteria by group; unit heads may read a version but not list', async () => {
    const { inspector1, headA, chairman } = people();
    const list = await api().expect(200, api().get(inspector1, '/checklist-templates'));
    expect(list).toEqual({
      items: [
        {
          key: 'demo-2023',
          title: 'Kiểm tra công vụ, quy tắc ứng xử (mẫu minh hoạ)',
          newestVersion: 'demo-2023.1',
          versions: [expect.objectContaining({ version: 'demo-2023.1', number: 1, criteriaCount: 10, newest: true })],
        },
      ],
      nextCursor: null,
    });
    const demo = await api().expect(200, api().get(chairman, '/checklist-versions/demo-2023.1'));
    expect(demo.criteria).toHaveLength(10);
    expect(demo.criteria[2]).toEqual({ code: 'KL-01', nameVi: 'Chấp hành kỷ luật, kỷ cương giờ làm việc', name: 'Discipline in working hours', groupVi: 'Kỷ luật, kỷ cương hành chính', group: 'Discipline' });
    expect(new Set(demo.criteria.map((c: { groupVi: string }) => c.groupVi)).size).toBe(6);
    expect((await api().get(headA, '/checklist-templates')).status).toBe(403);
    expect((await api().get(headA, '/checklist-versions/demo-2023.1')).status).toBe(200);
    expect((await api().get(inspector1, '/checklist-versions/demo-2023.9')).status).toBe(404);
    expect((await api().get(inspector1, '/checklist-versions/DROP%20TABLE')).status).toBe(400);
  });

  it('refuses a version with a code twice, an empty name or no criteria, in the caller’s language, publishing nothing', async () => {
    const { admin, lead } = people();
    const before = await versionCount();
    const twice = await call(admin, '/checklist-templates/demo-2023/versions', { title: 'Bản 2', criteria: [SECOND[0], { ...SECOND[1], code: '1.1' }] }, 'vi');
    expect(twice.status).toBe(400);
    expect(twice.headers['content-type']).toContain('application/problem+json');
    expect(twice.body.detail).toBe('Bộ tiêu chí không hợp lệ.');
    expect(twice.body.errors).toEqual([{ field: 'criteria.1.code', message: 'bị trùng trong phiên bản này (trùng với criteria.0.code)' }]);
    const english = await call(admin, '/checklist-templates/demo-2023/versions', { title: 'Bản 2', criteria: [SECOND[0], { ...SECOND[1], code: '1.1' }] }, 'en');
    expect(english.body.errors).toEqual([{ field: 'criteria.1.code', message: 'appears twice in this version (also criteria.0.code)' }]);
    for (const body of [{ title: 'Bản 2', criteria: [] }, { title: '', criteria: SECOND }, { title: 'Bản 2', criteria: [{ ...SECOND[0], nameVi: ' ' }] }, { title: 'Bản 2', criteria: [{ ...SECOND[0], code: 'x'.repeat(41) }] }]) {
      expect((await api().post(admin, '/checklist-templates/demo-2023/versions', body)).status).toBe(400);
    }
    expect((await api().post(lead, '/checklist-templates/demo-2023/versions', { title: 'Bản 2', criteria: SECOND })).status).toBe(403);
    expect((await api().post(admin, '/checklist-templates/khong-co/versions', { title: 'Bản 2', criteria: SECOND })).status).toBe(404);
    expect((await api().post(admin, '/checklist-templates', { key: 'demo-2023', title: 'Trùng', criteria: SECOND })).status).toBe(409);
    expect(await versionCount()).toBe(before);
  });

  describe('once a second version is published', () => {
    let oldCampaign: { id: string; checklistVersion: string; targets: { inspectionId: string }[] };

    beforeAll(async () => {
      // A campaign created before the new version: it keeps demo-2023.1.
      oldCampaign = await scenario.campaign({ units: [people().units.a] });
      const published = await api().expect(201, api().post(people().admin, '/checklist-templates/demo-2023/versions', { title: '  Bộ tiêu chí 2025 ', criteria: SECOND }));
      expect(published).toMatchObject({ version: 'demo-2023.2', templateKey: 'demo-2023', number: 2, title: 'Bộ tiêu chí 2025', criteriaCount: 3, newest: true });
      expect(published.criteria.map((c: { code: string }) => c.code)).toEqual(['1.1', 'Điều 2', 'KL-02']);
    });

    it('is the newest; the old one is unchanged; the publish is in the audit log', async () => {
      const { inspector1, admin } = people();
      const list = await api().expect(200, api().get(inspector1, '/checklist-templates'));
      expect(list.items[0].newestVersion).toBe('demo-2023.2');
      expect(list.items[0].versions.map((v: { version: string; newest: boolean }) => [v.version, v.newest])).toEqual([
        ['demo-2023.2', true],
        ['demo-2023.1', false],
      ]);
      expect((await api().expect(200, api().get(inspector1, '/checklist-versions/demo-2023.1'))).criteria).toHaveLength(10);
      const log = await api().expect(200, api().get(admin, '/audit/log?kind=checklist_published'));
      expect(log.items).toEqual([
        expect.objectContaining({ kind: 'checklist_published', subject: 'demo-2023.2', actor: expect.objectContaining({ username: admin.username }), details: { templateKey: 'demo-2023', title: 'Bộ tiêu chí 2025', criteria: 3 } }),
      ]);
    });

    it('the database itself refuses to change or remove a published version or its criteria', async () => {
      const refusals = [
        `UPDATE checklist_versions SET title = 'sửa' WHERE version = 'demo-2023.2'`,
        `UPDATE checklist_versions SET published_at = NULL WHERE version = 'demo-2023.1'`,
        `DELETE FROM checklist_versions WHERE version = 'demo-2023.2'`,
        `UPDATE checklist_criteria SET name_vi = 'sửa' WHERE version = 'demo-2023.1' AND code = 'KL-01'`,
        `DELETE FROM checklist_criteria WHERE version = 'demo-2023.2'`,
        `INSERT INTO checklist_criteria (version, position, code, name_vi, name_en, group_vi, group_en) VALUES ('demo-2023.1', 99, 'ZZ', 'a', 'b', 'c', 'd')`,
        `INSERT INTO checklist_versions (version, template_key, number, title, published_at) VALUES ('demo-2023.3', 'demo-2023', 3, 'rỗng', now())`,
        `TRUNCATE checklist_criteria`,
      ];
      for (const sql of refusals) await expect(stack.db.query(sql)).rejects.toThrow(/never change|published|draft|append-only/);
      expect((await stack.db.query(`SELECT count(*)::int AS n FROM checklist_criteria WHERE version = 'demo-2023.1'`))[0].n).toBe(10);
    });

    it('a new campaign gets the newest by default, or the version it names; an unpublished version is refused', async () => {
      const { lead } = people();
      const fresh = await scenario.campaign({ units: [people().units.b] });
      expect(fresh.checklistVersion).toBe('demo-2023.2');
      const named = await scenario.campaign({ units: [people().units.c], checklistVersion: 'demo-2023.1' });
      expect(named.checklistVersion).toBe('demo-2023.1');
      expect(oldCampaign.checklistVersion).toBe('demo-2023.1');
      expect((await api().expect(200, api().get(lead, `/campaigns/${oldCampaign.id}`))).checklistVersion).toBe('demo-2023.1');

      const refused = await call(lead, '/campaigns', { title: 'Thử', year: 2026, legalBasis: 'KH', leadInspectorId: lead.id, inspectorIds: [], targets: [{ unitId: people().units.b, windowStart: '2030-01-01', windowEnd: '2030-01-05' }], checklistVersion: 'demo-2023.7' }, 'vi');
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([{ field: 'checklistVersion', message: 'phải là một phiên bản bộ tiêu chí đã ban hành' }]);
    });

    it('findings are checked against their campaign’s version: the old campaign keeps KL-01, the new one only its own codes', async () => {
      const { inspector1, lead } = people();
      const oldInspection = oldCampaign.targets[0].inspectionId;
      await scenario.start(oldInspection);
      await scenario.finding(oldInspection, inspector1, { criterionCode: 'KL-01' });
      const refusedOld = await call(inspector1, `/inspections/${oldInspection}/findings`, { criterionCode: '1.1', severity: 'minor', description: 'Đi trễ.' }, 'en');
      expect(refusedOld.status).toBe(400);
      expect(refusedOld.body.errors).toEqual([{ field: 'criterionCode', message: 'must be a criterion of checklist demo-2023.1' }]);

      const fresh = await scenario.campaign({ units: [people().units.c] });
      const inspection = fresh.targets[0].inspectionId;
      await scenario.start(inspection);
      const vi = await call(inspector1, `/inspections/${inspection}/findings`, { criterionCode: 'KL-01', severity: 'minor', description: 'Đi trễ.' }, 'vi');
      expect(vi.status).toBe(400);
      expect(vi.body.detail).toBe('Tồn tại không hợp lệ.');
      expect(vi.body.errors).toEqual([{ field: 'criterionCode', message: 'phải là một tiêu chí của bộ tiêu chí demo-2023.2 mà kế hoạch kiểm tra áp dụng' }]);
      await scenario.finding(inspection, inspector1, { criterionCode: 'Điều 2' });
      const view = await api().expect(200, api().get(lead, `/inspections/${inspection}`));
      expect(view.checklistVersion).toBe('demo-2023.2');
      expect(view.findings.map((f: { criterionCode: string }) => f.criterionCode)).toEqual(['Điều 2']);

      // Reports name each finding by its own inspection's stored version.
      const dashboard = await api().expect(200, api().get(people().chairman, '/reports/dashboard'));
      const byCode = Object.fromEntries(dashboard.findings.byCriterion.map((c: { criterionCode: string; name: string; nameEn: string }) => [c.criterionCode, [c.name, c.nameEn]]));
      expect(byCode).toMatchObject({ 'Điều 2': ['Ứng xử với người dân', 'Conduct toward citizens'], 'KL-01': ['Chấp hành kỷ luật, kỷ cương giờ làm việc', 'Discipline in working hours'] });
      // And finding search takes any code format.
      const found = await api().expect(200, api().get(lead, `/findings?criterionCode=${encodeURIComponent('Điều 2')}`));
      expect(found.items.map((f: { criterionCode: string }) => f.criterionCode)).toEqual(['Điều 2']);
    });

    it('a new template starts at version 1 and becomes the newest', async () => {
      const { admin, inspector1 } = people();
      const created = await api().expect(201, api().post(admin, '/checklist-templates', { key: 'cong-vu-2026', title: 'Bộ tiêu chí 2026', criteria: [SECOND[0]] }));
      expect(created).toMatchObject({ version: 'cong-vu-2026.1', number: 1, newest: true });
      const list = await api().expect(200, api().get(inspector1, '/checklist-templates'));
      expect(list.items.map((t: { key: string; newestVersion: string }) => [t.key, t.newestVersion])).toEqual([
        ['cong-vu-2026', 'cong-vu-2026.1'],
        ['demo-2023', 'demo-2023.2'],
      ]);
    });
  });
});
