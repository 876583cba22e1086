import { readFileSync } from 'node:fs';
import { axeViolations, logIn, openBrowser, screenshot, useBrowserStack } from '../harness/browser';

/**
 * The audit log screen: the admin opens it from the navigation, filters it by kind, downloads the
 * filtered rows as CSV and reads it in both languages without an accessibility violation; a unit
 * head is not offered it.
 */
describe('the console: the audit log', () => {
  const { stack, browser } = useBrowserStack();

  beforeAll(async () => {
    const { admin } = stack.people;
    const unit = await stack.api.expect(201, stack.api.post(admin, '/units', { code: 'NK-01', name: 'Phòng Nhật ký', kind: 'department' }));
    await stack.api.expect(200, stack.api.post(admin, `/units/${unit.id}/deactivate`, {}));
  });

  it('shows, filters and downloads what was recorded, accessibly in both languages', async () => {
    const { admin } = stack.people;
    const person = await openBrowser(browser, stack);
    try {
      const page = person.page;
      await logIn(person, admin);
      await page.getByRole('navigation').getByRole('link', { name: 'Nhật ký hệ thống' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nhật ký hệ thống' }).waitFor();
      await page.getByRole('cell', { name: 'Ngừng hoạt động đơn vị' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      await page.getByLabel('Loại').selectOption({ label: 'Tạo đơn vị' });
      await page.waitForURL(/kind=unit_created/);
      const rows = page.locator('tbody tr');
      await rows.first().getByRole('cell', { name: 'Tạo đơn vị' }).waitFor();
      expect(await rows.count()).toBe(1);
      expect(await rows.first().textContent()).toContain('NK-01');
      await screenshot(page, 'admin-audit-log');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải CSV' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^nhat-ky-he-thong-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv).toContain('unit_created');
      expect(csv).not.toContain('unit_deactivated');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
      await page.getByRole('cell', { name: 'Unit created' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      // The download goes through a blob: link; the strict Content-Security-Policy must not refuse it.
      expect(person.errors.filter((error) => /Content Security Policy|Refused to/i.test(error))).toEqual([]);
    } finally {
      await person.close();
    }
  });

  it('is not offered to a unit head', async () => {
    const person = await openBrowser(browser, stack);
    try {
      await logIn(person, stack.people.headA);
      expect(await person.page.getByRole('navigation').getByRole('link', { name: 'Nhật ký hệ thống' }).count()).toBe(0);
      expect(person.requests.filter((r) => r.includes('/audit/'))).toEqual([]);
    } finally {
      await person.close();
    }
  });
});
