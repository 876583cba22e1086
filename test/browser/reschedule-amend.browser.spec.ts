import { Browser } from 'playwright-core';
import { axeViolations, launchChromium, logIn, openBrowser, PHONE, screenshot, tabTo, typeDate } from '../harness/browser';
import { scrollsSideways, unexpectedErrors } from '../harness/browser-extras';
import { eventually, Scenario } from '../harness/scenario';
import { startStack, TestStack } from '../harness/stack';
import { inDays, inSeconds } from '../harness/time';

const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

/**
 * Corrections the team makes in the console (issue 10): the lead reschedules a planned
 * inspection whose secret window was missed, and an inspector amends their own finding in visit
 * mode on a phone. Each through the real stack, with the keyboard, checked in the API afterwards.
 */
describe('the console: reschedule a missed window, amend a finding', () => {
  let stack: TestStack;
  let browser: Browser;
  let scenario: Scenario;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
    scenario = new Scenario(stack);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the lead reschedules a planned inspection whose window was missed', async () => {
    const { people, api } = stack;
    const { campaignId, inspectionId } = await scenario.plannedInspection({ units: [people.units.a], windows: { windowStart: inDays(0), windowEnd: inSeconds(2) } });
    await eventually(async () => ((await api.expect(200, api.get(people.lead, `/inspections/${inspectionId}`))).window.missed ? true : undefined), 60_000);

    const person = await openBrowser(browser, stack);
    try {
      const { page } = person;
      await logIn(person, people.lead);
      await page.goto(`/campaigns/${campaignId}`);
      const row = page.getByRole('row', { name: /Xã Bình Khánh/ });
      await row.getByText('Đã lỡ lịch').waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // Keyboard only: open the form, send it empty (errors beside the dates), then the new window.
      await tabTo(page, row.getByRole('button', { name: 'Đặt lại lịch' }));
      await page.keyboard.press('Enter');
      const panel = page.locator('.panel', { has: page.getByRole('heading', { level: 3, name: 'Đặt lại lịch kiểm tra Xã Bình Khánh' }) });
      await panel.waitFor();
      await tabTo(page, panel.getByRole('button', { name: 'Đặt lại lịch' }));
      await page.keyboard.press('Enter');
      await panel.locator('.field-error').first().waitFor();
      expect(await panel.getByLabel('Từ ngày').getAttribute('aria-invalid')).toBe('true');
      expect(await api.expect(200, api.get(people.lead, `/inspections/${inspectionId}`))).toMatchObject({ status: 'planned', window: { missed: true } });

      await typeDate(page, panel.getByLabel('Từ ngày'), inDays(1));
      await typeDate(page, panel.getByLabel('Đến ngày'), inDays(6));
      await tabTo(page, panel.getByRole('button', { name: 'Đặt lại lịch' }));
      await page.keyboard.press('Enter');
      await panel.waitFor({ state: 'detached' });
      await row.getByText(`${ddmmyyyy(inDays(1))} – ${ddmmyyyy(inDays(6))}`).waitFor();
      expect(await row.getByText('Đã lỡ lịch').count()).toBe(0);
      expect(await row.getByRole('button', { name: 'Đặt lại lịch' }).count()).toBe(0);
      const after = await api.expect(200, api.get(people.lead, `/inspections/${inspectionId}`));
      expect(after).toMatchObject({ status: 'planned', window: { windowStart: inDays(1), windowEnd: inDays(6), missed: false } });
      // The timeline of the inspection says so.
      expect((await api.expect(200, api.get(people.lead, `/inspections/${inspectionId}/events`))).items.map((e: { type: string }) => e.type)).toContain('VisitRescheduled');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'lead-rescheduled');
      expect(unexpectedErrors(person, [400, 401])).toEqual([]);
    } finally {
      await person.close();
    }
  });

  it('an inspector amends their own finding in visit mode, 360 px wide', async () => {
    const { people, api } = stack;
    const { inspectionId } = await scenario.plannedInspection({ units: [people.units.b] });
    await scenario.start(inspectionId);
    const findingId = await scenario.finding(inspectionId, people.inspector1, { severity: 'major', description: 'Hai công chức vắng mặt không lý do lúc 8 giờ 30.' });

    const person = await openBrowser(browser, stack, { viewport: PHONE });
    try {
      const { page } = person;
      await logIn(person, people.inspector1);
      await page.goto(`/inspections/${inspectionId}/visit`);
      await page.getByRole('heading', { level: 1, name: 'Kiểm tra tại chỗ: Phòng Nội vụ' }).waitFor();
      const amend = page.getByRole('button', { name: /^Sửa: KL-01/ });
      await tabTo(page, amend);
      await page.keyboard.press('Enter');
      const severity = page.getByLabel('Mức độ (KL-01)');
      const description = page.getByLabel('Nội dung tồn tại (KL-01)');
      await description.waitFor();

      // Emptied: the API's sentence beside the field, and the finding as it was.
      await description.fill('');
      await page.getByRole('button', { name: 'Lưu sửa đổi' }).click();
      await page.locator('.field-error').first().waitFor();
      expect(await description.getAttribute('aria-invalid')).toBe('true');

      await tabTo(page, severity);
      await page.keyboard.type('Nhẹ');
      expect(await severity.inputValue()).toBe('minor');
      await tabTo(page, description);
      await page.keyboard.type('Một công chức đến muộn 15 phút, có báo trước với lãnh đạo.');
      await tabTo(page, page.getByRole('button', { name: 'Lưu sửa đổi' }));
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Lưu sửa đổi' }).waitFor({ state: 'detached' });
      const card = page.locator('li.card', { hasText: 'Một công chức đến muộn 15 phút, có báo trước với lãnh đạo.' });
      await card.waitFor();
      expect(await card.innerText()).toContain('Nhẹ');
      const finding = (await api.expect(200, api.get(people.lead, `/inspections/${inspectionId}`))).findings.find((f: { id: string }) => f.id === findingId);
      expect(finding).toMatchObject({ severity: 'minor', description: 'Một công chức đến muộn 15 phút, có báo trước với lãnh đạo.', status: 'open' });
      expect(await scrollsSideways(page)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'inspector-amended-phone');
      expect(unexpectedErrors(person, [400, 401])).toEqual([]);
    } finally {
      await person.close();
    }

    // Only its author may amend it: the lead's visit mode offers no "Sửa" for it.
    const lead = await openBrowser(browser, stack, { viewport: PHONE });
    try {
      await logIn(lead, people.lead);
      await lead.page.goto(`/inspections/${inspectionId}/visit`);
      await lead.page.locator('li.card', { hasText: 'Một công chức đến muộn 15 phút' }).waitFor();
      expect(await lead.page.getByRole('button', { name: /^Sửa: KL-01/ }).count()).toBe(0);
    } finally {
      await lead.close();
    }
  });
});
