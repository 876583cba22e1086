import { Workbook } from 'exceljs';
import { csvSections } from '../e2e/reports.csv-reader';
import { axeViolations, logIn, openBrowser, Person, useBrowserStack } from '../harness/browser';
import { figure, savedFile, switchLanguage, tabFromTop } from '../harness/browser-extras';
import { eventually, Scenario } from '../harness/scenario';
import { inDays } from '../harness/time';

/**
 * The chairman's reports in the browser, over the real stack. The year is played through the API:
 * one campaign of units A and B (A's inspection closed, B's still planned), and one of unit C whose
 * response was due in 2 seconds and is now overdue, with an accountability case.
 */
describe('the console: reports', () => {
  const { stack, browser } = useBrowserStack();
  let chairman: Person;
  let campaignId: string;
  let closedId: string;
  const year = Number(inDays(0).slice(0, 4));
  const yesterday = inDays(-1);

  beforeAll(async () => {
    const s = new Scenario(stack);
    const { units, headA, chairman: chair } = stack.people;
    const campaign = await s.campaign({ units: [units.a, units.b] });
    campaignId = campaign.id;
    closedId = campaign.targets.find((t: { unitId: string }) => t.unitId === units.a).inspectionId;
    await s.start(closedId);
    const findingId = await s.finding(closedId);
    await s.endVisit(closedId);
    await s.conclude(closedId, [{ findingId }], 'good');
    await s.approve(closedId);
    const remediating = await s.respond(closedId, headA, [{ findingId, position: 'accepted' }]);
    await s.report(closedId, headA, remediating.actions[0].id);
    expect((await s.verify(closedId, remediating.actions[0].id)).status).toBe('closed');

    const late = await s.awaitingResponse({ units: [units.c], policy: { responseDeadline: { duration: 'PT2S' }, reminderOffsets: [] } });
    await eventually(async () => {
      const cases = await stack.api.get(chair, '/accountability-cases');
      return cases.body.items?.some((c: { inspectionId: string }) => c.inspectionId === late.inspectionId) ? true : undefined;
    }, 60_000);
    chairman = await openBrowser(browser, stack);
    await logIn(chairman, stack.people.chairman);
  });

  afterAll(async () => {
    await chairman?.close();
  });

  it("shows today's dashboard with the inspection closed through the API, and the same dashboard as of yesterday with yesterday's figures", async () => {
    const { page } = chairman;
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Báo cáo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo tổng hợp' }).waitFor();
    await page.getByRole('heading', { level: 2, name: `Năm ${year}` }).waitFor();
    expect(await figure(page, 'Cuộc kiểm tra theo kế hoạch')).toBe('3');
    expect(await figure(page, 'Đã kiểm tra / kế hoạch')).toBe('2/3 (66,7%)');
    expect(await figure(page, 'Đã kết thúc / đã kiểm tra')).toBe('1/2 (50,0%)');
    expect(await figure(page, 'Phản hồi đúng hạn')).toBe('1/2 (50,0%)');
    expect(await figure(page, 'Khắc phục hoàn thành')).toBe('1/1 (100,0%)');
    expect(await figure(page, 'Việc quá hạn')).toBe('1');
    expect(await figure(page, 'Vụ việc xem xét trách nhiệm đang mở')).toBe('1');
    // The charts' captions and the tables beside them carry the numbers in words.
    await page.getByRole('figure', { name: 'Tồn tại theo mức độ: 2 tồn tại, 1 còn mở' }).waitFor();
    await page.getByRole('figure', { name: 'Tồn tại theo tiêu chí' }).waitFor();
    const ranked = page
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: 'Hạng' }) })
      .filter({ has: page.getByRole('columnheader', { name: 'Tồn tại còn mở' }) });
    expect(await ranked.getByRole('row').nth(1).innerText()).toMatch(/Thị trấn Cần Thạnh\s+1/);
    const byRating = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Xếp loại' }) });
    expect(await byRating.getByRole('row').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/Xã Bình Khánh\s+Tốt/)]));
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Tính đến ngày').fill(yesterday);
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();
    await page.waitForURL((url) => url.searchParams.get('asOf') === yesterday);
    await page.getByText('dựng lại từ nhật ký sự kiện').waitFor();
    expect(await figure(page, 'Cuộc kiểm tra theo kế hoạch')).toBe('0');
    expect(await figure(page, 'Đã kết thúc / đã kiểm tra')).toBe('0/0 (–)');
    expect(await figure(page, 'Việc quá hạn')).toBe('0');
    expect(chairman.requests).toContain(`GET /api/v1/reports/dashboard?asOf=${yesterday}`);

    // The day is in the address: a reload (or a bookmark) shows the same past day.
    await page.reload();
    await page.getByText('dựng lại từ nhật ký sự kiện').waitFor();
    expect(await figure(page, 'Đã kết thúc / đã kiểm tra')).toBe('0/0 (–)');
    await page.getByRole('button', { name: 'Về hôm nay' }).click();
    await page.waitForURL((url) => !url.searchParams.has('asOf'));
    await page.getByText(/^Số liệu đến /).waitFor();
    expect(await figure(page, 'Đã kết thúc / đã kiểm tra')).toBe('1/2 (50,0%)');
  });

  it('downloads the dashboard as CSV and Excel through the session, with the figures on the screen', async () => {
    const { page } = chairman;
    await page.goto('/reports');
    await page.getByRole('heading', { level: 2, name: `Năm ${year}` }).waitFor();

    const csv = await savedFile(page, () => page.getByRole('button', { name: 'Tải CSV' }).click());
    expect(csv.name).toMatch(new RegExp(`^bao-cao-tong-hop-${year}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const summary = csvSections(csv.bytes.toString('utf8').replace(/^\uFEFF/, '')).find((section) => section.title === 'Tổng hợp')!;
    const line = (key: string) => summary.rows.find((row) => row[0] === key)!.slice(2);
    expect(line('inspections.closedOfStarted')).toEqual(['1', '2', '50', '1/2 (50.0%)']);
    expect(line('inspections.startedOfPlanned')).toEqual(['2', '3', '66.7', '2/3 (66.7%)']);

    const xlsx = await savedFile(page, () => page.getByRole('button', { name: 'Tải Excel' }).click());
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Tổng hợp')!;
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === 'inspections.closedOfStarted')!;
    expect([row.getCell(3).value, row.getCell(4).value, row.getCell(6).value]).toEqual([1, 2, '1/2 (50.0%)']);

    // The files came from the API with the Bearer token (a bare link has none and is refused).
    expect(chairman.requests).toEqual(
      expect.arrayContaining([
        `GET /api/v1/reports/dashboard?year=${year}&format=csv`,
        `GET /api/v1/reports/dashboard?year=${year}&format=xlsx`,
      ]),
    );
    const bare = await fetch(`${stack.api.baseUrl}/api/v1/reports/dashboard?year=${year}&format=csv`);
    expect(bare.status).toBe(401);
  });

  it("shows a unit's scorecard, the campaign report with its narrative and the conclusion's PDF, and the overdue list", async () => {
    const { page } = chairman;
    await page.goto('/reports');
    await page.getByRole('link', { name: 'Xã Bình Khánh' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Kết quả kiểm tra: Xã Bình Khánh' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/reports/units/${stack.people.units.a}`);
    expect(await figure(page, 'Đã kết thúc / đã kiểm tra')).toBe('1/1 (100,0%)');
    expect(await figure(page, 'Xếp loại gần nhất')).toBe('Tốt');
    const history = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Năm' }) });
    expect(await history.getByRole('row', { name: new RegExp(`^${year}`) }).innerText()).toMatch(/1\/1 \(100,0%\)/);
    expect(await axeViolations(page)).toEqual([]);
    const unitCsv = await savedFile(page, () => page.getByRole('button', { name: 'Tải CSV' }).click());
    expect(unitCsv.name).toMatch(/\.csv$/);
    expect(csvSections(unitCsv.bytes.toString('utf8').replace(/^\uFEFF/, '')).map((section) => section.title)).toContain('Theo năm');

    await page.goto('/reports');
    // Both campaigns have the same title: the one of units A and B.
    await page.locator(`a[href="/reports/campaigns/${campaignId}"]`).click();
    await page.waitForURL(/\/reports\/campaigns\//);
    const narrative = page.locator('.narrative[lang="vi"]');
    await narrative.waitFor();
    expect(await narrative.innerText()).toMatch(/đơn vị/);
    const unitsTable = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Kết luận' }) });
    expect(await unitsTable.getByRole('row', { name: /Phòng Nội vụ/ }).innerText()).toMatch(/Đã lên kế hoạch/);
    const pdf = await savedFile(page, () => page.getByRole('button', { name: 'Tải PDF kết luận của Xã Bình Khánh' }).click());
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(chairman.requests).toContain(`GET /api/v1/inspections/${closedId}/conclusion.pdf`);
    expect(new URL(page.url()).pathname).toBe(`/reports/campaigns/${campaignId}`);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('navigation', { name: 'Các báo cáo' }).getByRole('link', { name: 'Việc quá hạn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Danh sách việc quá hạn' }).waitFor();
    expect(await figure(page, 'Tổng số việc quá hạn')).toBe('1');
    expect(await figure(page, 'Đơn vị chưa phản hồi kết luận')).toBe('1');
    const overdueRow = page.getByRole('row', { name: /Thị trấn Cần Thạnh/ });
    expect(await overdueRow.getByRole('link', { name: 'Đơn vị chưa phản hồi kết luận' }).getAttribute('href')).toMatch(/^\/inspections\//);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('speaks English after the switch on every report screen, and works with the keyboard alone', async () => {
    const { page } = chairman;
    await page.goto('/reports');
    await page.getByRole('heading', { level: 1, name: 'Báo cáo tổng hợp' }).waitFor();
    await switchLanguage(page, 'en');
    try {
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      await page.getByRole('heading', { level: 2, name: `Year ${year}` }).waitFor();
      expect(await figure(page, 'Closed of visited')).toBe('1/2 (50.0%)');
      expect(await figure(page, 'Visited of planned')).toBe('2/3 (66.7%)');
      await page.getByRole('figure', { name: 'Findings by severity: 2 findings, 1 open' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // Keyboard: from the top of the page to the date, the button, and a download.
      const asOf = page.getByLabel('As of');
      await tabFromTop(page, asOf);
      // The native date field lays out its parts in the browser's own language (here Chromium's
      // en-US: month, day, year), whatever the page's; typed digits move from part to part.
      const [y, m, d] = yesterday.split('-');
      await page.keyboard.type(`${m}${d}${y}`);
      expect(await asOf.inputValue()).toBe(yesterday);
      await tabFromTop(page, page.getByRole('button', { name: 'Show report' }));
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('asOf') === yesterday);
      await page.getByText('rebuilt from the event log').waitFor();
      expect(await figure(page, 'Inspections planned')).toBe('0');
      await page.getByRole('button', { name: 'Back to today' }).click();
      await page.waitForURL((url) => !url.searchParams.has('asOf'));
      await page.getByText(/^Figures as of /).waitFor();
      await tabFromTop(page, page.getByRole('button', { name: 'Download CSV' }));
      const csv = await savedFile(page, () => page.keyboard.press('Enter'));
      expect(csv.name).toMatch(/\.csv$/);

      await page.goto(`/reports/units/${stack.people.units.a}`);
      await page.getByRole('heading', { level: 1, name: 'Inspection results: Xã Bình Khánh' }).waitFor();
      expect(await figure(page, 'Latest rating')).toBe('Good');
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`/reports/campaigns/${campaignId}`);
      await page.getByRole('heading', { level: 2, name: 'Results by unit' }).waitFor();
      await page.getByRole('button', { name: 'Download PDF of the conclusion of Xã Bình Khánh' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.goto('/reports/overdue');
      await page.getByRole('heading', { level: 1, name: 'Everything overdue' }).waitFor();
      expect(await figure(page, 'The unit has not responded to the conclusion')).toBe('1');
      await tabFromTop(page, page.getByRole('link', { name: 'The unit has not responded to the conclusion' }));
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await switchLanguage(page, 'vi');
    }
  });
});
