import { randomUUID } from 'node:crypto';
import { logIn, openBrowser, useBrowserStack } from '../harness/browser';
import { TestUser } from '../harness/people';
import { Scenario } from '../harness/scenario';
import { inDays } from '../harness/time';

/**
 * Secrecy in the browser: a unit with planned inspections (one window open today, one later) and
 * a unit with nothing planned look exactly alike to their heads — every screen's text and every
 * request the page made, once the names and ids that differ by unit are set aside.
 */
describe('the console keeps planned inspections secret from the unit head', () => {
  const { stack, browser } = useBrowserStack();
  let plannedId: string;

  beforeAll(async () => {
    const scenario = new Scenario(stack);
    ({ inspectionId: plannedId } = await scenario.plannedInspection({ units: [stack.people.units.a] }));
    await scenario.plannedInspection({ units: [stack.people.units.a], windows: { windowStart: inDays(20), windowEnd: inDays(30) } });
  });

  /** What a head sees and asks for on each screen; `probeId` is an inspection id typed into the address bar. */
  async function visit(head: TestUser, unitName: string, probeId: string) {
    const person = await openBrowser(browser, stack);
    try {
      await logIn(person, head);
      const seen: Record<string, string> = {};
      for (const path of ['/', '/inspections', '/inspections?status=in_progress', '/accountability', `/inspections/${probeId}`, `/inspections/${probeId}/visit`, '/campaigns']) {
        await person.page.goto(path);
        await person.page.waitForLoadState('networkidle');
        await person.page.locator('main h1, main [role=alert]').first().waitFor();
        // Read once no part of the screen is still loading (there may be several).
        const loading = person.page.getByRole('status').filter({ hasText: 'Đang tải…' });
        while ((await loading.count()) > 0) await loading.first().waitFor({ state: 'detached' });
        seen[path.replace(probeId, '<probe>')] = await person.page.locator('body').innerText();
      }
      const normalise = (text: string) => text.replaceAll(probeId, '<probe>').replaceAll(head.unitId!, '<unit>').replaceAll(unitName, '<unit name>').replaceAll(head.username, '<me>');
      return {
        screens: Object.fromEntries(Object.entries(seen).map(([path, text]) => [path, normalise(text)])),
        requests: person.requests.filter((request) => request.includes('/api/')).map(normalise),
      };
    } finally {
      await person.close();
    }
  }

  it('shows the head of a unit with planned inspections exactly what it shows the head of a unit with none', async () => {
    const { headA, headB } = stack.people;
    const withPlans = await visit(headA, 'Xã Bình Khánh', plannedId);
    const withNothing = await visit(headB, 'Phòng Nội vụ', randomUUID());
    expect(withPlans.screens).toEqual(withNothing.screens);
    expect(withPlans.requests).toEqual(withNothing.requests);
    // The screens were really there (not two identical blank pages).
    expect(withPlans.screens['/']).toContain('Việc của tôi');
    expect(withPlans.screens['/inspections']).toContain('Cuộc kiểm tra');
    expect(withPlans.requests).toEqual(expect.arrayContaining(['GET /api/v1/me/work', 'GET /api/v1/inspections?limit=500']));
    expect(JSON.stringify(withPlans)).not.toMatch(/kế hoạch|planned|Thời gian kiểm tra/i);
  });
});
