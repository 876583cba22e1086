import { Page } from 'playwright-core';
import { activate, choose, openBrowser, Person, tabTo, typeDate, typeInto, vietnamDate, waitForStep, useBrowserStack } from '../harness/browser';
import { TEST_PASSWORD, TestUser } from '../harness/people';

/**
 * The lifecycle with the keyboard alone: every move is Tab, typing, Enter or Space; the mouse is
 * never used (no click(), fill() or check() below). Addresses are typed as a person would.
 */
describe('the console with the keyboard alone', () => {
  const { stack, browser } = useBrowserStack();
  const people: Person[] = [];

  afterAll(async () => {
    await Promise.all(people.map((person) => person.close().catch(() => undefined)));
  });

  async function logInByKeyboard(user: TestUser): Promise<Page> {
    const person = await openBrowser(browser, stack);
    people.push(person);
    const page = person.page;
    await page.goto('/login');
    await typeInto(page, page.getByLabel('Tên đăng nhập'), user.username);
    await typeInto(page, page.getByLabel('Mật khẩu'), TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor();
    return page;
  }

  it('plans, visits, concludes, approves, answers, remedies, verifies and closes an inspection', async () => {
    const { lead, inspector1, chairman, headA } = stack.people;

    const l = await logInByKeyboard(lead);
    await activate(l, l.getByRole('navigation').getByRole('link', { name: 'Kế hoạch kiểm tra' }));
    await activate(l, l.getByRole('link', { name: 'Tạo kế hoạch kiểm tra' }));
    await typeInto(l, l.getByLabel('Tên kế hoạch'), 'Kiểm tra bằng bàn phím');
    await typeInto(l, l.getByLabel('Căn cứ pháp lý'), 'Kế hoạch số 2/KH-UBND');
    await activate(l, l.getByRole('checkbox', { name: 'inspector1' }), 'Space');
    // Until the units load, the select holds only its placeholder.
    await l.getByLabel('Đơn vị', { exact: true }).locator('option', { hasText: 'Xã Bình Khánh' }).waitFor({ state: 'attached' });
    await choose(l, l.getByLabel('Đơn vị', { exact: true }), 'Xã', stack.people.units.a);
    await typeDate(l, l.getByLabel('Từ ngày'), vietnamDate(0));
    await typeDate(l, l.getByLabel('Đến ngày'), vietnamDate(7));
    await activate(l, l.getByRole('button', { name: 'Tạo kế hoạch kiểm tra' }));
    await l.getByRole('heading', { level: 1, name: 'Kiểm tra bằng bàn phím' }).waitFor();
    await activate(l, l.getByRole('link', { name: 'Mở cuộc kiểm tra: Xã Bình Khánh' }));
    await activate(l, l.getByRole('button', { name: 'Bắt đầu kiểm tra' }));
    await waitForStep(l, 'Đang kiểm tra');
    const inspectionPath = new URL(l.url()).pathname;

    const i = await logInByKeyboard(inspector1);
    await activate(i, i.getByRole('link', { name: 'Cuộc kiểm tra đang diễn ra: Xã Bình Khánh' }));
    // The criteria come with the checklist, a moment after the screen.
    await i.getByLabel('Tiêu chí').locator('option', { hasText: 'KL-01' }).waitFor({ state: 'attached' });
    await choose(i, i.getByLabel('Tiêu chí'), 'KL-01', 'KL-01');
    await typeInto(i, i.getByLabel('Nội dung tồn tại'), 'Vắng mặt trong giờ làm việc.');
    await activate(i, i.getByRole('button', { name: 'Ghi nhận tồn tại' }));
    await i.getByText('Tồn tại đã ghi nhận (1)').waitFor();
    // After recording, the focus is back on the criterion, ready for the next finding.
    expect(await i.getByLabel('Tiêu chí').evaluate((element) => element === (element.ownerDocument as any).activeElement)).toBe(true);

    await l.reload();
    await activate(l, l.getByRole('button', { name: 'Kết thúc kiểm tra' }));
    await waitForStep(l, 'Đang dự thảo kết luận');
    await typeInto(l, l.getByLabel('Nội dung kết luận'), 'Còn tồn tại về giờ làm việc.');
    await choose(l, l.getByLabel('Xếp loại'), 'Kh', 'fair');
    await typeInto(l, l.getByLabel('Yêu cầu khắc phục cho KL-01'), 'Chấn chỉnh giờ làm việc.');
    await typeDate(l, l.getByLabel('Thời hạn hoàn thành (KL-01)'), vietnamDate(30));
    await activate(l, l.getByRole('button', { name: 'Trình kết luận' }));
    await waitForStep(l, 'Chờ phê duyệt');

    const c = await logInByKeyboard(chairman);
    await activate(c, c.getByRole('link', { name: 'Phê duyệt kết luận: Xã Bình Khánh' }));
    await activate(c, c.getByRole('button', { name: 'Phê duyệt' }));
    await c.getByText('Không có kết luận nào chờ phê duyệt.').waitFor();

    const h = await logInByKeyboard(headA);
    await activate(h, h.getByRole('link', { name: /Gửi phản hồi kết luận/ }));
    await activate(h, h.getByRole('radio', { name: 'Chấp nhận' }), 'Space');
    await typeInto(h, h.getByLabel('Giải thích (KL-01)'), 'Đơn vị tiếp thu.');
    await typeInto(h, h.getByLabel('Người chịu trách nhiệm khắc phục (KL-01)'), 'Chủ tịch UBND xã');
    await typeDate(h, h.getByLabel(/Hạn hoàn thành .*\(KL-01\)/), vietnamDate(20));
    await activate(h, h.getByRole('button', { name: 'Gửi phản hồi' }));
    await waitForStep(h, 'Đang khắc phục');
    await typeInto(h, h.getByLabel('Nội dung đã khắc phục'), 'Đã chấn chỉnh.');
    await activate(h, h.getByRole('button', { name: 'Báo cáo đã khắc phục' }));
    await h.getByText('Đã báo cáo, chờ kiểm tra').waitFor();

    await l.goto(inspectionPath);
    await activate(l, l.getByRole('button', { name: 'Xác nhận đạt' }));
    await waitForStep(l, 'Đã kết thúc');
    await tabTo(l, l.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' }));
  });
});
