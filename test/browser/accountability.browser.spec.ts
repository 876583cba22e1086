import { axeViolations, logIn, openBrowser, screenshot, useBrowserStack } from '../harness/browser';
import { eventually, Scenario } from '../harness/scenario';

describe('the console: a missed response deadline becomes a case the chairman decides', () => {
  const { stack, browser } = useBrowserStack();

  it('shows the case in the chairman’s work and accountability screens, and records the decision made there', async () => {
    const { chairman, units } = stack.people;
    const scenario = new Scenario(stack);
    // A response due five seconds after the unit is notified (the campaign's policy).
    const { inspectionId } = await scenario.awaitingResponse({ units: [units.c], policy: { responseDeadline: { duration: 'PT5S' }, reminderOffsets: [] } });
    await eventually(async () => {
      const inspection = await stack.api.get(chairman, `/inspections/${inspectionId}`);
      return inspection.body.accountabilityCases?.length > 0 ? true : undefined;
    }, 60_000);

    const person = await openBrowser(browser, stack);
    try {
      const page = person.page;
      await logIn(person, chairman);
      await page.getByRole('link', { name: 'Quyết định xử lý trách nhiệm: Thị trấn Cần Thạnh' }).click();
      await page.getByRole('heading', { level: 1, name: 'Xử lý trách nhiệm' }).waitFor();
      const card = page.locator('li.card', { hasText: 'Đơn vị quá hạn phản hồi kết luận — Thị trấn Cần Thạnh' });
      await card.getByText('Chờ quyết định').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await card.getByLabel('Hình thức xử lý').selectOption({ label: 'Phê bình' });
      await card.getByLabel('Ghi chú').fill('Phê bình trước cuộc họp giao ban.');
      await screenshot(page, 'chairman-accountability');
      await card.getByRole('button', { name: 'Quyết định xử lý' }).click();
      await card.getByText('Đã quyết định').waitFor();
      await card.getByText(/Phê bình — Phê bình trước cuộc họp giao ban\./).waitFor();
      const cases = await stack.api.get(chairman, '/accountability-cases');
      expect(cases.body.items).toEqual([expect.objectContaining({ inspectionId, status: 'decided', outcome: 'criticized', note: 'Phê bình trước cuộc họp giao ban.' })]);
      await page.getByRole('navigation').getByRole('link', { name: 'Việc của tôi' }).click();
      await page.getByText('Bạn không có việc nào đang chờ.').waitFor();
    } finally {
      await person.close();
    }
  });
});
