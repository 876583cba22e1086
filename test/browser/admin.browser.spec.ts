import { TEST_PASSWORD } from '../harness/people';
import { axeViolations, logIn, openBrowser, Person, useBrowserStack } from '../harness/browser';
import { switchLanguage, tabFromTop } from '../harness/browser-extras';
import { Scenario } from '../harness/scenario';

/** The administrator's screens over the real stack: units, users, and the event log's chain. */
describe('the console: administration', () => {
  const { stack, browser } = useBrowserStack();
  let admin: Person;

  beforeAll(async () => {
    // Something in the event log for the chain check to walk.
    await new Scenario(stack).campaign();
    admin = await openBrowser(browser, stack);
    await logIn(admin, stack.people.admin);
  });

  afterAll(async () => {
    await admin?.close();
  });

  it('creates a unit, with errors beside their fields, and finds units without accents', async () => {
    const { page } = admin;
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản trị' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quản lý đơn vị' }).waitFor();
    await page.getByRole('cell', { name: 'Thị trấn Cần Thạnh' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const form = page.getByRole('form', { name: 'Thêm đơn vị' });
    await form.getByLabel('Mã đơn vị').fill('xa long hoa');
    await form.getByLabel('Tên đơn vị').fill('Xã Long Hòa');
    await form.getByRole('button', { name: 'Thêm đơn vị' }).click();
    const code = form.getByLabel('Mã đơn vị');
    await page.locator('[aria-invalid="true"]').first().waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field-error').count()).toBe(1);

    await code.fill('XA-LONG-HOA');
    await form.getByLabel('Loại đơn vị').selectOption({ label: 'Xã' });
    await form.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await page.getByText('Đã thêm đơn vị Xã Long Hòa.').waitFor();
    await page.getByRole('cell', { name: 'Xã Long Hòa' }).waitFor();
    const created = (await stack.api.get(stack.people.admin, '/units?limit=500')).body.items.find(
      (u: { code: string }) => u.code === 'XA-LONG-HOA',
    );
    expect(created).toMatchObject({ name: 'Xã Long Hòa', kind: 'commune' });

    // The same code again: the API's sentence (409), and nothing added.
    await form.getByLabel('Mã đơn vị').fill('XA-LONG-HOA');
    await form.getByLabel('Tên đơn vị').fill('Xã Long Hòa (trùng)');
    await form.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await form.getByRole('alert').waitFor();
    expect((await stack.api.get(stack.people.admin, '/units?limit=500')).body.items).toHaveLength(4);

    const search = page.getByRole('searchbox', { name: 'Tìm kiếm' });
    await search.fill('can thanh');
    expect(await page.locator('tbody tr').allInnerTexts()).toEqual([expect.stringContaining('Thị trấn Cần Thạnh')]);
    await search.fill('long hoa');
    expect(await page.locator('tbody tr').allInnerTexts()).toEqual([expect.stringContaining('Xã Long Hòa')]);
    await search.fill('không có đơn vị này');
    await page.getByText('Không có kết quả phù hợp.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('creates a unit head for the new unit, who then logs in', async () => {
    const { page } = admin;
    await page.goto('/admin/users');
    await page.getByRole('heading', { level: 1, name: 'Quản lý người dùng' }).waitFor();
    await page.getByRole('cell', { name: 'head.a', exact: true }).first().waitFor();
    const form = page.getByRole('form', { name: 'Thêm người dùng' });
    await form.getByLabel('Tên đăng nhập').fill('th.xa-long-hoa');
    await form.getByLabel('Họ và tên').fill('Trần Thị Đào');
    await form.getByLabel('Vai trò').selectOption({ label: 'Thủ trưởng đơn vị' });
    await form.getByLabel('Đơn vị', { exact: true }).selectOption({ label: 'Xã Long Hòa' });
    await form.getByLabel('Mật khẩu').fill('short');
    await form.getByRole('button', { name: 'Thêm người dùng' }).click();
    await form.locator('.field-error').waitFor();
    expect(await form.getByLabel('Mật khẩu').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);

    await form.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await form.getByRole('button', { name: 'Thêm người dùng' }).click();
    await page.getByText('Đã thêm Trần Thị Đào (tên đăng nhập th.xa-long-hoa).').waitFor();
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('tran thi dao');
    expect(await page.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/th\.xa-long-hoa\s+Trần Thị Đào\s+Thủ trưởng đơn vị\s+Xã Long Hòa\s+Đang hoạt động/),
    ]);

    const newcomer = await openBrowser(browser, stack);
    try {
      await logIn(newcomer, { id: '', username: 'th.xa-long-hoa', role: 'unit_head' });
      await newcomer.page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor();
      await newcomer.page.getByText('Trần Thị Đào · Thủ trưởng đơn vị').waitFor();
    } finally {
      await newcomer.close();
    }
  });

  it('edits the new account, deactivates it (its owner can no longer log in), reactivates it and resets its password', async () => {
    const { page } = admin;
    await page.goto('/admin/users');
    await page.getByRole('button', { name: 'Quản lý th.xa-long-hoa' }).click();
    await page.getByRole('region', { name: 'Tài khoản Trần Thị Đào (th.xa-long-hoa)' }).waitFor();
    // Its name changes with the display name below.
    const panel = page.locator('section.account');
    // The focus moves to the panel it opened.
    expect(await panel.getByRole('heading', { level: 2 }).evaluate((element) => element === element.ownerDocument.activeElement)).toBe(
      true,
    );
    expect(await axeViolations(page)).toEqual([]);

    await panel.getByLabel('Họ và tên').fill('Trần Thị Đào Hoa');
    await panel.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await panel.getByText('Đã lưu thay đổi.').waitFor();
    await page.getByRole('cell', { name: 'Trần Thị Đào Hoa' }).waitFor();

    const tryLogIn = async (password: string) => {
      const person = await openBrowser(browser, stack);
      try {
        await person.page.goto('/login');
        await person.page.getByLabel('Tên đăng nhập').fill('th.xa-long-hoa');
        await person.page.getByLabel('Mật khẩu').fill(password);
        await person.page.getByRole('button', { name: 'Đăng nhập' }).click();
        const outcome = await Promise.race([
          person.page
            .getByRole('heading', { level: 1, name: 'Việc của tôi' })
            .waitFor()
            .then(() => 'in' as const),
          person.page
            .getByRole('alert')
            .waitFor()
            .then(() => 'refused' as const),
        ]);
        return outcome;
      } finally {
        await person.close();
      }
    };

    await panel.getByRole('button', { name: 'Khóa tài khoản' }).click();
    await panel.getByText('Đã khóa tài khoản; mọi phiên đăng nhập của người này đã kết thúc.').waitFor();
    await page
      .getByRole('row', { name: /th\.xa-long-hoa/ })
      .getByText('Đã khóa')
      .waitFor();
    expect(await tryLogIn(TEST_PASSWORD)).toBe('refused');

    await panel.getByRole('button', { name: 'Mở khóa tài khoản' }).click();
    await panel.getByText('Đã mở khóa tài khoản.').waitFor();
    expect(await tryLogIn(TEST_PASSWORD)).toBe('in');

    await panel.getByLabel('Mật khẩu tạm thời').fill('tạm thời 2026 đổi ngay');
    await panel.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await panel.getByText('Đã đặt lại mật khẩu; mọi phiên đăng nhập của người này đã kết thúc.').waitFor();
    const login = await stack.api.post(undefined, '/auth/login', { username: 'th.xa-long-hoa', password: 'tạm thời 2026 đổi ngay' });
    expect([login.status, login.body.user?.mustChangePassword]).toEqual([200, true]);
    await panel.getByRole('button', { name: 'Đóng' }).click();
    await page.getByRole('form', { name: 'Thêm người dùng' }).waitFor();
  });

  it("checks the event log's chain on request", async () => {
    const { page } = admin;
    await page.goto('/admin/units');
    await page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Nhật ký sự kiện' }).click();
    await page.getByRole('heading', { level: 2, name: 'Chuỗi nhật ký nguyên vẹn' }).waitFor();
    const verified = (await stack.api.get(stack.people.admin, '/audit/verify')).body;
    expect(verified.checked).toBeGreaterThan(0);
    await page.getByText(`Đã kiểm tra ${verified.checked} sự kiện`).waitFor();
    const calls = () => admin.requests.filter((request) => request === 'GET /api/v1/audit/verify').length;
    const before = calls();
    // The button matches until the redraw: wait for the answer, then for the button back in use.
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === '/api/v1/audit/verify'),
      page.getByRole('button', { name: 'Kiểm tra lại' }).click(),
    ]);
    await page.getByRole('button', { name: 'Kiểm tra lại', disabled: false }).waitFor();
    expect(calls()).toBe(before + 1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('speaks English after the switch, works with the keyboard alone, and is closed to other roles', async () => {
    const { page } = admin;
    await page.goto('/admin/units');
    await page.getByRole('heading', { level: 1, name: 'Quản lý đơn vị' }).waitFor();
    await switchLanguage(page, 'en');
    try {
      await page.getByRole('heading', { level: 1, name: 'Units' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      // Keyboard only: fill the form and send it.
      await tabFromTop(page, page.getByLabel('Unit code'));
      await page.keyboard.type('TT-KEYBOARD');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Thị trấn Bàn Phím');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByText('Unit Thị trấn Bàn Phím added.').waitFor();
      const created = (await stack.api.get(stack.people.admin, '/units?limit=500')).body.items.find(
        (u: { code: string }) => u.code === 'TT-KEYBOARD',
      );
      expect(created?.name).toBe('Thị trấn Bàn Phím');

      await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Users' }).click();
      await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
      await page.getByRole('cell', { name: 'Lead inspector' }).first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Event log' }).click();
      await page.getByRole('heading', { level: 2, name: "The event log's chain is intact" }).waitFor();
      await tabFromTop(page, page.getByRole('button', { name: 'Check again' }));
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await switchLanguage(page, 'vi');
    }

    const chairman = await openBrowser(browser, stack);
    try {
      await logIn(chairman, stack.people.chairman);
      expect(
        await chairman.page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản trị' }).count(),
      ).toBe(0);
      await chairman.page.goto('/admin/users');
      await chairman.page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }).waitFor();
      expect(chairman.requests.filter((request) => request.startsWith('GET /api/v1/users'))).toEqual([]);
    } finally {
      await chairman.close();
    }
  });
});
