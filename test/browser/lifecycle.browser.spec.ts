import { Page } from 'playwright-core';
import { axeViolations, logIn, openBrowser, Person, PHONE, PHOTO_PNG, screenshot, vietnamDate, waitForStep, useBrowserStack } from '../harness/browser';

/**
 * The whole lifecycle of one inspection, clicked through in the console by the people who do it,
 * each in their own browser, in Vietnamese: nothing here calls the API directly.
 */
describe('the console: an inspection from plan to closure', () => {
  const { stack, browser } = useBrowserStack();
  const people: Person[] = [];
  const open = async (options?: Parameters<typeof openBrowser>[2]) => {
    const person = await openBrowser(browser, stack, options);
    people.push(person);
    return person;
  };
  const accessible = async (page: Page) => expect(await axeViolations(page)).toEqual([]);

  afterAll(async () => {
    await Promise.all(people.map((person) => person.close().catch(() => undefined)));
  });

  it('is planned, visited, concluded, returned once and approved, answered, upheld, remedied, verified and closed', async () => {
    const { lead, inspector1, chairman, headA } = stack.people;

    // The lead plans a campaign with one secret window that is open today.
    const leadBrowser = await open();
    const l = leadBrowser.page;
    await logIn(leadBrowser, lead);
    await l.getByRole('navigation').getByRole('link', { name: 'Kế hoạch kiểm tra' }).click();
    await l.getByRole('link', { name: 'Tạo kế hoạch kiểm tra' }).click();
    await l.getByLabel('Tên kế hoạch').fill('Kiểm tra công vụ đột xuất 2026');
    await l.getByLabel('Căn cứ pháp lý').fill('Kế hoạch số 1015/KH-UBND');
    await l.getByRole('checkbox', { name: 'inspector1' }).check();
    await l.getByLabel('Đơn vị', { exact: true }).selectOption({ label: 'Xã Bình Khánh' });
    await l.getByLabel('Từ ngày').fill(vietnamDate(0));
    await l.getByLabel('Đến ngày').fill(vietnamDate(7));
    await accessible(l);
    await screenshot(l, 'lead-new-campaign');
    await l.getByRole('button', { name: 'Tạo kế hoạch kiểm tra' }).click();
    await l.getByRole('heading', { level: 1, name: 'Kiểm tra công vụ đột xuất 2026' }).waitFor();
    await l.getByText('Đã kiểm tra: 0/1 (0,0%)').waitFor();
    await accessible(l);

    // ... and starts the visit.
    await l.getByRole('link', { name: 'Mở cuộc kiểm tra: Xã Bình Khánh' }).click();
    await waitForStep(l, 'Đã lên kế hoạch');
    const inspectionPath = new URL(l.url()).pathname;
    await l.getByRole('button', { name: 'Bắt đầu kiểm tra' }).click();
    await waitForStep(l, 'Đang kiểm tra');
    await accessible(l);

    // An inspector records two findings on a phone, the first with a photo from the camera.
    const inspectorBrowser = await open({ viewport: PHONE });
    const i = inspectorBrowser.page;
    await logIn(inspectorBrowser, inspector1);
    await i.goto(`${inspectionPath}/visit`);
    await i.getByRole('heading', { level: 2, name: 'Ghi nhận tồn tại' }).waitFor();
    await i.getByLabel('Tiêu chí').selectOption('KL-01');
    await i.getByLabel('Mức độ').selectOption('major');
    await i.getByLabel('Nội dung tồn tại').fill('Hai công chức vắng mặt trong giờ làm việc buổi sáng.');
    await i.getByLabel('Chụp ảnh làm chứng cứ').setInputFiles({ name: 'anh-chup.png', mimeType: 'image/png', buffer: PHOTO_PNG });
    await i.getByRole('button', { name: 'Ghi nhận tồn tại' }).click();
    await i.getByText('Tồn tại đã ghi nhận (1)').waitFor();
    await i.getByLabel('Tiêu chí').selectOption('KL-02');
    await i.getByLabel('Nội dung tồn tại').fill('Một công chức không đeo thẻ công chức.');
    await i.getByRole('button', { name: 'Ghi nhận tồn tại' }).click();
    await i.getByText('Tồn tại đã ghi nhận (2)').waitFor();
    await accessible(i);
    await screenshot(i, 'inspector-visit-mode-360');
    expect(await i.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // The lead ends the visit and submits the conclusion with an action per finding.
    const dueIn30 = vietnamDate(30);
    const submitConclusion = async (summary: string) => {
      await l.getByLabel('Nội dung kết luận').fill(summary);
      await l.getByLabel('Xếp loại').selectOption('fair');
      await l.getByLabel('Yêu cầu khắc phục cho KL-01').fill('Chấn chỉnh việc chấp hành giờ làm việc.');
      await l.getByLabel('Thời hạn hoàn thành (KL-01)').fill(dueIn30);
      await l.getByLabel('Yêu cầu khắc phục cho KL-02').fill('Nhắc nhở đeo thẻ công chức.');
      await l.getByLabel('Thời hạn hoàn thành (KL-02)').fill(dueIn30);
      await l.getByRole('button', { name: 'Trình kết luận' }).click();
      await waitForStep(l, 'Chờ phê duyệt');
    };
    await l.reload();
    await l.getByRole('button', { name: 'Kết thúc kiểm tra' }).click();
    await waitForStep(l, 'Đang dự thảo kết luận');
    await accessible(l);
    await submitConclusion('Đơn vị còn một số tồn tại về kỷ luật, kỷ cương.');

    // The chairman returns it once, with a comment ...
    const chairmanBrowser = await open();
    const c = chairmanBrowser.page;
    await logIn(chairmanBrowser, chairman);
    await c.getByRole('navigation').getByRole('link', { name: 'Phê duyệt kết luận' }).click();
    await c.getByRole('heading', { level: 2, name: 'Kết luận kiểm tra Xã Bình Khánh' }).waitFor();
    await c.getByText('Mã nội dung').waitFor();
    await accessible(c);
    await screenshot(c, 'chairman-approvals');
    await c.getByLabel('Lý do trả lại').fill('Cần nêu rõ số công chức vi phạm.');
    await c.getByRole('button', { name: 'Trả lại' }).click();
    await c.getByText('Không có kết luận nào chờ phê duyệt.').waitFor();

    // ... the lead sees why, corrects and submits again ...
    await l.reload();
    await waitForStep(l, 'Đang dự thảo kết luận');
    await l.getByText('Cần nêu rõ số công chức vi phạm.').waitFor();
    await submitConclusion('Hai công chức vắng mặt, một công chức không đeo thẻ.');

    // ... and the chairman approves it.
    await c.reload();
    await c.getByRole('button', { name: 'Phê duyệt' }).click();
    await c.getByText('Không có kết luận nào chờ phê duyệt.').waitFor();

    // The unit head accepts the first finding with a plan and disputes the second.
    const headBrowser = await open();
    const h = headBrowser.page;
    await logIn(headBrowser, headA);
    await h.getByRole('link', { name: /Gửi phản hồi kết luận/ }).click();
    await waitForStep(h, 'Chờ đơn vị phản hồi');
    const first = h.getByRole('group', { name: /KL-01/ });
    await first.getByLabel('Chấp nhận').check();
    await first.getByLabel('Giải thích (KL-01)').fill('Đơn vị đã chấn chỉnh ngay.');
    await first.getByLabel('Người chịu trách nhiệm khắc phục (KL-01)').fill('Phó Chủ tịch UBND xã');
    await first.getByLabel(/Hạn hoàn thành .*\(KL-01\)/).fill(vietnamDate(20));
    const second = h.getByRole('group', { name: /KL-02/ });
    await second.getByLabel('Giải trình').check();
    await second.getByLabel('Giải thích (KL-02)').fill('Công chức đó đang đi công tác, thẻ để ở cơ quan.');
    await accessible(h);
    await screenshot(h, 'unit-head-response');
    await h.getByRole('button', { name: 'Gửi phản hồi' }).click();
    await waitForStep(h, 'Đang khắc phục');

    // The lead upholds the disputed finding.
    await l.reload();
    await waitForStep(l, 'Đang khắc phục');
    await l.getByRole('button', { name: 'Giữ nguyên' }).click();
    await l.getByRole('heading', { name: 'Giải trình cần xem xét' }).waitFor({ state: 'detached' });

    // The unit head reports both actions done ...
    await h.reload();
    for (const code of ['KL-01', 'KL-02']) {
      const card = h.locator('li.card', { has: h.getByRole('heading', { name: new RegExp(code) }) });
      await card.getByLabel('Nội dung đã khắc phục').fill(`Đã khắc phục tồn tại ${code}.`);
      await card.getByRole('button', { name: 'Báo cáo đã khắc phục' }).click();
      await card.getByText('Đã báo cáo, chờ kiểm tra').waitFor();
    }
    await accessible(h);

    // ... and the lead verifies them: the inspection closes.
    await l.reload();
    for (const code of ['KL-01', 'KL-02']) {
      const card = l.locator('li.card', { has: l.getByRole('heading', { name: new RegExp(code) }) });
      await card.getByRole('button', { name: 'Xác nhận đạt' }).click();
      await card.getByText('Đã xác nhận đạt').waitFor();
    }
    await waitForStep(l, 'Đã kết thúc');
    await l.getByText('Kết thúc cuộc kiểm tra').waitFor();
    await accessible(l);
    await screenshot(l, 'lead-closed-inspection');
    for (const person of people) expect(person.errors.filter((error) => /Content Security Policy|Refused to/i.test(error))).toEqual([]);
  });
});
