import { Browser } from 'playwright-core';
import request from 'supertest';
import { axeViolations, launchChromium, openBrowser, Person, PHONE, screenshot } from '../harness/browser';
import { switchLanguage, tabFromTop, unexpectedErrors } from '../harness/browser-extras';
import { TEST_PASSWORD } from '../harness/people';
import { startStack, TestStack } from '../harness/stack';

const TEMPORARY = 'tạm thời do quản trị đặt 2026';
const CHOSEN = 'mật khẩu của riêng tôi 2026';


/**
 * A password an admin reset (mustChangePassword) must be replaced before anything else: after
 * logging in, the person is on the change-password screen whatever address they asked for, the
 * console offers nothing else, and once they chose their own they go on to where they were headed.
 * Anyone may change their own password from the header.
 */
describe('the console: a password reset by the admin is replaced first', () => {
  let stack: TestStack;
  let browser: Browser;
  let userId: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
    const created = await stack.api.expect(
      201,
      stack.api.post(stack.people.admin, '/users', { username: 'kiemtra.moi', displayName: 'Lê Thị Mới', role: 'inspector', password: TEST_PASSWORD }),
    );
    userId = created.id;
    await stack.api.expect(204, stack.api.post(stack.people.admin, `/users/${userId}/password-reset`, { temporaryPassword: TEMPORARY }));
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const logInAs = async (person: Person, path: string, password: string) => {
    await person.page.goto(path);
    await person.page.getByLabel('Tên đăng nhập').fill('kiemtra.moi');
    await person.page.getByLabel('Mật khẩu').fill(password);
    await person.page.getByRole('button', { name: 'Đăng nhập' }).click();
  };

  it('sends the person to the change-password screen and lets them nowhere else until they changed it', async () => {
    const person = await openBrowser(browser, stack, { viewport: PHONE });
    try {
      const { page } = person;
      // Asked for the inspections list; the login brings them to the password first.
      await page.goto('/inspections');
      await page.waitForURL(/\/login/);
      await logInAs(person, page.url(), TEMPORARY);
      await page.getByRole('heading', { level: 1, name: 'Đổi mật khẩu' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/account/password');
      await page.getByText('Quản trị viên đã đặt lại mật khẩu của bạn. Hãy chọn mật khẩu mới trước khi tiếp tục làm việc.').waitFor();
      // Nothing else is offered: no navigation, no notifications; any address comes back here.
      expect(await page.getByRole('navigation').count()).toBe(0);
      expect(await page.getByRole('link', { name: /Thông báo/ }).count()).toBe(0);
      // The last address asked for is where the person goes once the password is changed.
      for (const address of ['/', '/reports', '/findings', '/inspections']) {
        await page.goto(address);
        await page.getByRole('heading', { level: 1, name: 'Đổi mật khẩu' }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/account/password');
      }
      expect(person.requests.filter((r) => /^GET \/api\/v1\/(me\/work|me\/notifications|inspections|reports|findings)/.test(r))).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'forced-password-phone-vi');

      // Keyboard only. The two new passwords differ: said beside the repeat, nothing sent.
      const form = page.getByRole('form', { name: 'Đổi mật khẩu' });
      await tabFromTop(page, form.getByLabel('Mật khẩu tạm thời'));
      await page.keyboard.type('không phải mật khẩu này');
      await page.keyboard.press('Tab');
      await page.keyboard.type(CHOSEN);
      await page.keyboard.press('Tab');
      await page.keyboard.type(`${CHOSEN}!`);
      await page.keyboard.press('Enter');
      await page.getByText('Hai lần nhập mật khẩu mới không khớp nhau.').waitFor();
      expect(await form.getByLabel('Nhập lại mật khẩu mới').getAttribute('aria-invalid')).toBe('true');
      expect(person.requests.filter((r) => r === 'POST /api/v1/me/password')).toEqual([]);

      // A wrong temporary password: the API's sentence beside that field, in Vietnamese.
      await form.getByLabel('Nhập lại mật khẩu mới').fill(CHOSEN);
      await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await form.getByText('không đúng').waitFor();
      expect(await form.getByLabel('Mật khẩu tạm thời').getAttribute('aria-invalid')).toBe('true');
      expect(await axeViolations(page)).toEqual([]);

      await form.getByLabel('Mật khẩu tạm thời').fill(TEMPORARY);
      await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      // On to where they were headed, with the whole console back.
      await page.getByRole('heading', { level: 1, name: 'Cuộc kiểm tra' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/inspections');
      await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();

      const login = (password: string) => request(stack.api.baseUrl).post('/api/v1/auth/login').send({ username: 'kiemtra.moi', password });
      expect((await login(TEMPORARY)).status).toBe(401);
      const fresh = await login(CHOSEN);
      expect([fresh.status, fresh.body.user?.mustChangePassword]).toEqual([200, false]);
      // The new password was never written to the browser's storage.
      const stored = await page.evaluate(() => JSON.stringify({ ...(globalThis as any).sessionStorage, ...(globalThis as any).localStorage }));
      expect(stored).not.toContain(CHOSEN);
      expect(unexpectedErrors(person, [400, 401])).toEqual([]);
    } finally {
      await person.close();
    }
  });

  it('lets anyone change their own password from the header, in English too', async () => {
    const person = await openBrowser(browser, stack);
    try {
      const { page } = person;
      await logInAs(person, '/login', CHOSEN);
      await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor();
      await switchLanguage(page, 'en');
      try {
        await page.getByRole('link', { name: 'Change password' }).click();
        await page.getByRole('heading', { level: 1, name: 'Change password' }).waitFor();
        expect(await page.getByText('An administrator reset your password.').count()).toBe(0);
        const form = page.getByRole('form', { name: 'Change password' });
        await form.getByLabel('Current password').fill(CHOSEN);
        await form.getByLabel('New password', { exact: true }).fill('short');
        await form.getByLabel('Repeat the new password').fill('short');
        await form.getByRole('button', { name: 'Change password' }).click();
        await form.locator('.field-error').waitFor();
        expect(await form.getByLabel('New password', { exact: true }).getAttribute('aria-invalid')).toBe('true');
        const final = 'another sentence I remember';
        await form.getByLabel('New password', { exact: true }).fill(final);
        await form.getByLabel('Repeat the new password').fill(final);
        await form.getByRole('button', { name: 'Change password' }).click();
        await page.getByText('Password changed; your other sessions have ended.').waitFor();
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'change-password-en');
        expect((await request(stack.api.baseUrl).post('/api/v1/auth/login').send({ username: 'kiemtra.moi', password: final })).status).toBe(200);
      } finally {
        await switchLanguage(page, 'vi');
      }
      expect(unexpectedErrors(person, [400, 401])).toEqual([]);
    } finally {
      await person.close();
    }
  });
});
