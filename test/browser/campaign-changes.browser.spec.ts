import { Browser } from 'playwright-core';
import { axeViolations, DESKTOP, launchChromium, logIn, openBrowser, Person, PHONE } from '../harness/browser';
import { scrollsSideways, switchLanguage } from '../harness/browser-extras';
import { eventually, Scenario } from '../harness/scenario';
import { startStack, TestStack } from '../harness/stack';

/** The lead changes a running campaign on its screen: details, team, a planned target, and finally cancels it. */
describe('the console: changing a campaign', () => {
  let stack: TestStack;
  let browser: Browser;
  const people: Person[] = [];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  });

  afterAll(async () => {
    await Promise.all(people.map((person) => person.close().catch(() => undefined)));
    await browser?.close();
    await stack?.stop();
  });

  const open = async (viewport = DESKTOP) => {
    const person = await openBrowser(browser, stack, { viewport });
    people.push(person);
    return person;
  };

  it('edits, changes the team, removes a planned target and cancels, each confirmed, in Vietnamese', async () => {
    const scenario = new Scenario(stack);
    const campaign = await scenario.campaign({ units: [stack.people.units.a, stack.people.units.b] });
    const started = campaign.targets.find((t: { unitId: string }) => t.unitId === stack.people.units.b).inspectionId;
    await scenario.start(started);
    const lead = await open();
    const page = lead.page;
    await logIn(lead, stack.people.lead);
    await page.goto(`/campaigns/${campaign.id}`);

    await page.getByRole('button', { name: 'Sửa tên và căn cứ' }).click();
    // The open panel takes a line of its own: the other changes stay buttons one line high beside it.
    expect((await page.getByRole('button', { name: 'Thay đổi đoàn kiểm tra' }).boundingBox())!.height).toBeLessThan(80);
    await page.getByLabel('Tên kế hoạch').fill('Kiểm tra công vụ quý III');
    await page.getByLabel('Căn cứ pháp lý').fill('Kế hoạch số 77/KH-UBND');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra công vụ quý III' }).waitFor();
    await page.getByText('Kế hoạch số 77/KH-UBND').waitFor();

    await page.getByRole('button', { name: 'Thay đổi đoàn kiểm tra' }).click();
    await page.getByRole('checkbox', { name: 'outsider' }).check();
    await page.getByRole('checkbox', { name: 'inspector2' }).uncheck();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('lead, inspector1, outsider').waitFor();

    await page.getByRole('button', { name: 'Bỏ khỏi kế hoạch: Xã Bình Khánh' }).click();
    const remove = page.getByRole('dialog', { name: 'Bỏ Xã Bình Khánh khỏi kế hoạch?' });
    await remove.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Without a reason it is refused beside the field, and nothing changes.
    await remove.getByRole('button', { name: 'Bỏ khỏi kế hoạch', exact: true }).click();
    await remove.locator('textarea[aria-invalid=true]').waitFor();
    await remove.getByLabel('Lý do').fill('Đơn vị vừa được thanh tra chuyên ngành.');
    await remove.getByRole('button', { name: 'Bỏ khỏi kế hoạch', exact: true }).click();
    await page.getByText('đã bỏ khỏi kế hoạch').waitFor();
    expect(await page.getByRole('button', { name: 'Bỏ khỏi kế hoạch: Xã Bình Khánh' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Hủy kế hoạch kiểm tra' }).click();
    const cancel = page.getByRole('dialog', { name: 'Hủy kế hoạch kiểm tra “Kiểm tra công vụ quý III”?' });
    await cancel.getByLabel('Lý do').fill('Sáp nhập đơn vị hành chính.');
    // Back closes the dialog and changes nothing; the reason typed is kept for the next try.
    await cancel.getByRole('button', { name: 'Quay lại' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('button', { name: 'Hủy kế hoạch kiểm tra' }).click();
    expect(await cancel.getByLabel('Lý do').inputValue()).toBe('Sáp nhập đơn vị hành chính.');
    await cancel.getByRole('button', { name: 'Hủy kế hoạch kiểm tra' }).click();
    await page.getByText(/Đã hủy ngày \d\d\/\d\d\/\d{4}: Sáp nhập đơn vị hành chính\./).waitFor();
    expect(await page.getByRole('button', { name: 'Sửa tên và căn cứ' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Hủy kế hoạch kiểm tra' }).count()).toBe(0);
    // The inspection follows the campaign through its workflow, past the answer's bounded wait.
    await eventually(async () => ((await stack.api.get(stack.people.lead, `/inspections/${started}`)).body.status === 'cancelled' ? true : undefined));
    await page.reload();
    expect(await page.getByRole('row').filter({ hasText: 'Phòng Nội vụ' }).innerText()).toContain('Đã hủy');
    expect(await axeViolations(page)).toEqual([]);

    const api = await stack.api.expect(200, stack.api.get(stack.people.chairman, `/campaigns/${campaign.id}`));
    expect(api).toMatchObject({ status: 'cancelled', title: 'Kiểm tra công vụ quý III', inspectorIds: [stack.people.inspector1.id, stack.people.outsideInspector.id] });
  });

  it('offers the chairman the team and the cancellation only, in English', async () => {
    const campaign = await new Scenario(stack).campaign({ units: [stack.people.units.c] });
    const chairman = await open();
    await logIn(chairman, stack.people.chairman);
    await chairman.page.goto(`/campaigns/${campaign.id}`);
    await switchLanguage(chairman.page, 'en');
    await chairman.page.getByRole('button', { name: 'Change the team' }).waitFor();
    await chairman.page.getByRole('button', { name: 'Cancel the campaign' }).waitFor();
    expect(await chairman.page.getByRole('button', { name: 'Edit title and legal basis' }).count()).toBe(0);
    expect(await chairman.page.getByRole('button', { name: /Remove from the campaign/ }).count()).toBe(0);
    await chairman.page.getByRole('button', { name: 'Cancel the campaign' }).click();
    await chairman.page.getByRole('dialog', { name: /^Cancel the campaign “/ }).getByText('Every inspection of the campaign that is not yet closed is cancelled with this reason. This cannot be undone.').waitFor();
    expect(await axeViolations(chairman.page)).toEqual([]);
  });

  it('on a phone, an open change fits the screen: the page never scrolls sideways, the other changes keep their size', async () => {
    const campaign = await new Scenario(stack).campaign({ units: [stack.people.units.a] });
    const lead = await open(PHONE);
    const page = lead.page;
    await logIn(lead, stack.people.lead);
    await page.goto(`/campaigns/${campaign.id}`);
    // Measured once the unit's name has replaced its placeholder ('…').
    await page.getByRole('cell', { name: 'Xã Bình Khánh', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Sửa tên và căn cứ' }).click();
    const title = page.getByLabel('Tên kế hoạch');
    await title.waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    const field = (await title.boundingBox())!;
    expect(field.x + field.width).toBeLessThanOrEqual(PHONE.width);
    // The buttons of the other changes are one line high, not stretched to the open panel's height.
    const team = (await page.getByRole('button', { name: 'Thay đổi đoàn kiểm tra' }).boundingBox())!;
    expect(team.height).toBeLessThan(80);
    expect(await axeViolations(page)).toEqual([]);
  });
});
