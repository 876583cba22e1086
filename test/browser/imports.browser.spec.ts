import { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { axeViolations, launchChromium, logIn, openBrowser, PHONE, screenshot } from '../harness/browser';
import { savedFile, scrollsSideways, switchLanguage, tabFromTop, unexpectedErrors } from '../harness/browser-extras';
import { startStack, TestStack } from '../harness/stack';

const HEADER = 'Mã đơn vị,Tên đơn vị,Loại đơn vị,Tên đăng nhập,Họ và tên,Vai trò';
const csv = (name: string, lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8') });

const WITH_ERRORS = csv('co-loi.csv', [HEADER, 'XA-MOI,Xã Mới,Xã,th.xa-moi,Trưởng Mới,Thủ trưởng đơn vị', 'sai mã,,hành tinh,,,', ',,,kiemtra.moi,,sếp']);
const GOOD = csv('dung.csv', [
  HEADER,
  'XA-MOI,Xã Mới,Xã,th.xa-moi,Trưởng Mới,Thủ trưởng đơn vị',
  ',,,kiemtra.moi,Lê Thị Mới,Thành viên đoàn kiểm tra',
  'UNIT-A,Xã Bình Khánh,Xã,,,',
]);

/** The cells of a table's body rows, row by row. */
const cells = (page: Page, caption: string) =>
  page
    .locator('table', { has: page.locator('caption', { hasText: caption }) })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())));

/**
 * Units and staff imported from a file (issue 11, item 8), through the console: the template
 * downloads, a dry run lists every row's error and imports nothing, a clean file is applied with
 * its counts and the new accounts' temporary passwords shown once (never kept in the browser's
 * storage), and the same file again changes nothing. Keyboard only on a phone, in both languages.
 */
describe('the console: imports', () => {
  let stack: TestStack;
  let browser: Browser;
  const unitCount = async () => (await stack.api.get(stack.people.admin, '/units?limit=500')).body.items.length;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('downloads the template, lists every row’s errors, applies a clean file once and shows its passwords once', async () => {
    const person = await openBrowser(browser, stack);
    try {
      const { page } = person;
      await logIn(person, stack.people.admin);
      await page.goto('/admin/units');
      await page.getByRole('navigation', { name: 'Quản trị', exact: true }).getByRole('link', { name: 'Nhập từ tệp' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nhập đơn vị và cán bộ từ tệp' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      const excel = await savedFile(page, () => page.getByRole('button', { name: 'Tải mẫu Excel' }).click());
      expect(excel.name).toBe('mau-nhap-don-vi-can-bo.xlsx');
      expect(excel.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      const template = await savedFile(page, () => page.getByRole('button', { name: 'Tải mẫu CSV' }).click());
      expect(template.name).toBe('mau-nhap-don-vi-can-bo.csv');
      expect(template.bytes.toString('utf8')).toContain(HEADER);

      // No file chosen: said beside the file field, nothing sent.
      const file = page.getByLabel('Tệp Excel hoặc CSV');
      await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
      await page.getByText('Hãy chọn một tệp.').waitFor();
      expect(await file.getAttribute('aria-invalid')).toBe('true');
      expect(person.requests.filter((r) => r.startsWith('POST /api/v1/imports'))).toEqual([]);

      // A file with errors: every one of them, row by row, and nothing imported.
      const units = await unitCount();
      await file.setInputFiles(WITH_ERRORS);
      await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
      await page.getByRole('heading', { level: 2, name: 'Kết quả kiểm tra' }).waitFor();
      await page.getByText('Tệp có 5 lỗi; chưa nhập gì. Hãy sửa tệp rồi kiểm tra lại.').waitFor();
      const errors = await cells(page, '5 lỗi');
      // In the admin's language, like every message of the API.
      expect(errors[1]).toEqual(['3', 'Tên đơn vị', 'là bắt buộc với một đơn vị']);
      expect(errors[3]).toEqual(['4', 'Họ và tên', 'là bắt buộc với một người']);
      expect(errors.map(([row, column]) => [row, column])).toEqual([
        ['3', 'Mã đơn vị'],
        ['3', 'Tên đơn vị'],
        ['3', 'Loại đơn vị'],
        ['4', 'Họ và tên'],
        ['4', 'Vai trò'],
      ]);
      expect(await page.getByRole('button', { name: 'Nhập dữ liệu' }).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'admin-imports-errors-vi');
      expect(await unitCount()).toBe(units);

      // A clean file: what would happen, then the apply with its counts and passwords.
      await file.setInputFiles(GOOD);
      await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
      await page.getByText('Tệp không có lỗi. Có thể nhập.').waitFor();
      expect(await cells(page, 'Nếu nhập tệp này')).toEqual([
        ['Đơn vị', '1', '0', '1'],
        ['Tài khoản', '2', '0', '0'],
      ]);
      expect(await cells(page, 'Từng dòng sẽ được xử lý')).toEqual([
        ['2', 'XA-MOI', 'Thêm mới', 'th.xa-moi', 'Thêm mới'],
        ['3', '', '', 'kiemtra.moi', 'Thêm mới'],
        ['4', 'UNIT-A', 'Không đổi', '', ''],
      ]);
      expect(await unitCount()).toBe(units);
      await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
      await page.getByRole('heading', { level: 2, name: 'Đã nhập dữ liệu' }).waitFor();
      expect(await cells(page, 'Đã nhập')).toEqual([
        ['Đơn vị', '1', '0', '1'],
        ['Tài khoản', '2', '0', '0'],
      ]);
      const passwords = await cells(page, 'Mật khẩu tạm thời của tài khoản mới');
      expect(passwords.map(([username]) => username).sort()).toEqual(['kiemtra.moi', 'th.xa-moi']);
      expect(await unitCount()).toBe(units + 1);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'admin-imports-applied-vi');

      // The password shown works, once, and must be replaced at the first login.
      const [, temporary] = passwords.find(([username]) => username === 'kiemtra.moi')!;
      const login = await request(stack.api.baseUrl).post('/api/v1/auth/login').send({ username: 'kiemtra.moi', password: temporary });
      expect([login.status, login.body.user?.mustChangePassword]).toEqual([200, true]);
      // Kept in the screen's memory only: nothing of it in the browser's storage.
      const stored = await page.evaluate(() => {
        const g = globalThis as any;
        return JSON.stringify({ session: { ...g.sessionStorage }, local: { ...g.localStorage } });
      });
      for (const [, password] of passwords) expect(stored).not.toContain(password);
      await page.getByRole('button', { name: 'Đã ghi lại, ẩn mật khẩu' }).click();
      await page.getByRole('heading', { level: 2, name: 'Đã nhập dữ liệu' }).waitFor({ state: 'detached' });
      for (const [, password] of passwords) expect(await page.content()).not.toContain(password);
      expect(unexpectedErrors(person)).toEqual([]);
    } finally {
      await person.close();
    }
  });

  it('the same file again, with the keyboard alone on a phone and in English, changes nothing', async () => {
    const person = await openBrowser(browser, stack, { viewport: PHONE });
    try {
      const { page } = person;
      await logIn(person, stack.people.admin);
      await page.goto('/admin/imports');
      await page.getByRole('heading', { level: 1, name: 'Nhập đơn vị và cán bộ từ tệp' }).waitFor();
      await switchLanguage(page, 'en');
      try {
        await page.getByRole('heading', { level: 1, name: 'Import units and staff' }).waitFor();
        const units = await unitCount();
        // The file field opens the file chooser from the keyboard like any button.
        await tabFromTop(page, page.getByLabel('Excel or CSV file'));
        const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
        await chooser.setFiles(GOOD);
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await page.getByText('The file has no errors. It can be imported.').waitFor();
        expect(await cells(page, 'Importing this file would')).toEqual([
          ['Units', '0', '0', '2'],
          ['Accounts', '0', '0', '2'],
        ]);
        await tabFromTop(page, page.getByRole('button', { name: 'Import', exact: true }), 80);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 2, name: 'Imported' }).waitFor();
        await page.getByText('No new accounts.').waitFor();
        expect(await unitCount()).toBe(units);
        expect(await scrollsSideways(page)).toBe(false);
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'admin-imports-phone-en');
      } finally {
        await switchLanguage(page, 'vi');
      }
      expect(unexpectedErrors(person)).toEqual([]);
    } finally {
      await person.close();
    }
  });

  it('is the admin’s only', async () => {
    const person = await openBrowser(browser, stack);
    try {
      await logIn(person, stack.people.lead);
      await person.page.goto('/admin/imports');
      await person.page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }).waitFor();
      expect(person.requests.filter((r) => r.includes('/api/v1/imports'))).toEqual([]);
    } finally {
      await person.close();
    }
  });
});
