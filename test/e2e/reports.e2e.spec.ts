import { Workbook } from 'exceljs';
import request from 'supertest';
import { eventually, Scenario } from '../harness/scenario';
import { TestUser } from '../harness/people';
import { inDays, inSeconds } from '../harness/time';
import { useStack } from '../harness/use-stack';
import { csvSections } from './reports.csv-reader';
import { pdfText } from './reports.pdf-text';

/**
 * The chairman's reports over the real API, worker and Temporal. A small year:
 *
 *   campaign 1 (default policy): unit A visited, 2 findings, rated fair, answered on time, one
 *     action verified and one (due in 5 s) left open → overdue; unit B visited, 1 critical
 *     finding, rated poor with nothing to remedy → closed; unit C planned only.
 *   campaign 2 (responses due in 2 s): unit B visited again, rated good, never answers → response
 *     overdue and an accountability case; unit A planned only (a secret follow-up).
 */
describe('reports over HTTP', () => {
  const stack = useStack();
  const s = new Scenario(stack);
  let year: number;
  const ids: Record<'a' | 'b' | 'c' | 'a2' | 'b2' | 'c1' | 'c2', string> = { a: '', b: '', c: '', a2: '', b2: '', c1: '', c2: '' };
  let approvedHashA = '';
  const timings: Record<string, number[]> = { live: [], asOfToday: [] };

  afterAll(async () => {
    if (timings.live.length > 0) {
      const avg = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1);
      process.stderr.write(
        `[reports] dashboard over HTTP: live ${avg(timings.live)} ms, asOf=today (replay) ${avg(timings.asOfToday)} ms (mean of ${timings.live.length})\n`,
      );
    }
  });

  const api = () => stack.api;
  const people = () => stack.people;
  const get = (user: TestUser, path: string) => api().expect(200, api().get(user, path));
  const dashboard = (user: TestUser, query = '') => get(user, `/reports/dashboard?year=${year}${query}`);
  /** The same report computed twice differs only in when it was computed and from where. */
  const numbers = (report: { meta: object }) => ({ ...report, meta: { ...report.meta, asOf: 'x', source: 'x' } });
  const today = () => inDays(0);
  const yesterday = () => inDays(-1);
  const download = async (user: TestUser, path: string) => {
    const token = await api().token(user);
    const response = await request(api().baseUrl)
      .get(`/api/v1${path}`)
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    return { status: response.status, headers: response.headers as Record<string, string>, body: response.body as Buffer };
  };

  it('plays the year through the real API; the dashboard follows, live and as of today alike', async () => {
    const { units, headA, lead } = people();
    const c1 = await s.campaign({ units: [units.a, units.b, units.c] });
    const c2 = await s.campaign({ units: [units.b, units.a], policy: { responseDeadline: { duration: 'PT2S' }, reminderOffsets: [] } });
    year = c1.year;
    const target = (c: { targets: { unitId: string; inspectionId: string }[] }, unitId: string) =>
      c.targets.find((t) => t.unitId === unitId)!.inspectionId;
    Object.assign(ids, {
      c1: c1.id,
      c2: c2.id,
      a: target(c1, units.a),
      b: target(c1, units.b),
      c: target(c1, units.c),
      b2: target(c2, units.b),
      a2: target(c2, units.a),
    });

    // Nothing has happened yet today but the plan.
    const planOnly = await dashboard(people().chairman);
    expect(planOnly.inspections).toMatchObject({ planned: 5, started: 0, notYetStarted: 5 });

    // Unit A: two findings, rated fair, answered on time; one action verified, one due in 5 s.
    await s.start(ids.a);
    const lateness = await s.finding(ids.a, people().inspector1, {
      criterionCode: 'KL-01',
      severity: 'major',
      description: 'Công chức đến muộn, không đeo thẻ; bộ phận một cửa vắng người lúc 8 giờ.',
    });
    const conduct = await s.finding(ids.a, people().inspector2, {
      criterionCode: 'UX-01',
      severity: 'minor',
      description: 'Thái độ hướng dẫn người dân chưa đúng mực, chưa giữ đúng quy tắc ứng xử.',
    });
    await s.endVisit(ids.a);
    await s.conclude(ids.a, [
      { findingId: lateness, requirement: 'Chấn chỉnh giờ giấc làm việc, đeo thẻ công chức đầy đủ', dueDate: inDays(30) },
      { findingId: conduct, requirement: 'Tổ chức rút kinh nghiệm về ứng xử với người dân', dueDate: inDays(30) },
    ]);
    const approvedA = await s.approve(ids.a);
    approvedHashA = approvedA.conclusion.approval.contentHash;
    const responded = await s.respond(ids.a, headA, [
      { findingId: lateness, position: 'accepted', dueDate: inDays(20) },
      { findingId: conduct, position: 'accepted', dueDate: inSeconds(5) },
    ]);
    const actionOf = (findingId: string) => responded.actions.find((a: { findingId: string }) => a.findingId === findingId).id as string;
    await s.report(ids.a, headA, actionOf(lateness));
    await s.verify(ids.a, actionOf(lateness));

    // Before unit B's visits: the replay up to now says exactly what the tables say.
    const liveBefore = await dashboard(people().chairman);
    const asOfBefore = await dashboard(people().chairman, `&asOf=${today()}`);
    expect(liveBefore.meta.source).toBe('live');
    expect(asOfBefore.meta.source).toBe('replay');
    expect(numbers(asOfBefore)).toEqual(numbers(liveBefore));
    expect(liveBefore.inspections.startedOfPlanned.text).toBe('1/5 (20.0%)');
    expect(liveBefore.findings.total).toBe(2);
    expect(liveBefore.remediation.completionRate.text).toBe('1/2 (50.0%)');

    // Unit B: a critical finding, rated poor, nothing to remedy → closed at approval.
    await s.start(ids.b);
    const critical = await s.finding(ids.b, people().inspector1, {
      criterionCode: 'TT-01',
      severity: 'critical',
      description: 'Hồ sơ thủ tục hành chính trễ hạn không có văn bản xin lỗi.',
    });
    await s.endVisit(ids.b);
    expect(critical).toEqual(expect.any(String));
    await s.conclude(ids.b, [], 'poor');
    expect((await s.approve(ids.b)).status).toBe('closed');

    // Unit B again (campaign 2): rated good, never answers within its 2 s.
    await s.start(ids.b2);
    const culture = await s.finding(ids.b2, people().inspector2, {
      criterionCode: 'VH-01',
      severity: 'minor',
      description: 'Chưa niêm yết nội quy cơ quan.',
    });
    await s.endVisit(ids.b2);
    await s.conclude(ids.b2, [{ findingId: culture, requirement: 'Niêm yết nội quy', dueDate: inDays(30) }], 'good');
    await s.approve(ids.b2);

    await eventually(async () => {
      const view = await get(lead, `/inspections/${ids.b2}`);
      return view.accountabilityCaseIds.length === 1 ? view : undefined;
    });
    await eventually(async () =>
      (await get(lead, `/inspections/${ids.a}`)).deadlines.actions.some((a: { overdue: boolean }) => a.overdue) ? true : undefined,
    );

    const liveAfter = await dashboard(people().chairman);
    const asOfAfter = await dashboard(people().chairman, `&asOf=${today()}`);
    expect(numbers(asOfAfter)).toEqual(numbers(liveAfter));
    expect(liveAfter.findings.total).toBe(4);
    expect(numbers(asOfAfter)).not.toEqual(numbers(asOfBefore));
  });

  it('gives the chairman exact numbers', async () => {
    const report = await dashboard(people().chairman);
    expect(report.year).toBe(year);
    expect(report.inspections).toEqual({
      planned: 5,
      notYetStarted: 2,
      started: 3,
      ongoing: 2,
      closed: 1,
      cancelled: 0,
      byStatus: {
        planned: 2,
        in_progress: 0,
        drafting: 0,
        awaiting_approval: 0,
        awaiting_response: 1,
        remediating: 1,
        closed: 1,
        cancelled: 0,
      },
      startedOfPlanned: { numerator: 3, denominator: 5, percent: 60, text: '3/5 (60.0%)' },
      closedOfStarted: { numerator: 1, denominator: 3, percent: 33.3, text: '1/3 (33.3%)' },
    });
    expect(report.conclusions).toEqual({
      visitsEnded: 3,
      submitted: 3,
      approved: 3,
      overdue: 0,
      approvedOfVisitsEnded: { numerator: 3, denominator: 3, percent: 100, text: '3/3 (100.0%)' },
    });
    expect(report.findings).toMatchObject({ total: 4, open: 2, withdrawn: 0 });
    expect(report.findings.bySeverity.map((x: { severity: string; total: number; open: number }) => [x.severity, x.total, x.open])).toEqual(
      [
        ['critical', 1, 0],
        ['major', 1, 0],
        ['minor', 2, 2],
      ],
    );
    expect(
      report.findings.byCriterion.map((x: { criterionCode: string; total: number; open: number }) => [x.criterionCode, x.total, x.open]),
    ).toEqual([
      ['KL-01', 1, 0],
      ['TT-01', 1, 0],
      ['UX-01', 1, 1],
      ['VH-01', 1, 1],
    ]);
    expect(report.findings.byCriterion[0].name).toBe('Chấp hành kỷ luật, kỷ cương giờ làm việc');
    expect(
      report.units.byOpenFindings.map((u: Record<string, unknown>) => [
        u.rank,
        u.unitCode,
        u.unitName,
        u.openFindings,
        u.findings,
        u.inspections,
      ]),
    ).toEqual([
      [1, 'UNIT-A', 'Xã Bình Khánh', 1, 2, 1],
      [1, 'UNIT-B', 'Phòng Nội vụ', 1, 2, 2],
      [3, 'UNIT-C', 'Thị trấn Cần Thạnh', 0, 0, 0],
    ]);
    expect(report.units.byRating.map((u: Record<string, unknown>) => [u.rank, u.unitCode, u.rating, u.inspectionId])).toEqual([
      [1, 'UNIT-B', 'good', ids.b2],
      [2, 'UNIT-A', 'fair', ids.a],
    ]);
    expect(report.responses).toEqual({
      due: 2,
      submitted: 1,
      onTime: 1,
      late: 0,
      overdue: 1,
      pending: 0,
      onTimeRate: { numerator: 1, denominator: 2, percent: 50, text: '1/2 (50.0%)' },
    });
    expect(report.remediation).toEqual({
      total: 2,
      verified: 1,
      reported: 0,
      open: 1,
      overdue: 1,
      completionRate: { numerator: 1, denominator: 2, percent: 50, text: '1/2 (50.0%)' },
    });
    expect(
      report.overdue.map((o: { kind: string; unitCode: string; inspectionId: string }) => [o.kind, o.unitCode, o.inspectionId]).sort(),
    ).toEqual([
      ['action', 'UNIT-A', ids.a],
      ['response', 'UNIT-B', ids.b2],
    ]);
    const dues = report.overdue.map((o: { dueAt: string }) => Date.parse(o.dueAt));
    expect(dues).toEqual([...dues].sort((x, y) => x - y));
    expect(report.accountability).toMatchObject({ total: 1, open: 1, decided: 0 });
    expect(report.accountability.openCases).toEqual([
      expect.objectContaining({ inspectionId: ids.b2, unitCode: 'UNIT-B', reason: 'response_overdue' }),
    ]);
  });

  it('as of yesterday, nothing of today had happened', async () => {
    const report = await dashboard(people().chairman, `&asOf=${yesterday()}`);
    expect(report.meta).toMatchObject({ source: 'replay' });
    expect(Date.parse(report.meta.asOf)).toBe(Date.parse(`${yesterday()}T23:59:59.999+07:00`));
    expect(report.inspections.planned).toBe(0);
    expect(report.inspections.startedOfPlanned.text).toBe('0/0 (—)');
    expect(report.findings.total).toBe(0);
    expect(report.overdue).toEqual([]);
    expect(report.accountability.total).toBe(0);
  });

  it('measures the dashboard live and as of today', async () => {
    for (let n = 0; n < 5; n += 1) {
      let t = performance.now();
      await dashboard(people().chairman);
      timings.live.push(performance.now() - t);
      t = performance.now();
      await dashboard(people().chairman, `&asOf=${today()}`);
      timings.asOfToday.push(performance.now() - t);
    }
    const replayed = await api().get(people().chairman, `/reports/dashboard?year=${year}&asOf=${today()}`);
    expect(replayed.headers['x-events-replayed']).toBeUndefined();
    expect(replayed.headers['server-timing']).toMatch(/load;dur=[\d.]+;desc="replay", compute;dur=[\d.]+/);
    expect(replayed.headers['cache-control']).toBe('private, no-store');
  });

  it('counts for each person only what they may know exists', async () => {
    const { outsideInspector, headA, headB, headC, lead } = people();
    const outsider = await dashboard(outsideInspector);
    expect(outsider.inspections).toMatchObject({ planned: 3, notYetStarted: 0, started: 3 });
    expect(outsider.inspections.startedOfPlanned.text).toBe('3/3 (100.0%)');
    expect((await dashboard(lead)).inspections.planned).toBe(5);

    const a = await dashboard(headA);
    expect(a.meta.scopeUnitId).toBe(people().units.a);
    expect(a.inspections).toMatchObject({ planned: 1, notYetStarted: 0, started: 1, ongoing: 1 });
    expect(a.inspections.byStatus.planned).toBe(0);
    expect(a.findings.total).toBe(2);
    expect(a.units.byOpenFindings.map((u: { unitCode: string }) => u.unitCode)).toEqual(['UNIT-A']);
    expect(a.overdue.map((o: { kind: string }) => o.kind)).toEqual(['action']);
    expect(a.accountability.total).toBe(0);
    // As of today by replay, the same: the planned follow-up stays invisible.
    expect(numbers(await dashboard(headA, `&asOf=${today()}`))).toEqual(numbers(a));

    const b = await dashboard(headB);
    expect(b.inspections).toMatchObject({ planned: 2, started: 2, closed: 1 });
    expect(b.accountability.open).toBe(1);

    const c = await dashboard(headC);
    expect(c.inspections.planned).toBe(0);
    expect(c.inspections.startedOfPlanned.text).toBe('0/0 (—)');
    expect(c.units.byOpenFindings).toEqual([]);
    const cFile = await download(headC, `/reports/dashboard?year=${year}&format=csv`);
    expect(cFile.body.toString('utf8')).not.toContain('UNIT-C');
  });

  it('gives a unit head their own unit’s scorecard only, without the planned follow-up', async () => {
    const { headA, chairman, units } = people();
    const own = await get(headA, `/reports/units/${units.a}?year=${year}`);
    expect(own.unit).toEqual({ unitId: units.a, unitCode: 'UNIT-A', unitName: 'Xã Bình Khánh' });
    expect(own.current.inspections).toMatchObject({ planned: 1, notYetStarted: 0, started: 1 });
    expect(own.current.latestRating).toMatchObject({ rating: 'fair', label: 'Khá' });
    expect(own.current.remediation.completionRate.text).toBe('1/2 (50.0%)');
    expect(own.current.responses.onTimeRate.text).toBe('1/1 (100.0%)');
    expect(own.history.map((h: { year: number }) => h.year)).toEqual([year]);
    expect((await get(chairman, `/reports/units/${units.a}?year=${year}`)).current.inspections).toMatchObject({
      planned: 2,
      notYetStarted: 1,
    });

    const other = await api().get(headA, `/reports/units/${units.b}`);
    expect(other.status).toBe(403);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect((await api().get(headA, `/reports/campaigns/${ids.c1}`)).status).toBe(403);
    expect((await api().get(headA, `/reports/campaigns/${ids.c2}?format=csv`)).status).toBe(403);

    const overdue = await get(headA, '/reports/overdue');
    expect(overdue.items.map((o: { kind: string; inspectionId: string }) => [o.kind, o.inspectionId])).toEqual([['action', ids.a]]);
    expect((await get(people().headC, '/reports/overdue')).total).toBe(0);
  });

  it('lists everything overdue, live and as of today alike', async () => {
    const live = await get(people().chairman, '/reports/overdue');
    expect(live).toMatchObject({ kind: 'overdue', year: null, total: 2, byKind: { conclusion: 0, response: 1, action: 1 } });
    expect(numbers(await get(people().chairman, `/reports/overdue?asOf=${today()}`))).toEqual(numbers(live));
    expect((await get(people().chairman, `/reports/overdue?year=${year + 1}`)).total).toBe(0);
  });

  it('reports a campaign, with its summary in Vietnamese', async () => {
    const report = await get(people().chairman, `/reports/campaigns/${ids.c1}`);
    expect(report.campaign).toMatchObject({ id: ids.c1, year, status: 'active' });
    expect(report.inspections.startedOfPlanned.text).toBe('2/3 (66.7%)');
    expect(report.units.map((u: { unitCode: string; status: string }) => [u.unitCode, u.status])).toEqual([
      ['UNIT-A', 'remediating'],
      ['UNIT-B', 'closed'],
      ['UNIT-C', 'planned'],
    ]);
    expect(report.narrative.sentences[0]).toBe(
      'Thực hiện Kế hoạch số 01/KH-UBND (test), Đoàn kiểm tra đã kiểm tra đột xuất 2/3 đơn vị, địa phương (66.7%); đã kết thúc 1/2 cuộc kiểm tra (50.0%).',
    );
    expect(report.narrative.text).toContain('Qua kiểm tra, Đoàn đã chỉ ra 3 tồn tại, hạn chế (1 nghiêm trọng, 1 nặng, 1 nhẹ)');
    expect(report.narrative.text).toContain('Hiện còn 1 việc quá hạn: 1 biện pháp khắc phục chưa hoàn thành.');
    const outsider = await get(people().outsideInspector, `/reports/campaigns/${ids.c1}`);
    expect(outsider.units.map((u: { unitCode: string }) => u.unitCode)).toEqual(['UNIT-A', 'UNIT-B']);
    expect(numbers(await get(people().chairman, `/reports/campaigns/${ids.c1}?asOf=${today()}`))).toEqual(numbers(report));
    expect((await api().get(people().chairman, `/reports/campaigns/${ids.c1}?asOf=${yesterday()}`)).status).toBe(404);
  });

  it('writes the dashboard as a CSV that reads back to the same numbers', async () => {
    const json = await dashboard(people().chairman);
    const file = await download(people().chairman, `/reports/dashboard?year=${year}&format=csv`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="bao-cao-tong-hop-${year}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    );
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const sections = csvSections(file.body.toString('utf8').slice(1));
    expect(sections.map((x) => x.title)).toEqual([
      'Thông tin',
      'Tổng hợp',
      'Theo mức độ',
      'Theo tiêu chí',
      'Xếp hạng theo tồn tại',
      'Xếp hạng theo xếp loại',
      'Quá hạn',
      'Xem xét trách nhiệm',
    ]);

    const summary = sections.find((x) => x.title === 'Tổng hợp')!;
    expect(summary.header).toEqual(['Mã chỉ tiêu', 'Chỉ tiêu', 'Số lượng', 'Trên tổng số', 'Tỷ lệ (%)', 'Kết quả']);
    const line = (key: string) => summary.rows.find((r) => r[0] === key)!;
    for (const key of [
      'inspections.startedOfPlanned',
      'inspections.closedOfStarted',
      'responses.onTimeRate',
      'remediation.completionRate',
      'conclusions.approvedOfVisitsEnded',
    ]) {
      const [group, name] = key.split('.');
      const ratio = json[group][name];
      expect(line(key).slice(2)).toEqual([String(ratio.numerator), String(ratio.denominator), String(ratio.percent), ratio.text]);
    }
    expect(line('inspections.planned')[2]).toBe(String(json.inspections.planned));
    expect(line('findings.open')[2]).toBe(String(json.findings.open));
    expect(line('accountability.open')[2]).toBe(String(json.accountability.open));

    const overdue = sections.find((x) => x.title === 'Quá hạn')!;
    expect(overdue.rows.map((r) => [r[0], r[4], r[6]])).toEqual(
      json.overdue.map((o: { kind: string; unitCode: string; inspectionId: string }) => [o.kind, o.unitCode, o.inspectionId]),
    );
    expect(overdue.rows.map((r) => Date.parse(r[2]))).toEqual(
      json.overdue.map((o: { dueAt: string }) => Math.floor(Date.parse(o.dueAt) / 1000) * 1000),
    );
    const ranks = sections.find((x) => x.title === 'Xếp hạng theo tồn tại')!;
    expect(ranks.rows.map((r) => [r[1], r[2], Number(r[3])])).toEqual(
      json.units.byOpenFindings.map((u: { unitCode: string; unitName: string; openFindings: number }) => [
        u.unitCode,
        u.unitName,
        u.openFindings,
      ]),
    );
  });

  it('writes the same tables as an XLSX workbook, one sheet per section', async () => {
    const json = await dashboard(people().chairman);
    const csv = csvSections(
      (await download(people().chairman, `/reports/dashboard?year=${year}&format=csv`)).body.toString('utf8').slice(1),
    );
    const file = await download(people().chairman, `/reports/dashboard?year=${year}&format=xlsx`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="bao-cao-tong-hop-\d{4}-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const workbook = new Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(csv.map((x) => x.title));
    for (const section of csv) {
      const sheet = workbook.getWorksheet(section.title)!;
      const rows: string[][] = [];
      sheet.eachRow({ includeEmpty: false }, (row) => {
        rows.push(
          section.header.map((_, i) => {
            const value = row.getCell(i + 1).value;
            return value === null || value === undefined ? '' : String(value);
          }),
        );
      });
      // The two files were made a moment apart, each stamped with its own "as of" (to the second);
      // that row is compared on its own below, everything else must be the same.
      expect(rows.map(withoutAsOf)).toEqual([section.header, ...section.rows].map(withoutAsOf));
      const [csvAsOf, xlsxAsOf] = [section.rows.find(isAsOf), rows.find(isAsOf)];
      expect(xlsxAsOf === undefined).toBe(csvAsOf === undefined);
      if (csvAsOf && xlsxAsOf) expect(xlsxAsOf[2] >= csvAsOf[2]).toBe(true);
    }
    const summary = workbook.getWorksheet('Tổng hợp')!;
    const startedRow = summary.getRows(2, summary.rowCount - 1)!.find((r) => r.getCell(1).value === 'inspections.startedOfPlanned')!;
    expect([startedRow.getCell(3).value, startedRow.getCell(4).value, startedRow.getCell(5).value]).toEqual([3, 5, 60]);
    expect(startedRow.getCell(6).value).toBe(json.inspections.startedOfPlanned.text);
  });

  it('writes the other reports as files too', async () => {
    const { chairman, headA, units } = people();
    const unitCsv = await download(headA, `/reports/units/${units.a}?year=${year}&format=csv`);
    expect(unitCsv.status).toBe(200);
    const history = csvSections(unitCsv.body.toString('utf8').slice(1)).find((x) => x.title === 'Theo năm')!;
    expect(history.rows).toHaveLength(1);
    expect(history.rows[0].slice(0, 5)).toEqual([String(year), '1', '1', '0', '0']);

    const campaignXlsx = await download(chairman, `/reports/campaigns/${ids.c1}?format=xlsx`);
    expect(campaignXlsx.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(campaignXlsx.body as unknown as ArrayBuffer);
    const narrative = workbook.getWorksheet('Tóm tắt')!;
    expect(String(narrative.getRow(2).getCell(1).value)).toContain('đã kiểm tra đột xuất 2/3 đơn vị, địa phương (66.7%)');

    const overdueCsv = await download(chairman, '/reports/overdue?format=csv');
    const items = csvSections(overdueCsv.body.toString('utf8').slice(1)).find((x) => x.title === 'Quá hạn')!;
    expect(items.rows).toHaveLength(2);
  });

  it('rejects bad parameters as problems', async () => {
    const { chairman, units } = people();
    const bad = async (path: string, field: string) => {
      const response = await api().get(chairman, path);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad('/reports/dashboard?year=abc', 'year');
    await bad('/reports/dashboard?year=1999', 'year');
    await bad('/reports/dashboard?year=2023&year=2024', 'year');
    await bad('/reports/dashboard?asOf=2023-02-30', 'asOf');
    await bad('/reports/dashboard?asOf=8/9/2023', 'asOf');
    await bad(`/reports/dashboard?asOf=${inDays(2)}`, 'asOf');
    await bad('/reports/dashboard?format=pdf', 'format');
    await bad('/reports/dashboard?unitId=x', 'unitId');
    await bad('/reports/overdue?sort=asc', 'sort');
    await bad('/reports/units/not-a-uuid', 'id');
    await bad(`/reports/units/${units.a}?asOf=tomorrow`, 'asOf');
    expect((await api().get(chairman, '/reports/units/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await api().get(chairman, '/reports/campaigns/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await api().get(undefined, '/reports/dashboard')).status).toBe(401);
  });

  it('documents the report endpoints in the OpenAPI document', async () => {
    const doc = (await request(api().baseUrl).get('/docs-json')).body as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    for (const path of [
      '/api/v1/reports/dashboard',
      '/api/v1/reports/units/{id}',
      '/api/v1/reports/campaigns/{id}',
      '/api/v1/reports/overdue',
      '/api/v1/inspections/{id}/conclusion.pdf',
    ]) {
      expect(doc.paths[path]?.get).toBeDefined();
    }
    expect(doc.paths['/api/v1/reports/dashboard'].get.parameters?.map((p) => p.name).sort()).toEqual(['asOf', 'format', 'year']);
  });

  it('prints the approved conclusion as a Vietnamese PDF, headed and signed by the authority the admin named', async () => {
    const { admin, chairman, headA, headB, outsideInspector } = people();
    await api().expect(
      200,
      api().patch(admin, '/authority', {
        name: 'ỦY BAN NHÂN DÂN QUẬN THỬ NGHIỆM',
        inspectionBodyName: 'TỔ KIỂM TRA CÔNG VỤ',
        place: 'Phường Thử',
        chairmanName: 'Trần Thị Ký',
        chairmanTitle: 'KT. CHỦ TỊCH',
      }),
    );
    const file = await download(headA, `/inspections/${ids.a}/conclusion.pdf`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="ket-luan-kiem-tra-[0-9a-f]{8}\.pdf"$/);
    expect(file.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, info } = await pdfText(file.body);
    const text = pages.join('\n');
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'ỦY BAN NHÂN DÂN QUẬN THỬ NGHIỆM',
      'TỔ KIỂM TRA CÔNG VỤ',
      `Phường Thử, ngày ${today().slice(8, 10)} tháng ${Number(today().slice(5, 7))} năm ${today().slice(0, 4)}`,
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'KẾT LUẬN KIỂM TRA',
      'Về việc kiểm tra công vụ đột xuất tại Xã Bình Khánh',
      'Căn cứ Kế hoạch số 01/KH-UBND (test);',
      'NHỮNG TỒN TẠI, HẠN CHẾ',
      'Chấp hành kỷ luật, kỷ cương giờ làm việc (KL-01; mức độ: nặng)',
      'Công chức đến muộn, không đeo thẻ; bộ phận một cửa vắng người lúc 8 giờ.',
      'Ứng xử với người dân, doanh nghiệp (UX-01; mức độ: nhẹ)',
      'YÊU CẦU KHẮC PHỤC',
      'Chấn chỉnh giờ giấc làm việc, đeo thẻ công chức đầy đủ (tồn tại số 1).',
      `Thời hạn hoàn thành: ${inDays(30).split('-').reverse().join('/')}`,
      'Xếp loại: Khá.',
      'Kết luận này đã được Chủ tịch phê duyệt lúc',
      approvedHashA,
      'TM. ỦY BAN NHÂN DÂN QUẬN THỬ NGHIỆM',
      'KT. CHỦ TỊCH',
      'Trần Thị Ký',
    ]) {
      expect(flat).toContain(expected.normalize('NFC'));
    }
    expect(flat).not.toContain('ĐOÀN KIỂM TRA CÔNG VỤ');
    expect(info.Author).toBe('ỦY BAN NHÂN DÂN QUẬN THỬ NGHIỆM');
    // The report files are headed by the same authority.
    const csv = csvSections((await download(chairman, `/reports/dashboard?year=${year}&format=csv`)).body.toString('utf8').slice(1));
    expect(csv[0].rows.slice(0, 2)).toEqual([
      ['authority.name', 'Cơ quan', 'ỦY BAN NHÂN DÂN QUẬN THỬ NGHIỆM'],
      ['authority.inspectionBodyName', 'Đơn vị kiểm tra', 'TỔ KIỂM TRA CÔNG VỤ'],
    ]);
    expect(info.Title).toBe('Kết luận kiểm tra — Xã Bình Khánh');
    for (const letter of ['Ủ', 'ộ', 'ữ', 'đ', 'Đ', 'ế', 'ả']) expect(text).toContain(letter);

    expect((await download(chairman, `/inspections/${ids.a}/conclusion.pdf`)).status).toBe(200);
    expect((await download(outsideInspector, `/inspections/${ids.b2}/conclusion.pdf`)).status).toBe(200);
    expect((await api().get(headB, `/inspections/${ids.a}/conclusion.pdf`)).status).toBe(404);
    expect((await api().get(headA, `/inspections/${ids.a2}/conclusion.pdf`)).status).toBe(404);
    expect((await api().get(outsideInspector, `/inspections/${ids.c}/conclusion.pdf`)).status).toBe(404);
    const notApproved = await api().get(chairman, `/inspections/${ids.c}/conclusion.pdf`);
    expect(notApproved.status).toBe(409);
    expect(notApproved.headers['content-type']).toContain('application/problem+json');
    expect(notApproved.body.detail).toContain('planned');
  });
});

const isAsOf = (row: readonly string[]): boolean => row[0] === 'meta.asOf';
const withoutAsOf = (row: readonly string[]): readonly string[] => (isAsOf(row) ? [row[0], row[1], '(as of)'] : row);
