import { axeViolations, logIn, openBrowser, Person, useBrowserStack } from '../harness/browser';
import { switchLanguage, tabFromTop } from '../harness/browser-extras';
import { Scenario } from '../harness/scenario';

const STARTED_VI = 'Đoàn kiểm tra công vụ đột xuất đã bắt đầu kiểm tra tại đơn vị.';
const APPROVED_VI = /Kết luận kiểm tra đã được phê duyệt\. Đề nghị đơn vị phản hồi từng nội dung trước ngày/;

/**
 * A unit head's notifications in the browser: the visit started, then the approved conclusion
 * asks for a response (both raised by the workflow and projected through the real stack).
 */
describe('the console: notifications', () => {
  const { stack, browser } = useBrowserStack();
  let head: Person;
  let inspectionId: string;

  beforeAll(async () => {
    ({ inspectionId } = await new Scenario(stack).awaitingResponse());
    head = await openBrowser(browser, stack);
    await logIn(head, stack.people.headA);
  });

  afterAll(async () => {
    await head?.close();
  });

  const unreadBadge = (person: Person, count: number, language: 'vi' | 'en' = 'vi') =>
    person.page.getByRole('banner').getByRole('link', {
      name: language === 'vi' ? `Thông báo ${count} chưa đọc` : `Notifications ${count} unread`,
      exact: true,
    });
  const card = (text: string | RegExp) => head.page.locator('.notifications > li').filter({ hasText: text });

  it('lists them newest first in Vietnamese, marks one read, and the header count follows', async () => {
    const { page } = head;
    await unreadBadge(head, 2).waitFor();
    await unreadBadge(head, 2).click();
    await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    // The heading comes before the list has loaded.
    await card(STARTED_VI).waitFor();
    const titles = await page.locator('.notifications .card-title').allInnerTexts();
    expect(titles).toHaveLength(2);
    expect(titles[0]).toMatch(/^Chưa đọc · Kết luận kiểm tra đã được phê duyệt/);
    expect(titles[1]).toBe(`Chưa đọc · ${STARTED_VI}`);
    expect(await axeViolations(page)).toEqual([]);

    await card(STARTED_VI).getByRole('button', { name: 'Đánh dấu đã đọc' }).click();
    await card(STARTED_VI).getByText('Đã đọc', { exact: true }).waitFor();
    await unreadBadge(head, 1).waitFor();
    const unread = await stack.api.get(stack.people.headA, '/me/notifications?unread=true');
    expect(unread.body.items.map((n: { messageVi: string }) => n.messageVi)).toEqual([expect.stringMatching(APPROVED_VI)]);

    await page.getByLabel('Chưa đọc', { exact: true }).check();
    await page.locator('.notifications > li').first().waitFor();
    expect(await page.locator('.notifications > li').count()).toBe(1);
    expect(head.requests).toContain('GET /api/v1/me/notifications?limit=50&unread=true');

    // Its link goes to the inspection it is about, and opening it counts as reading it.
    const open = card(APPROVED_VI).getByRole('link', { name: 'Mở cuộc kiểm tra' });
    expect(await open.getAttribute('href')).toBe(`/inspections/${inspectionId}`);
    await open.click();
    await page.waitForURL(`**/inspections/${inspectionId}`);
    await unreadBadge(head, 0).waitFor();
    await page.goto('/notifications');
    await page.getByLabel('Chưa đọc', { exact: true }).check();
    await page.getByText('Bạn đã đọc hết thông báo.').waitFor();
  });

  it('shows them in English after the switch, and works with the keyboard alone', async () => {
    const { page } = head;
    await page.goto('/notifications');
    await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    await switchLanguage(page, 'en');
    try {
      await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
      await page.getByText('An unannounced civil-service inspection of your unit has started.').waitFor();
      await page.getByText(/The inspection conclusion was approved\. Respond to each finding by/).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      // The language is kept on the server, so the next page load starts in English.
      expect((await stack.api.get(stack.people.headA, '/me')).body.language).toBe('en');

      // Tab reaches the radio group at its chosen option; the arrows choose another.
      await tabFromTop(page, page.getByLabel('All', { exact: true }));
      await page.keyboard.press('ArrowRight');
      await page.getByText('You have read every notification.').waitFor();
      await tabFromTop(page, page.getByLabel('Unread', { exact: true }));
      await page.keyboard.press('ArrowLeft');
      const link = page.getByRole('link', { name: 'Open the inspection' }).first();
      await link.waitFor();
      await tabFromTop(page, link);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/inspections\//);
    } finally {
      await switchLanguage(page, 'vi');
    }
  });
});
