import { randomUUID } from 'node:crypto';
import { canSeeInspection, UserActor } from '@inspectorate/domain';
import { EventStore } from '@inspectorate/event-store';
import { InspectionEntity } from '@inspectorate/read-model';
import { visibleTo } from '../../apps/api/src/inspections/inspections.queries';
import { ReportRowsSource } from '../../apps/api/src/reports/report-rows';
import { createTestDatabase, TestDatabase } from '../harness/database';
import { inDays } from '../harness/time';
import { DomainWriter } from './domain-writer';

/**
 * The SQL that keeps planned inspections secret, against the real PostgreSQL: `visibleTo` (what
 * lists and reports select) and the report rows built on it. The rows are written by the real
 * decider, event store and projector. Two teams plan visits to two units; for every kind of
 * caller the SQL must admit exactly what the domain's policy (`canSeeInspection`) admits.
 */
describe('repository: who sees which inspections, in SQL', () => {
  let db: TestDatabase;
  const units = { a: randomUUID(), b: randomUUID() };
  const user = (role: UserActor['role'], unitId?: string): UserActor => ({ kind: 'user', userId: randomUUID(), role, ...(unitId ? { unitId } : {}) });
  const who = {
    chairman: user('chairman'),
    admin: user('admin'),
    leadX: user('lead_inspector'),
    inspectorX: user('inspector'),
    leadY: user('lead_inspector'),
    inspectorY: user('inspector'),
    headA: user('unit_head', units.a),
    headB: user('unit_head', units.b),
  };
  /** a1: team X visiting A; b1: team X, planned (secret); a2: team Y, planned then cancelled unseen; b2: team Y, visited then cancelled. */
  const ids = { a1: '', b1: '', a2: '', b2: '' };

  beforeAll(async () => {
    db = await createTestDatabase();
    const writer = new DomainWriter(new EventStore(db.dataSource));
    const window = { windowStart: inDays(0), windowEnd: inDays(10) };
    const x = await writer.campaign(who.leadX, [who.inspectorX.userId], [
      { unitId: units.a, ...window },
      { unitId: units.b, ...window },
    ]);
    const y = await writer.campaign(who.leadY, [who.inspectorY.userId], [
      { unitId: units.a, ...window },
      { unitId: units.b, ...window },
    ]);
    [ids.a1, ids.b1] = x.inspectionIds;
    [ids.a2, ids.b2] = y.inspectionIds;
    await writer.command(ids.a1, who.leadX, { type: 'StartVisit' });
    await writer.command(ids.a1, who.inspectorX, { type: 'RecordFinding', findingId: randomUUID(), criterionCode: 'KL-01', severity: 'major', description: 'Vắng mặt không lý do.' });
    await writer.command(ids.a1, who.leadX, { type: 'EndVisit' });
    await writer.command(ids.a2, who.leadY, { type: 'CancelInspection', reason: 'Trùng kế hoạch.' });
    await writer.command(ids.b2, who.leadY, { type: 'StartVisit' });
    await writer.command(ids.b2, who.leadY, { type: 'CancelInspection', reason: 'Đơn vị sáp nhập.' });
  });
  afterAll(async () => {
    await db?.drop();
  });

  const selectedBy = async (viewer: UserActor) => {
    const q = db.dataSource.getRepository(InspectionEntity).createQueryBuilder('i').where('i.id = ANY(:ids)', { ids: Object.values(ids) });
    return (await visibleTo(q, viewer).getMany()).map((row) => row.id).sort();
  };
  const named = (...keys: (keyof typeof ids)[]) => keys.map((k) => ids[k]).sort();

  it.each([
    ['the chairman: everything, planned or not', 'chairman', ['a1', 'b1', 'a2', 'b2']],
    ['the head of unit A: only its started inspection, never the one cancelled before its visit', 'headA', ['a1']],
    ['the head of unit B: the visited one, not the one still planned', 'headB', ['b2']],
    ['an inspector of team X: what X plans, and what others have started', 'inspectorX', ['a1', 'b1', 'b2']],
    ['the lead of team Y: what Y planned (even cancelled unseen), and what others have started', 'leadY', ['a1', 'a2', 'b2']],
    ['the admin, on no team: only started inspections', 'admin', ['a1', 'b2']],
  ] as const)('admits %s', async (_what, viewer, expected) => {
    expect(await selectedBy(who[viewer])).toEqual(named(...expected));
  });

  it('agrees with the domain policy for every caller', async () => {
    const rows = await db.dataSource.getRepository(InspectionEntity).find();
    for (const viewer of Object.values(who)) {
      const byPolicy = rows
        .filter((row) => canSeeInspection(viewer, { unitId: row.unitId, status: row.status, team: row.state.team, startedAt: row.state.startedAt }))
        .map((row) => row.id)
        .sort();
      expect({ viewer: viewer.role, ids: await selectedBy(viewer) }).toEqual({ viewer: viewer.role, ids: byPolicy });
    }
  });

  it('gives a report the rows of visible inspections only, with their findings and nothing of the others', async () => {
    const source = new ReportRowsSource(db.dataSource);
    const year = Number(inDays(0).slice(0, 4));
    const forHeadA = await source.live({ year }, who.headA);
    expect(forHeadA.inspections.map((i) => i.id)).toEqual([ids.a1]);
    expect(forHeadA.findings.map((f) => f.inspectionId)).toEqual([ids.a1]);
    const forHeadB = await source.live({ year }, who.headB);
    expect(forHeadB.inspections.map((i) => i.id)).toEqual([ids.b2]);
    expect(forHeadB.findings).toEqual([]);
    const forChairman = await source.live({ year }, who.chairman);
    expect(forChairman.inspections.map((i) => i.id).sort()).toEqual(named('a1', 'b1', 'a2', 'b2'));
    expect(Object.fromEntries(forChairman.inspections.map((i) => [i.id, i.status]))).toEqual({
      [ids.a1]: 'drafting',
      [ids.b1]: 'planned',
      [ids.a2]: 'cancelled',
      [ids.b2]: 'cancelled',
    });
    // Rows carry no folded state (the reports do not need it), only its checklist version.
    expect(forChairman.inspections.every((i) => Object.keys(i.state ?? {}).join() === 'checklistVersion')).toBe(true);
  });

  it('finds overdue work by its deadline, within what the caller may see', async () => {
    const source = new ReportRowsSource(db.dataSource);
    const year = Number(inDays(0).slice(0, 4));
    // a1's conclusion is due 15 working days after its visit: not late today, late in two months.
    expect((await source.liveOverdue(year, new Date(), who.chairman)).inspections).toEqual([]);
    const later = new Date(Date.now() + 60 * 86_400_000);
    expect((await source.liveOverdue(year, later, who.chairman)).inspections.map((i) => i.id)).toEqual([ids.a1]);
    expect((await source.liveOverdue(year, later, who.headA)).inspections.map((i) => i.id)).toEqual([ids.a1]);
    expect((await source.liveOverdue(year, later, who.headB)).inspections).toEqual([]);
    expect((await source.liveOverdue(year - 1, later, who.chairman)).inspections).toEqual([]);
  });

  it('rebuilds the same rows from the event log as of now as the live projection holds', async () => {
    const source = new ReportRowsSource(db.dataSource);
    const year = Number(inDays(0).slice(0, 4));
    const live = await source.live({ year }, who.chairman);
    const { rows: replayed } = await source.replay(new Date(Date.now() + 1000), { year });
    const summary = (rows: typeof live) => ({
      inspections: rows.inspections.map((i) => `${i.id}:${i.status}:${i.unitId}`).sort(),
      findings: rows.findings.map((f) => `${f.inspectionId}:${f.criterionCode}:${f.severity}`).sort(),
    });
    expect(summary(replayed)).toEqual(summary(live));
  });
});
