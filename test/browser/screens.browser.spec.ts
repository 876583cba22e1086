import { Page } from 'playwright-core';
import { axeViolations, logIn, openBrowser, screenshot, useBrowserStack } from '../harness/browser';
import { languageSaved } from '../harness/browser-extras';
import { TestUser } from '../harness/people';
import { Scenario } from '../harness/scenario';

interface Screen {
  readonly path: string;
  /** The page's h1 in Vietnamese and in English. */
  readonly vi: string | RegExp;
  readonly en: string | RegExp;
}

/**
 * Every screen of part 1, for the role that uses it: no WCAG 2.1 AA violation (axe) in either
 * language, and the language switch turns the whole screen into the other language, kept on the
 * server for the next visit.
 */
describe('the console: every screen, in both languages, accessible', () => {
  const { stack, browser } = useBrowserStack();
  const ids = { campaign: '', visiting: '', awaitingApproval: '', awaitingResponse: '' };

  beforeAll(async () => {
    const scenario = new Scenario(stack);
    const { units } = stack.people;
    const visiting = await scenario.plannedInspection({ units: [units.a] });
    await scenario.start(visiting.inspectionId);
    await scenario.finding(visiting.inspectionId);
    const approval = await scenario.plannedInspection({ units: [units.b] });
    await scenario.start(approval.inspectionId);
    const findingId = await scenario.finding(approval.inspectionId);
    await scenario.endVisit(approval.inspectionId);
    await scenario.conclude(approval.inspectionId, [{ findingId }]);
    const responding = await scenario.awaitingResponse({ units: [units.c] });
    Object.assign(ids, { campaign: visiting.campaignId, visiting: visiting.inspectionId, awaitingApproval: approval.inspectionId, awaitingResponse: responding.inspectionId });
  });

  async function check(user: TestUser, screens: Screen[]) {
    const person = await openBrowser(browser, stack);
    const page: Page = person.page;
    const failures: unknown[] = [];
    try {
      await logIn(person, user);
      for (const screen of screens) {
        await page.goto(screen.path);
        for (const [language, heading, switchTo] of [['vi', screen.vi, 'English'], ['en', screen.en, 'Tiếng Việt']] as const) {
          await page.getByRole('heading', { level: 1, name: heading }).waitFor();
          await page.waitForLoadState('networkidle');
          expect(await page.evaluate(() => (globalThis as any).document.documentElement.lang)).toBe(language);
          const violations = await axeViolations(page);
          if (violations.length > 0) failures.push({ user: user.username, path: screen.path, language, violations });
          await screenshot(page, `${user.username}-${screen.path.replace(/[^a-z]+/g, '-')}-${language}`);
          await Promise.all([languageSaved(page), page.getByRole('button', { name: switchTo }).click()]);
        }
        await page.getByRole('heading', { level: 1, name: screen.vi }).waitFor();
      }
      // The choice is kept on the server: after switching to English and reloading, the console is in English.
      await Promise.all([languageSaved(page), page.getByRole('button', { name: 'English' }).click()]);
      await page.getByRole('navigation').getByRole('link', { name: 'My work' }).waitFor();
      const me = await stack.api.get(user, '/me');
      expect(me.body.language).toBe('en');
      await page.reload();
      await page.getByRole('navigation').getByRole('link', { name: 'My work' }).waitFor();
      await Promise.all([languageSaved(page), page.getByRole('button', { name: 'Tiếng Việt' }).click()]);
      await page.getByRole('navigation').getByRole('link', { name: 'Việc của tôi' }).waitFor();
    } finally {
      await person.close();
    }
    expect(failures).toEqual([]);
    expect(person.errors.filter((error) => /Content Security Policy|Refused to/i.test(error))).toEqual([]);
  }

  it('the login page', async () => {
    const person = await openBrowser(browser, stack);
    try {
      await person.page.goto('/login');
      await person.page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
      expect(await axeViolations(person.page)).toEqual([]);
    } finally {
      await person.close();
    }
  });

  it('the lead inspector’s screens', async () => {
    await check(stack.people.lead, [
      { path: '/', vi: 'Việc của tôi', en: 'My work' },
      { path: '/campaigns', vi: 'Kế hoạch kiểm tra', en: 'Campaigns' },
      { path: '/campaigns/new', vi: 'Kế hoạch mới', en: 'New campaign' },
      { path: `/campaigns/${ids.campaign}`, vi: /Kiểm tra công vụ đột xuất/, en: /Kiểm tra công vụ đột xuất/ },
      { path: '/inspections', vi: 'Cuộc kiểm tra', en: 'Inspections' },
      { path: `/inspections/${ids.awaitingApproval}`, vi: 'Kiểm tra Phòng Nội vụ', en: 'Inspection of Phòng Nội vụ' },
      { path: `/inspections/${ids.visiting}/visit`, vi: 'Kiểm tra tại chỗ: Xã Bình Khánh', en: 'Visit: Xã Bình Khánh' },
      { path: '/accountability', vi: 'Xử lý trách nhiệm', en: 'Accountability' },
    ]);
  });

  it('the inspector’s screens', async () => {
    await check(stack.people.inspector1, [
      { path: '/', vi: 'Việc của tôi', en: 'My work' },
      { path: `/inspections/${ids.visiting}/visit`, vi: 'Kiểm tra tại chỗ: Xã Bình Khánh', en: 'Visit: Xã Bình Khánh' },
      { path: `/inspections/${ids.awaitingApproval}`, vi: 'Kiểm tra Phòng Nội vụ', en: 'Inspection of Phòng Nội vụ' },
    ]);
  });

  it('the chairman’s screens', async () => {
    await check(stack.people.chairman, [
      { path: '/', vi: 'Việc của tôi', en: 'My work' },
      { path: '/approvals', vi: 'Phê duyệt kết luận', en: 'Approvals' },
      { path: '/accountability', vi: 'Xử lý trách nhiệm', en: 'Accountability' },
      { path: `/inspections/${ids.awaitingApproval}`, vi: 'Kiểm tra Phòng Nội vụ', en: 'Inspection of Phòng Nội vụ' },
    ]);
  });

  it('the unit head’s screens', async () => {
    await check(stack.people.headC, [
      { path: '/', vi: 'Việc của tôi', en: 'My work' },
      { path: '/inspections', vi: 'Cuộc kiểm tra', en: 'Inspections' },
      { path: `/inspections/${ids.awaitingResponse}`, vi: 'Kiểm tra Thị trấn Cần Thạnh', en: 'Inspection of Thị trấn Cần Thạnh' },
      { path: '/accountability', vi: 'Xử lý trách nhiệm', en: 'Accountability' },
    ]);
  });
});
