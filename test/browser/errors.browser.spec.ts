import { logIn, openBrowser, Person, vietnamDate, waitForStep, useBrowserStack } from '../harness/browser';
import { Scenario } from '../harness/scenario';

/** Errors a person can read: beside the field, in their language, naming the state; typed work survives. */
describe('the console: errors and the less travelled paths', () => {
  const { stack, browser } = useBrowserStack();
  const people: Person[] = [];

  afterAll(async () => {
    await Promise.all(people.map((person) => person.close().catch(() => undefined)));
  });

  const open = async () => {
    const person = await openBrowser(browser, stack);
    people.push(person);
    return person;
  };

  it('shows field errors beside their fields, and keeps the form through a network failure', async () => {
    const lead = await open();
    const page = lead.page;
    await logIn(lead, stack.people.lead);
    await page.goto('/campaigns/new');
    await page.getByLabel('Tên kế hoạch').fill('Kế hoạch thiếu căn cứ');
    await page.getByLabel('Đơn vị', { exact: true }).selectOption({ label: 'Xã Bình Khánh' });
    await page.getByLabel('Từ ngày').fill(vietnamDate(5));
    await page.getByLabel('Đến ngày').fill(vietnamDate(1));
    await page.getByRole('button', { name: 'Tạo kế hoạch kiểm tra' }).click();
    const legalBasis = page.getByLabel('Căn cứ pháp lý');
    await page.locator('textarea[aria-invalid=true]').first().waitFor();
    expect(await legalBasis.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await legalBasis.getAttribute('aria-describedby'))!;
    expect((await page.locator(`[id="${describedBy}"]`).innerText()).length).toBeGreaterThan(3);
    expect(await page.getByLabel('Tên kế hoạch').inputValue()).toBe('Kế hoạch thiếu căn cứ');

    // The network fails on the next try: a sentence says so and nothing typed is lost. (The corrected
    // form is a new intent with a new Idempotency-Key; reusing the refused one would be refused.)
    await legalBasis.fill('Kế hoạch số 9/KH-UBND');
    await page.getByLabel('Đến ngày').fill(vietnamDate(9));
    await page.route('**/api/v1/campaigns', (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
    await page.getByRole('button', { name: 'Tạo kế hoạch kiểm tra' }).click();
    await page.getByText('Không kết nối được máy chủ').waitFor();
    expect(await legalBasis.inputValue()).toBe('Kế hoạch số 9/KH-UBND');
    await page.unroute('**/api/v1/campaigns');
    await page.getByRole('button', { name: 'Tạo kế hoạch kiểm tra' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kế hoạch thiếu căn cứ' }).waitFor();
  });

  it('shows a refused state change in words that name the state, from a page that was out of date', async () => {
    const { inspectionId } = await new Scenario(stack).plannedInspection({ units: [stack.people.units.b] });
    const lead = await open();
    await logIn(lead, stack.people.lead);
    await lead.page.goto(`/inspections/${inspectionId}`);
    const stale = await lead.context.newPage();
    await stale.goto(`/inspections/${inspectionId}`);
    // The page is out of date only once it has shown the planned inspection: goto returns at the
    // load event, before the inspection is fetched, and a fetch after the start would be current.
    const staleStart = stale.getByRole('button', { name: 'Bắt đầu kiểm tra' });
    await staleStart.waitFor();
    await lead.page.getByRole('button', { name: 'Bắt đầu kiểm tra' }).click();
    await waitForStep(lead.page, 'Đang kiểm tra');
    await staleStart.click();
    const alert = stale.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toMatch(/in_progress|đang kiểm tra|Đang kiểm tra/i);
    await stale.close();
  });

  it('records a dissent, requests and grants an extension, and cancels a follow-up', async () => {
    const scenario = new Scenario(stack);
    const { inspectionId } = await scenario.plannedInspection({ units: [stack.people.units.c] });
    await scenario.start(inspectionId);
    const findingId = await scenario.finding(inspectionId);
    await scenario.endVisit(inspectionId);
    await scenario.conclude(inspectionId, [{ findingId }]);

    const inspector = await open();
    await logIn(inspector, stack.people.inspector2);
    await inspector.page.goto(`/inspections/${inspectionId}`);
    await inspector.page.getByLabel('Ý kiến khác').fill('Đề nghị xếp loại thấp hơn.');
    await inspector.page.getByRole('button', { name: 'Ghi ý kiến khác' }).click();
    // The saved dissent in the list (the text alone also matches the field it was typed into).
    await inspector.page.getByRole('listitem').filter({ hasText: 'Đề nghị xếp loại thấp hơn.' }).waitFor();
    await scenario.approve(inspectionId);

    const head = await open();
    await logIn(head, stack.people.headC);
    await head.page.goto(`/inspections/${inspectionId}`);
    await head.page.getByLabel('Lý do xin gia hạn').fill('Đơn vị đang tổ chức đại hội.');
    await head.page.getByLabel('Xin gia hạn đến ngày').fill(vietnamDate(25));
    await head.page.getByRole('button', { name: 'Xin gia hạn' }).click();
    await head.page.getByText('Đang chờ trưởng đoàn quyết định').waitFor();

    const lead = await open();
    await logIn(lead, stack.people.lead);
    await lead.page.goto(`/inspections/${inspectionId}`);
    await lead.page.getByLabel('Ghi chú').fill('Đồng ý.');
    await lead.page.getByRole('button', { name: 'Đồng ý gia hạn' }).click();
    await lead.page.getByText('Đã đồng ý gia hạn').waitFor();

    // The unit answers; the lead schedules a follow-up and cancels it.
    await scenario.respond(inspectionId, stack.people.headC, [{ findingId, position: 'accepted' }]);
    await lead.page.reload();
    await waitForStep(lead.page, 'Đang khắc phục');
    await lead.page.getByLabel('Từ ngày').fill(vietnamDate(40));
    await lead.page.getByLabel('Đến ngày').fill(vietnamDate(45));
    await lead.page.getByRole('button', { name: 'Lên lịch kiểm tra lại' }).click();
    await waitForStep(lead.page, 'Đã lên kế hoạch');
    expect(new URL(lead.page.url()).pathname).not.toBe(`/inspections/${inspectionId}`);
    await lead.page.getByRole('button', { name: 'Hủy cuộc kiểm tra' }).click();
    await lead.page.getByLabel('Lý do hủy').fill('Đơn vị đã khắc phục xong.');
    await lead.page.getByRole('button', { name: 'Hủy cuộc kiểm tra' }).click();
    await waitForStep(lead.page, 'Đã hủy');
  });
});
