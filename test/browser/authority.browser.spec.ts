import { Browser } from 'playwright-core';
import { axeViolations, launchChromium, logIn, openBrowser, Person, PHONE, screenshot } from '../harness/browser';
import { scrollsSideways, switchLanguage, tabFromTop, unexpectedErrors } from '../harness/browser-extras';
import { startStack, TestStack } from '../harness/stack';

/** Nothing wider than the screen: no sideways scrolling at 360 px. */
const overflows = (person: Person) => scrollsSideways(person.page);

/**
 * The authority as data (issue 11, item 3), through the console: the admin edits the names the
 * documents print, sees each refused field's error beside it in Vietnamese and in English, and
 * can do it with the keyboard alone on a phone; nobody else is offered the screen.
 */
describe('the console: the authority', () => {
  let stack: TestStack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the admin edits it, with the errors beside their fields in both languages', async () => {
    const person = await openBrowser(browser, stack);
    try {
      const { page } = person;
      await logIn(person, stack.people.admin);
      await page.goto('/admin/units');
      await page.getByRole('navigation', { name: 'Quản trị', exact: true }).getByRole('link', { name: 'Thông tin cơ quan' }).click();
      await page.getByRole('heading', { level: 1, name: 'Thông tin cơ quan' }).waitFor();
      const form = page.getByRole('form', { name: 'Cơ quan trên văn bản' });
      const before = (await stack.api.get(stack.people.admin, '/authority')).body;
      expect(await form.getByLabel('Tên cơ quan').inputValue()).toBe(before.name);
      expect(await axeViolations(page)).toEqual([]);

      // Two required fields emptied: each says so beside itself, and nothing is stored.
      await form.getByLabel('Tên cơ quan').fill('   ');
      await form.getByLabel('Chức vụ người ký').fill('');
      await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await form.locator('.field-error').first().waitFor();
      expect(await form.locator('[aria-invalid="true"]').evaluateAll((inputs) => inputs.map((input) => input.getAttribute('name')))).toEqual(['name', 'chairmanTitle']);
      expect(await form.locator('.field-error').allInnerTexts()).toEqual(['phải có ít nhất 1 ký tự', 'phải có ít nhất 1 ký tự']);
      expect(await axeViolations(page)).toEqual([]);
      expect((await stack.api.get(stack.people.admin, '/authority')).body).toEqual(before);

      await form.getByLabel('Tên cơ quan').fill('ỦY BAN NHÂN DÂN QUẬN 1');
      await form.getByLabel('Tên đoàn kiểm tra').fill('ĐOÀN KIỂM TRA CÔNG VỤ QUẬN 1');
      await form.getByLabel('Địa danh').fill('  Quận 1 ');
      await form.getByLabel('Họ tên người ký').fill('Nguyễn Văn An');
      await form.getByLabel('Chức vụ người ký').fill('CHỦ TỊCH');
      await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await page.getByText('Đã lưu thông tin cơ quan; văn bản in từ nay dùng thông tin mới.').waitFor();
      expect(await form.locator('[aria-invalid="true"]').count()).toBe(0);
      expect((await stack.api.get(stack.people.admin, '/authority')).body).toMatchObject({
        name: 'ỦY BAN NHÂN DÂN QUẬN 1',
        inspectionBodyName: 'ĐOÀN KIỂM TRA CÔNG VỤ QUẬN 1',
        place: 'Quận 1',
        chairmanName: 'Nguyễn Văn An',
        chairmanTitle: 'CHỦ TỊCH',
      });
      // The form shows what was stored (the API trims), also after a reload.
      expect(await form.getByLabel('Địa danh').inputValue()).toBe('Quận 1');
      await page.reload();
      expect(await page.getByLabel('Họ tên người ký').inputValue()).toBe('Nguyễn Văn An');
      await screenshot(page, 'admin-authority-vi');

      await switchLanguage(page, 'en');
      try {
        await page.getByRole('heading', { level: 1, name: 'Authority' }).waitFor();
        const english = page.getByRole('form', { name: 'The authority on documents' });
        await english.getByLabel("Inspection body's name").fill('');
        await english.getByRole('button', { name: 'Save changes' }).click();
        await english.locator('.field-error').waitFor();
        expect(await english.locator('.field-error').allInnerTexts()).toEqual(['must be longer than or equal to 1 characters']);
        expect(await english.getByLabel("Inspection body's name").getAttribute('aria-invalid')).toBe('true');
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'admin-authority-en');
      } finally {
        await switchLanguage(page, 'vi');
      }
      expect((await stack.api.get(stack.people.admin, '/authority')).body.inspectionBodyName).toBe('ĐOÀN KIỂM TRA CÔNG VỤ QUẬN 1');
      expect(unexpectedErrors(person, [400, 401])).toEqual([]);
    } finally {
      await person.close();
    }
  });

  it('works with the keyboard alone on a phone 360 px wide', async () => {
    const person = await openBrowser(browser, stack, { viewport: PHONE });
    try {
      const { page } = person;
      await logIn(person, stack.people.admin);
      await page.goto('/admin/authority');
      await page.getByRole('heading', { level: 1, name: 'Thông tin cơ quan' }).waitFor();
      const place = page.getByLabel('Địa danh');
      await place.waitFor();
      await tabFromTop(page, place);
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Phường Bến Nghé');
      await tabFromTop(page, page.getByRole('button', { name: 'Lưu thay đổi' }));
      await page.keyboard.press('Enter');
      await page.getByText('Đã lưu thông tin cơ quan; văn bản in từ nay dùng thông tin mới.').waitFor();
      expect((await stack.api.get(stack.people.admin, '/authority')).body.place).toBe('Phường Bến Nghé');
      expect(await overflows(person)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'admin-authority-phone');
      expect(unexpectedErrors(person)).toEqual([]);
    } finally {
      await person.close();
    }
  });

  it('is the admin’s only: the chairman is not offered it and it asks the API nothing for him', async () => {
    const person = await openBrowser(browser, stack);
    try {
      await logIn(person, stack.people.chairman);
      await person.page.goto('/admin/authority');
      await person.page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }).waitFor();
      expect(person.requests.filter((request) => request.includes('/api/v1/authority'))).toEqual([]);
    } finally {
      await person.close();
    }
  });
});
