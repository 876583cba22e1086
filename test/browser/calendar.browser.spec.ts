import { Browser } from 'playwright-core';
import { defaultCalendar, toLocalDate } from '@inspectorate/domain';
import { axeViolations, launchChromium, logIn, openBrowser, Person } from '../harness/browser';
import { switchLanguage } from '../harness/browser-extras';
import { Scenario } from '../harness/scenario';
import { startStack, TestStack } from '../harness/stack';

/** dd/mm/yyyy, as the console writes a day. */
const shown = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/**
 * The working-day calendar screen over the real stack: the admin reads a year, adds a day off,
 * sees how many running inspections it would move and applies it; the lead then reads the
 * recount in the inspection's history, in Vietnamese.
 */
describe('the console: the working-day calendar', () => {
  let stack: TestStack;
  let browser: Browser;
  let admin: Person;
  let lead: Person;
  let inspectionId: string;
  const dayOff = defaultCalendar.addWorkingDays(toLocalDate(new Date()), 1);

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
    const scenario = new Scenario(stack);
    ({ inspectionId } = await scenario.plannedInspection());
    await scenario.start(inspectionId);
    await scenario.finding(inspectionId);
    await scenario.endVisit(inspectionId);
    [admin, lead] = await Promise.all([openBrowser(browser, stack), openBrowser(browser, stack)]);
    await logIn(admin, stack.people.admin);
    await logIn(lead, stack.people.lead);
  });

  afterAll(async () => {
    await admin?.close();
    await lead?.close();
    await browser?.close();
    await stack?.stop();
  });

  it('shows a year’s days with their sources, and warns of a year without a calendar', async () => {
    const { page } = admin;
    await page.goto('/admin/units');
    await page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Lịch ngày làm việc' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lịch ngày làm việc' }).waitFor();
    await page.getByLabel('Năm').selectOption('2026');
    await page.getByRole('cell', { name: 'Tết Nguyên đán (mùng 1)' }).waitFor();
    const tet = await page.getByRole('row', { name: /17\/02\/2026/ }).innerText();
    expect(tet).toContain('Thứ Ba 17/02/2026');
    expect(tet).toContain('9441/TB-BNV');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto('/admin/calendar?year=2031');
    await page.getByRole('alert').getByText('Chưa có lịch ngày làm việc năm 2031').waitFor();
    await page.getByText('Năm này chưa có ngày nào trong lịch.').waitFor();
  });

  it('adds a day off, refuses a wrong one beside its field, and applies the correction to the running inspection', async () => {
    const { page } = admin;
    await page.goto(`/admin/calendar?year=${dayOff.slice(0, 4)}`);
    const correction = page.getByRole('form', { name: 'Áp dụng điều chỉnh lịch cho các cuộc kiểm tra đang thực hiện' });
    await correction.getByText('0 cuộc kiểm tra đang thực hiện có thời hạn sẽ thay đổi.').waitFor();

    const form = page.getByRole('form', { name: 'Thêm ngày vào lịch' });
    // A make-up working day must be a weekend day: the server says so beside the date.
    await form.getByLabel('Ngày', { exact: true }).fill(dayOff);
    await form.getByLabel('Loại ngày').selectOption({ label: 'Ngày làm bù' });
    await form.getByLabel('Tên tiếng Việt').fill('Nghỉ bổ sung (thử)');
    await form.getByLabel('Tên tiếng Anh').fill('Extra day off (test)');
    await form.getByLabel('Căn cứ (văn bản công bố)').fill('Thông báo thử số 1/TB-BNV');
    await form.getByRole('button', { name: 'Thêm vào lịch' }).click();
    await form.getByText('phải là thứ Bảy hoặc Chủ nhật đối với ngày làm bù').waitFor();
    expect(await form.getByLabel('Ngày', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Loại ngày').selectOption({ label: 'Ngày nghỉ' });
    await form.getByRole('button', { name: 'Thêm vào lịch' }).click();
    await form.getByText(`Đã lưu ngày ${shown(dayOff)}.`).waitFor();
    await page.getByRole('cell', { name: 'Nghỉ bổ sung (thử)' }).waitFor();

    await correction.getByText('1 cuộc kiểm tra đang thực hiện có thời hạn sẽ thay đổi.').waitFor();
    expect(await correction.getByRole('listitem').innerText()).toMatch(/^Xã Bình Khánh: hạn ban hành kết luận từ \d\d\/\d\d\/\d{4} thành \d\d\/\d\d\/\d{4}$/);
    expect(await axeViolations(page)).toEqual([]);
    await correction.getByLabel('Lý do điều chỉnh').fill('Áp dụng Thông báo thử số 1/TB-BNV');
    await correction.getByRole('button', { name: 'Áp dụng cho 1 cuộc kiểm tra' }).click();
    await correction.getByText('Đã tính lại thời hạn của 1 cuộc kiểm tra.').waitFor();
    await correction.getByText('0 cuộc kiểm tra đang thực hiện có thời hạn sẽ thay đổi.').waitFor();

    // The lead reads the recount in the inspection's history.
    await lead.page.goto(`/inspections/${inspectionId}`);
    const timeline = lead.page.getByRole('region', { name: 'Diễn biến' });
    await timeline.getByText('Tính lại thời hạn theo lịch điều chỉnh').waitFor();
    expect(await timeline.getByRole('listitem').last().innerText()).toMatch(/Hạn ban hành kết luận: từ .+ thành .+ \(Áp dụng Thông báo thử số 1\/TB-BNV\)/);
  });

  it('edits and removes a day, and reads in English', async () => {
    const { page } = admin;
    await page.goto(`/admin/calendar?year=${dayOff.slice(0, 4)}`);
    await page.getByRole('button', { name: `Sửa ngày ${shown(dayOff)}` }).click();
    const form = page.getByRole('form', { name: `Sửa ngày ${shown(dayOff)}` });
    await form.getByLabel('Căn cứ (văn bản công bố)').fill('Thông báo thử số 2/TB-BNV');
    await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByRole('cell', { name: 'Thông báo thử số 2/TB-BNV' }).waitFor();
    const stored = (await stack.api.get(stack.people.admin, `/calendar/entries?year=${dayOff.slice(0, 4)}`)).body.entries.find((e: { date: string }) => e.date === dayOff);
    expect(stored).toMatchObject({ source: 'Thông báo thử số 2/TB-BNV', kind: 'holiday' });

    await page.getByRole('button', { name: `Xóa ngày ${shown(dayOff)}` }).click();
    await page.getByRole('cell', { name: 'Nghỉ bổ sung (thử)' }).waitFor({ state: 'detached' });
    await page.getByText('1 cuộc kiểm tra đang thực hiện có thời hạn sẽ thay đổi.').waitFor();

    await switchLanguage(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Working-day calendar' }).waitFor();
    await page.getByText('1 running inspection has a deadline that would move.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await switchLanguage(page, 'vi');
  });
});
