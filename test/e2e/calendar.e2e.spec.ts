import { defaultCalendar, endOfLocalDay, toLocalDate } from '@inspectorate/domain';
import { PolicyInput, Scenario } from '../harness/scenario';
import { startStack, TestStack } from '../harness/stack';

/**
 * The working-day calendar as data (issue 11, item 2), through the real API, Temporal and
 * PostgreSQL: the admin edits it; deadlines set afterwards are counted with the edit; deadlines
 * already running stay where they were until the admin applies the correction, which each
 * affected inspection records as DeadlineRecomputed; a deadline in a year without a calendar is
 * refused in the caller's language.
 */
describe('the working-day calendar as data', () => {
  let stack: TestStack;
  let scenario: Scenario;

  beforeAll(async () => {
    stack = await startStack();
    scenario = new Scenario(stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const today = () => toLocalDate(new Date());
  /** The first working day after today in the seeded calendar: a holiday there moves every running working-day deadline. */
  const nextWorkingDay = () => defaultCalendar.addWorkingDays(today(), 1);
  const dueAfter = (workingDays: number) => endOfLocalDay(defaultCalendar.addWorkingDays(today(), workingDays)).toISOString();
  const oneLater = (dueAt: string) => endOfLocalDay(defaultCalendar.addWorkingDays(toLocalDate(new Date(dueAt)), 1)).toISOString();

  async function inProgress(unitId: string, policy?: PolicyInput) {
    const { inspectionId } = await scenario.plannedInspection({ units: [unitId], ...(policy ? { policy } : {}) });
    await scenario.start(inspectionId);
    const findingId = await scenario.finding(inspectionId);
    return { inspectionId, findingId };
  }

  it('is seeded with 2023–2027, each entry with its source, and staff read it', async () => {
    const { api, people } = stack;
    const years = await api.expect(200, api.get(people.lead, '/calendar/years'));
    expect(years.items.map((y: { year: number }) => y.year)).toEqual([2023, 2024, 2025, 2026, 2027]);
    const y2026 = await api.expect(200, api.get(people.chairman, '/calendar/entries?year=2026'));
    expect(y2026.covered).toBe(true);
    const tet = y2026.entries.find((e: { date: string }) => e.date === '2026-02-17');
    expect(tet).toMatchObject({ kind: 'holiday', nameVi: 'Tết Nguyên đán (mùng 1)', source: expect.stringContaining('9441/TB-BNV') });
    expect(y2026.entries.filter((e: { kind: string }) => e.kind === 'make_up_working_day').map((e: { date: string }) => e.date)).toEqual(['2026-01-10', '2026-08-22']);
    expect(await api.expect(200, api.get(people.admin, '/calendar/entries?year=2031'))).toEqual({ year: 2031, covered: false, entries: [] });
    expect((await api.get(people.headA, '/calendar/years')).status).toBe(403);
  });

  it('an edit reaches new deadlines at once, running ones only when applied, with an event that says so', async () => {
    const { api, people } = stack;
    const drafting = await inProgress(people.units.a);
    await scenario.endVisit(drafting.inspectionId);
    const responding = await scenario.awaitingResponse({ units: [people.units.c] });
    const conclusionDue = dueAfter(15);
    const responseDue = dueAfter(10);
    expect((await api.expect(200, api.get(people.lead, `/inspections/${drafting.inspectionId}`))).deadlines.conclusion.dueAt).toBe(conclusionDue);
    expect(responding.approved.deadlines.response.dueAt).toBe(responseDue);
    const later = await inProgress(people.units.b);

    const holiday = await api.expect(
      201,
      api.post(people.admin, '/calendar/entries', {
        date: nextWorkingDay(),
        kind: 'holiday',
        nameVi: 'Nghỉ bổ sung (thử)',
        nameEn: 'Extra day off (test)',
        source: 'Thông báo thử số 1/TB-BNV',
      }),
    );
    expect(holiday).toMatchObject({ date: nextWorkingDay(), kind: 'holiday', source: 'Thông báo thử số 1/TB-BNV' });

    // A deadline set after the edit is counted with it.
    const ended = await scenario.endVisit(later.inspectionId);
    expect(ended.deadlines.conclusion.dueAt).toBe(oneLater(conclusionDue));

    // Running deadlines have not moved.
    expect((await api.expect(200, api.get(people.lead, `/inspections/${drafting.inspectionId}`))).deadlines.conclusion.dueAt).toBe(conclusionDue);
    expect((await api.expect(200, api.get(people.headC, `/inspections/${responding.inspectionId}`))).deadlines.response.dueAt).toBe(responseDue);

    const preview = await api.expect(200, api.get(people.admin, '/calendar/corrections'));
    expect(preview.affectedInspections).toBe(2);
    expect(preview.items).toEqual(
      expect.arrayContaining([
        { inspectionId: drafting.inspectionId, unitId: people.units.a, unitName: 'Xã Bình Khánh', deadline: 'conclusion', previousDueAt: conclusionDue, dueAt: oneLater(conclusionDue) },
        { inspectionId: responding.inspectionId, unitId: people.units.c, unitName: 'Thị trấn Cần Thạnh', deadline: 'response', previousDueAt: responseDue, dueAt: oneLater(responseDue) },
      ]),
    );
    expect((await api.get(people.chairman, '/calendar/corrections')).status).toBe(403);

    const reason = 'Áp dụng Thông báo thử số 1/TB-BNV';
    const applied = await api.expect(200, api.post(people.admin, '/calendar/corrections', { reason }));
    expect(applied).toMatchObject({ appliedInspections: 2, skippedInspections: 0 });

    const moved = await api.expect(200, api.get(people.lead, `/inspections/${drafting.inspectionId}`));
    expect(moved.deadlines.conclusion).toEqual({ dueAt: oneLater(conclusionDue), overdue: false });
    const events = await api.expect(200, api.get(people.lead, `/inspections/${drafting.inspectionId}/events?limit=100`));
    const recomputed = events.items.filter((e: { type: string }) => e.type === 'DeadlineRecomputed');
    expect(recomputed).toHaveLength(1);
    expect(recomputed[0]).toMatchObject({
      actor: { kind: 'user', userId: people.admin.id, role: 'admin' },
      data: { deadline: 'conclusion', previousDueAt: conclusionDue, dueAt: oneLater(conclusionDue), reason },
    });

    // The unit head sees their own response deadline move, and is told.
    const forHead = await api.expect(200, api.get(people.headC, `/inspections/${responding.inspectionId}`));
    expect(forHead.deadlines.response.dueAt).toBe(oneLater(responseDue));
    const headEvents = await api.expect(200, api.get(people.headC, `/inspections/${responding.inspectionId}/events?limit=100`));
    expect(headEvents.items.filter((e: { type: string }) => e.type === 'DeadlineRecomputed').map((e: { data: unknown }) => e.data)).toEqual([
      { deadline: 'response', previousDueAt: responseDue, dueAt: oneLater(responseDue), reason },
    ]);
    const notes = await api.expect(200, api.get(people.headC, '/me/notifications?limit=100'));
    expect(notes.items.some((n: { topic: string; inspectionId: string }) => n.topic === 'deadline.recomputed' && n.inspectionId === responding.inspectionId)).toBe(true);

    // Applied once: a second apply finds nothing left to move.
    expect(await api.expect(200, api.get(people.admin, '/calendar/corrections'))).toMatchObject({ affectedInspections: 0, items: [] });
    expect(await api.expect(200, api.post(people.admin, '/calendar/corrections', { reason }))).toEqual({ appliedInspections: 0, items: [], skippedInspections: 0 });

    // Every change is in the audit log.
    const log = await api.expect(200, api.get(people.admin, '/audit/log?kind=calendar_entry_added,calendar_correction_applied&limit=10'));
    expect(log.items.map((e: { kind: string }) => e.kind)).toEqual(['calendar_correction_applied', 'calendar_correction_applied', 'calendar_entry_added']);
    expect(log.items[1]).toMatchObject({ details: { reason, inspections: expect.arrayContaining([drafting.inspectionId, responding.inspectionId]) } });

    // Removing the day again is a correction too: nothing moves until it is applied.
    expect((await api.post(people.admin, `/calendar/entries/${holiday.id}/remove`, {})).status).toBe(204);
    expect((await api.expect(200, api.get(people.lead, `/inspections/${drafting.inspectionId}`))).deadlines.conclusion.dueAt).toBe(oneLater(conclusionDue));
    expect((await api.expect(200, api.get(people.admin, '/calendar/corrections'))).affectedInspections).toBe(3);
  });

  it('validates entries and answers in the caller’s language; nothing is written on error', async () => {
    const { api, people } = stack;
    const entry = { date: '2027-03-06', kind: 'make_up_working_day', nameVi: 'Làm bù (thử)', nameEn: 'Make-up day (test)', source: 'Thử' };
    const weekday = await api.post(people.admin, '/calendar/entries', { ...entry, date: '2027-03-08' }, { 'accept-language': 'vi' });
    expect(weekday.status).toBe(400);
    expect(weekday.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(weekday.body.errors).toEqual([{ field: 'date', message: 'phải là thứ Bảy hoặc Chủ nhật đối với ngày làm bù' }]);
    const weekendHoliday = await api.post(people.admin, '/calendar/entries', { ...entry, kind: 'holiday' });
    expect(weekendHoliday.status).toBe(400);
    expect(weekendHoliday.body.errors[0].message).toMatch(/^must be a weekday for a holiday/);
    for (const bad of [{ ...entry, date: '2027-02-30' }, { ...entry, kind: 'festival' }, { ...entry, source: '' }, { ...entry, extra: 1 }, { ...entry, date: '1999-01-02' }]) {
      expect((await api.post(people.admin, '/calendar/entries', bad)).status).toBe(400);
    }
    const created = await api.expect(201, api.post(people.admin, '/calendar/entries', entry));
    const twice = await api.post(people.admin, '/calendar/entries', entry, { 'accept-language': 'vi' });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toBe('Lịch đã có một ngày được khai báo vào 2027-03-06.');

    const renamed = await api.expect(200, api.patch(people.admin, `/calendar/entries/${created.id}`, { nameEn: 'Make-up Saturday (test)' }));
    expect(renamed).toMatchObject({ id: created.id, date: '2027-03-06', nameEn: 'Make-up Saturday (test)', nameVi: 'Làm bù (thử)' });
    expect((await api.patch(people.admin, `/calendar/entries/${created.id}`, { date: '2027-03-09' })).status).toBe(400);
    expect((await api.patch(people.admin, `/calendar/entries/${created.id}`, {})).status).toBe(400);
    expect((await api.patch(people.admin, '/calendar/entries/00000000-0000-4000-8000-000000000000', { nameEn: 'x' })).status).toBe(404);
    expect((await api.patch(people.lead, `/calendar/entries/${created.id}`, { nameEn: 'x' })).status).toBe(403);
    const y2027 = await api.expect(200, api.get(people.admin, '/calendar/entries?year=2027'));
    expect(y2027.entries.filter((e: { date: string }) => e.date === '2027-03-06')).toEqual([renamed]);
    expect((await api.get(people.admin, '/calendar/entries?year=abc')).status).toBe(400);
    expect((await api.get(people.admin, '/calendar/entries?year=3000')).status).toBe(400);
    expect((await api.post(people.admin, `/calendar/entries/${created.id}/remove`, {})).status).toBe(204);
    expect((await api.post(people.admin, `/calendar/entries/${created.id}/remove`, {})).status).toBe(404);
    expect((await api.post(people.admin, '/calendar/corrections', { reason: '' })).status).toBe(400);
  });

  it('a deadline in a year without a calendar is refused, in Vietnamese too, until the year is entered', async () => {
    const { api, people } = stack;
    // 365 working days from now end in 2028, which has no calendar.
    const { inspectionId } = await inProgress(people.units.a, { conclusionDeadline: { workingDays: 365 } });
    const refused = await api.post(people.lead, `/inspections/${inspectionId}/end-visit`, {}, { 'accept-language': 'vi' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe('Chưa có lịch ngày làm việc năm 2028 nên không tính được thời hạn này. Quản trị viên cần nhập các ngày nghỉ lễ của năm đó trước.');
    const inEnglish = await api.post(people.lead, `/inspections/${inspectionId}/end-visit`, {});
    expect(inEnglish.body.detail).toMatch(/^There is no working-day calendar for 2028/);
    expect((await api.expect(200, api.get(people.lead, `/inspections/${inspectionId}`))).status).toBe('in_progress');

    await api.expect(
      201,
      api.post(people.admin, '/calendar/entries', { date: '2028-01-03', kind: 'holiday', nameVi: 'Nghỉ bù Tết Dương lịch', nameEn: "New Year's Day, observed", source: 'Thử' }),
    );
    const ended = await scenario.endVisit(inspectionId);
    expect(ended.status).toBe('drafting');
    expect(ended.deadlines.conclusion.dueAt.slice(0, 4)).toBe('2028');
  });
});
