import { TestUser } from '../harness/people';
import { eventually, Scenario } from '../harness/scenario';
import { useStack } from '../harness/use-stack';

/**
 * Staff outside a campaign's team see only its started inspections. Its status, completion time
 * and progress must follow from those alone: a campaign whose every visible target is finished
 * looks completed to them, exactly like one that really is, whatever is still planned in secret.
 */
describe('campaign status as seen from outside the team', () => {
  const stack = useStack();
  const scenario = new Scenario(stack);

  /** Starts the inspection and cancels it: finished, and visible to all staff since it started. */
  async function startAndCancel(inspectionId: string) {
    await scenario.start(inspectionId);
    await stack.api.expect(200, stack.api.post(stack.people.lead, `/inspections/${inspectionId}/cancel`, { reason: 'Đơn vị sáp nhập.' }));
  }

  it('derives status, completedAt and progress from the visible inspections', async () => {
    const { api, people } = stack;
    // Two targets: one visited and cancelled, one still planned (secret).
    const withSecret = await scenario.campaign({ units: [people.units.a, people.units.b] });
    const targets = withSecret.targets as { inspectionId: string; unitId: string }[];
    const visited = targets.find((t) => t.unitId === people.units.a)!;
    const secret = targets.find((t) => t.unitId === people.units.b)!;
    await startAndCancel(visited.inspectionId);
    // One target only, visited and cancelled: really completed.
    const finished = await scenario.campaign({ units: [people.units.c] });
    await startAndCancel(finished.targets[0].inspectionId);
    await eventually(async () => ((await api.expect(200, api.get(people.chairman, `/campaigns/${finished.id}`))).status === 'completed' ? true : undefined));

    const insider = await api.expect(200, api.get(people.lead, `/campaigns/${withSecret.id}`));
    expect(insider.status).toBe('active');
    expect(insider.targets.map((t: { inspectionId: string }) => t.inspectionId).sort()).toEqual([visited.inspectionId, secret.inspectionId].sort());

    for (const outsider of [people.outsideInspector, people.otherLead, people.admin]) {
      const seen = await api.expect(200, api.get(outsider, `/campaigns/${withSecret.id}`));
      const reference = await api.expect(200, api.get(outsider, `/campaigns/${finished.id}`));
      expect(seen.targets.map((t: { inspectionId: string }) => t.inspectionId)).toEqual([visited.inspectionId]);
      expect(seen.status).toBe('completed');
      expect(seen.progress).toEqual({ planned: 0, inProgress: 0, closed: 0, cancelled: 1, total: 1 });
      expect(Object.keys(seen).sort()).toEqual(Object.keys(reference).sort());
      expect(Date.parse(seen.completedAt)).toBeGreaterThanOrEqual(Date.parse(seen.createdAt));
      expect({ status: reference.status, progress: reference.progress }).toEqual({ status: seen.status, progress: seen.progress });

      // The list's status filter agrees with what the caller sees.
      const ids = async (status: string) =>
        ((await api.expect(200, api.get(outsider, `/campaigns?status=${status}&limit=500`))).items as { id: string }[]).map((c) => c.id);
      expect(await ids('completed')).toEqual(expect.arrayContaining([withSecret.id, finished.id]));
      expect(await ids('active')).not.toContain(withSecret.id);
      const listed = (await api.expect(200, api.get(outsider, '/campaigns?limit=500'))).items.find((c: { id: string }) => c.id === withSecret.id);
      expect(listed).toEqual(seen);

      // So does the campaign report.
      const report = await api.expect(200, api.get(outsider, `/reports/campaigns/${withSecret.id}`));
      expect(report.campaign).toMatchObject({ status: 'completed', completedAt: seen.completedAt });
      expect(report.inspections.planned).toBe(1);
    }

    // The team and the chairman still see the campaign as it is.
    expect((await api.expect(200, api.get(people.lead, `/reports/campaigns/${withSecret.id}`))).campaign).toMatchObject({ status: 'active', completedAt: null });
    expect((await api.expect(200, api.get(people.chairman, `/reports/campaigns/${withSecret.id}`))).campaign).toMatchObject({ status: 'active', completedAt: null });
    const chairmanIds = ((await api.expect(200, api.get(people.chairman, '/campaigns?status=active&limit=500'))).items as { id: string }[]).map((c) => c.id);
    expect(chairmanIds).toContain(withSecret.id);
    const leadIds = ((await api.expect(200, api.get(people.lead, '/campaigns?status=active&limit=500'))).items as { id: string }[]).map((c) => c.id);
    expect(leadIds).toContain(withSecret.id);
  });

  it('pages a filtered list across campaigns of another status, one at a time, as the unpaged list', async () => {
    const { api, people } = stack;
    const { a, b, c } = people.units;
    // Oldest first. The status each would have for someone outside the team, by what they see:
    const plannedOnly = await scenario.campaign({ units: [a] }); // nothing started: active
    const partlySecret = await scenario.campaign({ units: [a, b] }); // started and cancelled, one planned: completed
    await startAndCancel(partlySecret.targets.find((t: { unitId: string }) => t.unitId === a).inspectionId);
    const underWay = await scenario.campaign({ units: [c] }); // started: active
    await scenario.start(underWay.targets[0].inspectionId);
    const cancelled = await scenario.campaign({ units: [a, b] }); // cancelled, for everyone
    await api.expect(200, api.post(people.lead, `/campaigns/${cancelled.id}/cancel`, { reason: 'Đơn vị sáp nhập.' }));
    const finished = await scenario.campaign({ units: [b] }); // started and cancelled: completed
    await startAndCancel(finished.targets[0].inspectionId);
    const plannedLast = await scenario.campaign({ units: [c] }); // nothing started: active
    const ours = [plannedLast, finished, cancelled, underWay, partlySecret, plannedOnly].map((campaign) => campaign.id as string);
    await eventually(async () => ((await api.expect(200, api.get(people.chairman, `/campaigns/${finished.id}`))).status === 'completed' ? true : undefined));

    const list = async (user: TestUser, query: string) => (await api.expect(200, api.get(user, `/campaigns?${query}`))) as { items: { id: string; status: string }[]; nextCursor: string | null };
    /** Every page of a list at one item per page, following nextCursor to the end. */
    const pagesOf = async (user: TestUser, status: string) => {
      const pages: { id: string; status: string }[][] = [];
      let cursor: string | null = null;
      do {
        const page = await list(user, `status=${status}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        pages.push(page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return pages;
    };

    const outsiders = [people.outsideInspector, people.otherLead, people.admin];
    for (const user of [...outsiders, people.lead, people.chairman]) {
      const all = (await list(user, 'limit=500')).items;
      if (outsiders.includes(user)) {
        // Matches are separated by campaigns of other statuses, so pages end on filtered-out rows.
        expect(ours.map((id) => all.find((campaign) => campaign.id === id)?.status)).toEqual(['active', 'completed', 'cancelled', 'active', 'completed', 'active']);
      }
      for (const status of ['active', 'completed', 'cancelled']) {
        const unpaged = (await list(user, `status=${status}&limit=500`)).items;
        // The filter keeps what the views show with that status, in the same order, view for view.
        expect(unpaged).toEqual(all.filter((campaign) => campaign.status === status));
        const pages = await pagesOf(user, status);
        // One item on every page, none empty before the end; together the unpaged list.
        expect(pages.map((page) => page.length)).toEqual(unpaged.length > 0 ? unpaged.map(() => 1) : [0]);
        expect(pages.flat()).toEqual(unpaged);
      }
    }
  });
});
