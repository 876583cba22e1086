import { Browser } from 'playwright-core';
import { axeViolations, launchChromium, logIn, openBrowser } from '../harness/browser';
import { switchLanguage } from '../harness/browser-extras';
import { startStack, TestStack } from '../harness/stack';

/**
 * The checklist screens: staff read the templates and a version's criteria by group; the admin
 * publishes a new version from a copy of the newest (a duplicate code is refused beside its
 * field), after which the lead's campaign form offers it as the default; a unit head is not
 * offered the screen. Accessible in both languages.
 */
describe('the console: checklist templates', () => {
  let stack: TestStack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('an inspector reads the demo version by group, and is not offered to publish', async () => {
    const person = await openBrowser(browser, stack);
    try {
      const page = person.page;
      await logIn(person, stack.people.inspector1);
      await page.getByRole('navigation').getByRole('link', { name: 'Bộ tiêu chí' }).click();
      await page.getByRole('heading', { level: 1, name: 'Bộ tiêu chí kiểm tra' }).waitFor();
      // The publish link would be in the list of templates: counted once it has loaded.
      await page.getByRole('link', { name: 'demo-2023.1' }).waitFor();
      expect(await page.getByRole('link', { name: 'Ban hành phiên bản mới' }).count()).toBe(0);
      await page.getByRole('link', { name: 'demo-2023.1' }).click();
      await page.getByRole('heading', { level: 1, name: 'Bộ tiêu chí demo-2023.1' }).waitFor();
      const discipline = page.getByRole('region', { name: 'Kỷ luật, kỷ cương hành chính' });
      await discipline.getByRole('cell', { name: 'Chấp hành kỷ luật, kỷ cương giờ làm việc' }).waitFor();
      expect(await discipline.locator('tbody tr').count()).toBe(2);
      expect(await page.getByRole('heading', { level: 2 }).count()).toBe(6);
      expect(await axeViolations(page)).toEqual([]);

      await switchLanguage(page, 'en');
      await page.getByRole('heading', { level: 1, name: 'Checklist demo-2023.1' }).waitFor();
      await page.getByRole('region', { name: 'Discipline' }).getByRole('cell', { name: 'Discipline in working hours' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await person.close();
    }
  });

  it('the admin publishes a new version from a copy of the newest; the lead’s campaign form then defaults to it', async () => {
    const admin = await openBrowser(browser, stack);
    try {
      const page = admin.page;
      await logIn(admin, stack.people.admin);
      await page.getByRole('navigation').getByRole('link', { name: 'Bộ tiêu chí' }).click();
      await page.getByRole('link', { name: 'Ban hành phiên bản mới' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ban hành phiên bản mới của bộ tiêu chí' }).waitFor();
      const criterion = (n: number) => page.getByRole('group', { name: `Tiêu chí ${n}`, exact: true });
      expect(await criterion(10).getByLabel('Mã tiêu chí').inputValue()).toBe('TS-01');
      expect(await axeViolations(page)).toEqual([]);

      // A code twice is refused beside the field, in Vietnamese; nothing is published.
      await criterion(2).getByLabel('Mã tiêu chí').fill('LD-01');
      await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
      await criterion(2).getByText('bị trùng trong phiên bản này (trùng với criteria.0.code)').waitFor();

      await criterion(1).getByLabel('Mã tiêu chí').fill('Điều 1.1');
      await criterion(2).getByLabel('Mã tiêu chí').fill('Điều 1.2');
      await page.getByRole('button', { name: 'Bỏ tiêu chí 10' }).click();
      await page.getByLabel('Tên phiên bản').fill('Bộ tiêu chí 2025');
      await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Bộ tiêu chí demo-2023.2' }).waitFor();
      await page.getByRole('cell', { name: 'Điều 1.1', exact: true }).waitFor();
      expect(await page.getByRole('cell', { name: 'TS-01' }).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await admin.close();
    }

    const lead = await openBrowser(browser, stack);
    try {
      const page = lead.page;
      await logIn(lead, stack.people.lead);
      await page.goto("/campaigns/new");
      const select = page.getByLabel('Bộ tiêu chí áp dụng');
      await page.getByRole('option', { name: 'demo-2023.2 · Bộ tiêu chí 2025 (mới nhất)' }).waitFor({ state: 'attached' });
      expect(await select.inputValue()).toBe('demo-2023.2');
      await select.selectOption('demo-2023.1');
      expect(await select.inputValue()).toBe('demo-2023.1');
    } finally {
      await lead.close();
    }
  });

  it('is not offered to a unit head', async () => {
    const person = await openBrowser(browser, stack);
    try {
      await logIn(person, stack.people.headA);
      expect(await person.page.getByRole('navigation').getByRole('link', { name: 'Bộ tiêu chí' }).count()).toBe(0);
      expect(person.requests.filter((r) => r.includes('/checklist-templates'))).toEqual([]);
    } finally {
      await person.close();
    }
  });
});
