import { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, logIn, openBrowser, PHONE, screenshot } from '../harness/browser';
import { scrollsSideways, switchLanguage, tabFromTop, unexpectedErrors } from '../harness/browser-extras';
import { Scenario } from '../harness/scenario';
import { startStack, TestStack } from '../harness/stack';
import { inDays } from '../harness/time';

const ABSENT = 'Hai công chức vắng mặt không lý do lúc 8 giờ 30.';
const BADGE = 'Cán bộ một cửa chưa đeo thẻ, thái độ thiếu niềm nở với người dân.';
const DUC = 'Công chức Đặng Văn Đức vắng mặt cả buổi sáng.';
const FILLERS = 26;

/** The descriptions the results table shows, top to bottom. */
const shown = (page: Page) => page.locator('tbody tr td.prewrap').allInnerTexts();

/** Waits until the results are exactly `expected` (a new search replaces the list once its answer is in). */
async function showsExactly(page: Page, expected: string[]): Promise<void> {
  const deadline = Date.now() + 20_000;
  let last: string[] = [];
  while (Date.now() < deadline) {
    last = await shown(page);
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await page.waitForTimeout(100);
  }
  expect(last).toEqual(expected);
}

/**
 * Findings searched across inspections (issue 11, item 10), through the console: words without
 * accents, criterion, severity, unit and year, each result opening its inspection, a page at a
 * time; keyboard only, 360 px wide, both languages; not offered to a unit head.
 */
describe('the console: search findings', () => {
  let stack: TestStack;
  let browser: Browser;
  const ids = { a: '', b: '' };
  const year = Number(inDays(0).slice(0, 4));

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
    const scenario = new Scenario(stack);
    const { units } = stack.people;
    const a = await scenario.plannedInspection({ units: [units.a] });
    const b = await scenario.plannedInspection({ units: [units.b] });
    Object.assign(ids, { a: a.inspectionId, b: b.inspectionId });
    await scenario.start(ids.a);
    await scenario.start(ids.b);
    // More than a page (25) of findings, so the list pages; the three the searches look for come last (newest).
    for (let n = 1; n <= FILLERS; n += 1) await scenario.finding(ids.b, stack.people.inspector2, { criterionCode: 'VH-01', severity: 'minor', description: `Bảng niêm yết số ${n} đã cũ.` });
    await scenario.finding(ids.a, stack.people.inspector1, { criterionCode: 'KL-01', severity: 'major', description: ABSENT });
    await scenario.finding(ids.a, stack.people.inspector1, { criterionCode: 'UX-01', severity: 'minor', description: BADGE });
    await scenario.finding(ids.b, stack.people.inspector1, { criterionCode: 'KL-01', severity: 'critical', description: DUC });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('finds by words without accents, criterion, severity, unit and year, a page at a time', async () => {
    const person = await openBrowser(browser, stack);
    try {
      const { page } = person;
      await logIn(person, stack.people.lead);
      await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tra cứu tồn tại' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tra cứu tồn tại' }).waitFor();
      await page.getByRole('cell', { name: DUC }).waitFor();
      expect(await shown(page)).toHaveLength(25);
      expect((await shown(page)).slice(0, 3)).toEqual([DUC, BADGE, ABSENT]);
      await page.getByRole('button', { name: 'Xem thêm' }).click();
      await page.locator('tbody tr').nth(FILLERS + 2).waitFor();
      expect(await shown(page)).toHaveLength(FILLERS + 3);
      expect(await page.getByRole('button', { name: 'Xem thêm' }).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);

      const form = page.getByRole('search', { name: 'Tra cứu tồn tại' });
      const search = async (fields: Partial<Record<'Từ khóa' | 'Tiêu chí' | 'Năm', string>>, choices: Partial<Record<'Mức độ' | 'Đơn vị', string>> = {}) => {
        for (const label of ['Từ khóa', 'Tiêu chí', 'Năm'] as const) await form.getByLabel(label, { exact: true }).fill(fields[label] ?? '');
        await form.getByLabel('Mức độ').selectOption({ label: choices['Mức độ'] ?? 'Mọi mức độ' });
        await form.getByLabel('Đơn vị').selectOption({ label: choices['Đơn vị'] ?? 'Mọi đơn vị' });
        await form.getByRole('button', { name: 'Tìm kiếm' }).click();
      };

      // Without accents: "vang mat" finds "vắng mặt"; "duc" finds "Đức".
      await search({ 'Từ khóa': 'vang mat' });
      await page.waitForURL(/q=vang\+mat/);
      await showsExactly(page, [DUC, ABSENT]);
      await search({ 'Từ khóa': 'vang mat' }, { 'Mức độ': 'Rất nghiêm trọng' });
      await showsExactly(page, [DUC]);
      await search({ 'Tiêu chí': 'UX-01' });
      await showsExactly(page, [BADGE]);
      await search({ 'Từ khóa': 'duc' });
      await showsExactly(page, [DUC]);
      await search({}, { 'Đơn vị': 'Xã Bình Khánh' });
      await showsExactly(page, [BADGE, ABSENT]);
      expect(await page.locator('tbody tr').first().innerText()).toMatch(/Xã Bình Khánh\s+UX-01\s+Nhẹ/);
      await search({ 'Năm': String(year) }, { 'Mức độ': 'Nghiêm trọng' });
      await showsExactly(page, [ABSENT]);
      await search({ 'Năm': String(year - 1) });
      await page.getByText('Không có tồn tại nào phù hợp.').waitFor();
      // A year that is none: the API's sentence beside the field.
      await search({ 'Năm': 'abc' });
      await form.locator('.field-error').waitFor();
      expect(await form.getByLabel('Năm').getAttribute('aria-invalid')).toBe('true');
      expect(await axeViolations(page)).toEqual([]);

      // The search is in the address: a reload keeps it; each result opens its inspection.
      await search({ 'Từ khóa': 'the' }, { 'Đơn vị': 'Xã Bình Khánh' });
      await page.reload();
      await page.getByRole('cell', { name: BADGE }).waitFor();
      expect(await form.getByLabel('Từ khóa').inputValue()).toBe('the');
      await showsExactly(page, [BADGE]);
      await screenshot(page, 'lead-finding-search-vi');
      await page.getByRole('link', { name: /^Mở cuộc kiểm tra Xã Bình Khánh, tồn tại UX-01/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Kiểm tra Xã Bình Khánh' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/inspections/${ids.a}`);
      expect(unexpectedErrors(person, [400, 401])).toEqual([]);
    } finally {
      await person.close();
    }
  });

  it('works with the keyboard alone, 360 px wide, in English', async () => {
    const person = await openBrowser(browser, stack, { viewport: PHONE });
    try {
      const { page } = person;
      await logIn(person, stack.people.chairman);
      await page.goto('/findings');
      await page.getByRole('heading', { level: 1, name: 'Tra cứu tồn tại' }).waitFor();
      await switchLanguage(page, 'en');
      try {
        await page.getByRole('heading', { level: 1, name: 'Search findings' }).waitFor();
        await tabFromTop(page, page.getByLabel('Words'));
        await page.keyboard.type('thai do');
        await page.keyboard.press('Enter');
        await page.waitForURL(/q=thai\+do/);
        await page.getByRole('cell', { name: BADGE }).waitFor();
        await showsExactly(page, [BADGE]);
        expect(await page.locator('tbody tr').first().innerText()).toContain('Minor');
        expect(await scrollsSideways(page)).toBe(false);
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'chairman-finding-search-phone-en');
        await tabFromTop(page, page.getByRole('link', { name: /^Open inspection Xã Bình Khánh, finding UX-01/ }), 80);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 1, name: 'Inspection of Xã Bình Khánh' }).waitFor();
      } finally {
        await switchLanguage(page, 'vi');
      }
      expect(unexpectedErrors(person)).toEqual([]);
    } finally {
      await person.close();
    }
  });

  it('is not offered to a unit head', async () => {
    const person = await openBrowser(browser, stack);
    try {
      await logIn(person, stack.people.headA);
      expect(await person.page.getByRole('navigation').getByRole('link', { name: 'Tra cứu tồn tại' }).count()).toBe(0);
      await person.page.goto('/findings');
      await person.page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }).waitFor();
      expect(person.requests.filter((r) => r.includes('/api/v1/findings'))).toEqual([]);
    } finally {
      await person.close();
    }
  });
});
