import { defaultCalendar, toLocalDate } from '@inspectorate/domain';
import { TestUser } from '../harness/people';
import { eventually, Scenario } from '../harness/scenario';
import { useStack } from '../harness/use-stack';

/**
 * GET /me/work (Việc của tôi) per role, with real inspections driven through the lifecycle over
 * HTTP: what each person is asked to do, its deadline in working days, the order, and secrecy
 * (a unit head's list does not move when a planned inspection of their unit appears).
 */
describe('my work', () => {
  const stack = useStack();
  const scenario = new Scenario(stack);

  interface Item {
    kind: string;
    inspectionId: string;
    campaignId: string;
    campaignTitle: string;
    unitId: string;
    unitName: string;
    findingId?: string;
    actionId?: string;
    caseId?: string;
    dueAt: string | null;
    workingDaysLeft: number | null;
    overdue: boolean;
  }
  const work = async (user: TestUser): Promise<Item[]> => {
    const body = await stack.api.expect(200, stack.api.get(user, '/me/work'));
    expect(body.nextCursor).toBeNull();
    return body.items;
  };
  const of = (items: Item[], inspectionId: string) => items.filter((i) => i.inspectionId === inspectionId).map((i) => i.kind).sort();
  const daysTo = (dueAt: string) => defaultCalendar.workingDaysBetween(toLocalDate(new Date()), toLocalDate(new Date(dueAt)));

  it('the team: start a visit whose window is open, a visit in progress for every member, a conclusion to draft', async () => {
    const { people } = stack;
    const campaign = await scenario.campaign({ units: [people.units.a, people.units.b, people.units.c] });
    const idOf = (unitId: string) => campaign.targets.find((t: { unitId: string }) => t.unitId === unitId).inspectionId as string;
    const [drafting, visiting, planned] = [idOf(people.units.a), idOf(people.units.b), idOf(people.units.c)];
    await scenario.start(drafting);
    await scenario.finding(drafting);
    await scenario.endVisit(drafting);
    await scenario.start(visiting);

    const lead = await work(people.lead);
    expect(of(lead, drafting)).toEqual(['draft_conclusion']);
    expect(of(lead, visiting)).toEqual(['open_visit']);
    expect(of(lead, planned)).toEqual(['start_visit']);
    const draft = lead.find((i) => i.inspectionId === drafting)!;
    expect(draft).toMatchObject({ campaignId: campaign.id, campaignTitle: campaign.title, unitId: people.units.a, unitName: 'Xã Bình Khánh', overdue: false });
    // The default conclusion deadline: 15 working days after the visit ended (today).
    expect(draft.workingDaysLeft).toBe(15);
    expect(draft.workingDaysLeft).toBe(daysTo(draft.dueAt!));

    for (const inspector of [people.inspector1, people.inspector2]) {
      const items = await work(inspector);
      expect(of(items, visiting)).toEqual(['open_visit']);
      expect(of(items, drafting)).toEqual([]);
      expect(of(items, planned)).toEqual([]);
    }
    expect(await work(people.outsideInspector)).toEqual([]);
    expect(await work(people.otherLead)).toEqual([]);
    expect(await work(people.admin)).toEqual([]);
    // Nothing here is for the units yet: drafting is the team's, and planned is secret.
    expect(await work(people.headA)).toEqual([]);
    expect(await work(people.headC)).toEqual([]);
  });

  it('the chairman approves a submitted conclusion; the unit head then responds, due in 10 working days', async () => {
    const { people } = stack;
    const { inspectionId } = await scenario.plannedInspection({ units: [people.units.b] });
    await scenario.start(inspectionId);
    const findingId = await scenario.finding(inspectionId);
    await scenario.endVisit(inspectionId);
    await scenario.conclude(inspectionId, [{ findingId }]);
    expect(of(await work(people.chairman), inspectionId)).toEqual(['approve_conclusion']);
    expect(of(await work(people.headB), inspectionId)).toEqual([]);

    await scenario.approve(inspectionId);
    expect(of(await work(people.chairman), inspectionId)).toEqual([]);
    const [respond] = (await work(people.headB)).filter((i) => i.inspectionId === inspectionId);
    expect(respond).toMatchObject({ kind: 'respond', unitName: 'Phòng Nội vụ', overdue: false, workingDaysLeft: 10 });
    expect(respond.workingDaysLeft).toBe(daysTo(respond.dueAt!));
    expect(await work(people.headA)).toEqual([]);

    // Accepting plans an action: the unit reports it, the lead verifies the report (5 working days by default).
    await scenario.respond(inspectionId, people.headB, [{ findingId, position: 'accepted' }]);
    const [report] = (await work(people.headB)).filter((i) => i.inspectionId === inspectionId);
    expect(report).toMatchObject({ kind: 'report_action', findingId, overdue: false });
    await scenario.report(inspectionId, people.headB, report.actionId!);
    expect(of(await work(people.headB), inspectionId)).toEqual([]);
    const [verify] = (await work(people.lead)).filter((i) => i.inspectionId === inspectionId);
    expect(verify).toMatchObject({ kind: 'verify_action', actionId: report.actionId, findingId, workingDaysLeft: 5, overdue: false });
    await scenario.verify(inspectionId, report.actionId!);
    expect(of(await work(people.lead), inspectionId)).toEqual([]);
  });

  it('overdue first: a missed response comes before one still due, and its accountability case waits for the chairman', async () => {
    const { people } = stack;
    const onTime = await scenario.awaitingResponse({ units: [people.units.c] });
    const late = await scenario.awaitingResponse({ units: [people.units.c], policy: { responseDeadline: { duration: 'PT2S' }, reminderOffsets: [] } });
    const cases = await eventually(async () => {
      const items = (await work(people.chairman)).filter((i) => i.inspectionId === late.inspectionId && i.kind === 'decide_case');
      return items.length > 0 ? items : undefined;
    });
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ caseId: expect.any(String), dueAt: null, workingDaysLeft: null, overdue: false });

    const items = await work(people.headC);
    expect(items.map((i) => [i.inspectionId, i.kind, i.overdue])).toEqual([
      [late.inspectionId, 'respond', true],
      [onTime.inspectionId, 'respond', false],
    ]);
    // Late since seconds: still today, so 0 working days (negative from the next working day on).
    expect(items[0].workingDaysLeft).toBe(0);
    expect(items[1].workingDaysLeft).toBe(10);
  });

  it('a unit head’s list is identical with and without a planned inspection of their unit, even with its window open', async () => {
    const { people } = stack;
    const before = await stack.api.get(people.headC, '/me/work');
    const planned = await scenario.plannedInspection({ units: [people.units.c] });
    expect(of(await work(people.lead), planned.inspectionId)).toEqual(['start_visit']);
    const after = await stack.api.get(people.headC, '/me/work');
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
    // And once the visit starts, the unit still has nothing to do until a conclusion is approved.
    await scenario.start(planned.inspectionId);
    expect((await stack.api.get(people.headC, '/me/work')).body).toEqual(before.body);
  });
});
