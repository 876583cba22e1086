import { logIn, openBrowser, waitForStep, useBrowserStack } from '../harness/browser';
import { TEST_PASSWORD } from '../harness/people';
import { Scenario } from '../harness/scenario';

const TTL_SECONDS = 60; // the shortest access token the configuration allows

/**
 * A lead writing a conclusion is not thrown out: an expired access token is renewed from the
 * refresh cookie without a word, and a session that really ended (logged out elsewhere) sends
 * them to the login page and back to the form with what they had typed.
 */
describe('the console: a session ending in the middle of a form', () => {
  const { stack, browser } = useBrowserStack({ env: { ACCESS_TOKEN_TTL_SECONDS: String(TTL_SECONDS) } });
  const scenario = () => new Scenario(stack);

  async function draftingInspection(): Promise<string> {
    const { inspectionId } = await scenario().plannedInspection({ units: [stack.people.units.a] });
    await scenario().start(inspectionId);
    await scenario().finding(inspectionId);
    await scenario().endVisit(inspectionId);
    return inspectionId;
  }

  // First: the API client of the set-up caches tokens, which the wait of the second test lets expire.
  it('after a session ended elsewhere, logs in again and returns to the form with the typed text kept', async () => {
    const id = await draftingInspection();
    const person = await openBrowser(browser, stack);
    try {
      const page = person.page;
      await logIn(person, stack.people.lead);
      await page.goto(`/inspections/${id}`);
      await page.getByLabel('Nội dung kết luận').fill('Một kết luận dài, gõ mất nửa giờ.');
      await page.getByLabel('Yêu cầu khắc phục cho KL-01').fill('Chấn chỉnh giờ làm việc.');
      // Chosen while the session is alive, like the text typed.
      await page.getByLabel('Xếp loại').selectOption('fair');

      // The same person logs out in another tab: the session is revoked, its tokens stop at once.
      const other = await person.context.newPage();
      await other.goto('/');
      await other.getByRole('button', { name: 'Đăng xuất' }).click();
      await other.waitForURL(/\/login/);
      await other.close();

      await page.getByRole('button', { name: 'Trình kết luận' }).click();
      await page.waitForURL(/\/login\?/);
      await page.getByText('Phiên làm việc đã hết hạn').waitFor();
      await page.getByLabel('Tên đăng nhập').fill(stack.people.lead.username);
      await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((url) => url.pathname === `/inspections/${id}`);
      expect(await page.getByLabel('Nội dung kết luận').inputValue()).toBe('Một kết luận dài, gõ mất nửa giờ.');
      expect(await page.getByLabel('Yêu cầu khắc phục cho KL-01').inputValue()).toBe('Chấn chỉnh giờ làm việc.');
      expect(await page.getByLabel('Xếp loại').inputValue()).toBe('fair');
      await page.getByLabel('Thời hạn hoàn thành (KL-01)').fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
      await page.getByRole('button', { name: 'Trình kết luận' }).click();
      await waitForStep(page, 'Chờ phê duyệt');
    } finally {
      await person.close();
    }
  });

  it('renews an expired access token silently: the conclusion typed before it expired is submitted', async () => {
    const id = await draftingInspection();
    const person = await openBrowser(browser, stack);
    try {
      const page = person.page;
      await logIn(person, stack.people.lead);
      await page.goto(`/inspections/${id}`);
      await page.getByLabel('Nội dung kết luận').fill('Viết trước khi phiên hết hạn.');
      await page.getByLabel('Xếp loại').selectOption('good');
      await page.getByLabel('Yêu cầu khắc phục cho KL-01').fill('Chấn chỉnh giờ làm việc.');
      // The login's own refresh does not count: only one after this point.
      const since = person.requests.length;
      await page.waitForTimeout((TTL_SECONDS + 2) * 1000);
      await page.getByLabel('Thời hạn hoàn thành (KL-01)').fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
      await page.getByRole('button', { name: 'Trình kết luận' }).click();
      await waitForStep(page, 'Chờ phê duyệt');
      expect(new URL(page.url()).pathname).toBe(`/inspections/${id}`);
      expect(person.requests.slice(since)).toContain('POST /api/v1/auth/refresh');
      await page.getByText('Viết trước khi phiên hết hạn.').waitFor();
    } finally {
      await person.close();
    }
  }, 180_000);
});
