import { campaignReport } from '../campaign';
import { dashboardReport } from '../dashboard';
import { overdueReport } from '../overdue';
import { district2023, U, UNITS } from '@inspectorate/reports-testing/district-2023.story';
import { context, local, people } from '@inspectorate/reports-testing/scenario';
import { unitScorecardReport } from '../unit-scorecard';
import { localDateTime, reportFileName, reportTables, Table } from './tables';

/** The district story flattened to tables: every headline number traceable to the JSON it came from. */
describe('flattening reports to tables', () => {
  const { world, campaigns } = district2023();
  const asOf = local('2023-09-08');
  const ctx = context(asOf, people.chairman, UNITS);
  const rows = world.rows();
  const dashboard = dashboardReport(rows, 2023, ctx);
  const campaign = campaignReport(rows, world.replay(undefined, { campaignId: campaigns.c1 }).campaign(campaigns.c1)!, ctx);
  const unit = unitScorecardReport(rows, U.bk, 2023, ctx);
  const overdue = overdueReport(rows, null, ctx);
  const byKey = (tables: Table[], key: string) => tables.find((t) => t.key === key)!;
  const path = (value: unknown, keyPath: string): unknown =>
    keyPath.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], value);

  it.each([
    ['dashboard', dashboard],
    ['campaign', campaign],
    ['unit', unit],
    ['overdue', overdue],
  ] as const)('%s: sheet names are unique, at most 31 characters, without : \\ / ? * [ ]', (_kind, report) => {
    const titles = reportTables(report).map((t) => t.title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const title of titles) expect(title).toMatch(/^[^:\\/?*[\]]{1,31}$/);
    for (const table of reportTables(report)) for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
  });

  it('summary lines carry the JSON path of their number', () => {
    for (const report of [dashboard, campaign]) {
      const summary = byKey(reportTables(report), 'summary');
      expect(summary.rows.length).toBeGreaterThan(15);
      for (const [key, , value, denominator, percent, text] of summary.rows) {
        const source = path(report, key as string);
        if (typeof source === 'object' && source !== null) {
          expect({ value, denominator, percent, text }).toEqual({
            value: (source as { numerator: number }).numerator,
            denominator: (source as { denominator: number }).denominator,
            percent: (source as { percent: number | null }).percent,
            text: (source as { text: string }).text,
          });
        } else {
          expect([value, text]).toEqual([source, String(source)]);
        }
      }
    }
    expect(byKey(reportTables(dashboard), 'summary').rows.find((r) => r[0] === 'inspections.startedOfPlanned')).toEqual([
      'inspections.startedOfPlanned',
      'Đã kiểm tra / theo kế hoạch',
      4,
      6,
      66.7,
      '4/6 (66.7%)',
    ]);
  });

  it('overdue lines show local times with their offset', () => {
    expect(byKey(reportTables(dashboard), 'overdue').rows.map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      ['action', '2023-08-30T23:59:59+07:00', 9, 'XA-BK'],
      ['conclusion', '2023-08-31T23:59:59+07:00', 8, 'TT-CT'],
      ['response', '2023-09-05T23:59:59+07:00', 3, 'XA-LH'],
    ]);
    expect(localDateTime('2023-09-05T17:00:00.000Z')).toBe('2023-09-06T00:00:00+07:00');
    expect(localDateTime(null)).toBeNull();
  });

  it('the campaign’s narrative is a section of its own', () => {
    expect(byKey(reportTables(campaign), 'narrative').rows.map((r) => r[0])).toEqual(campaign.narrative.sentences);
  });

  it('the unit history has a line per year', () => {
    const history = byKey(reportTables(unit), 'history');
    expect(history.rows).toHaveLength(1);
    expect(history.rows[0].slice(0, 11)).toEqual([2023, 2, 1, 0, 0, 2, 1, 0, 1, 1, 'Khá']);
  });

  it('names files in ASCII', () => {
    expect(reportFileName(dashboard, 'csv')).toBe('bao-cao-tong-hop-2023-2023-09-08.csv');
    expect(reportFileName(unit, 'xlsx')).toBe('bao-cao-don-vi-xa-bk-2023-09-08.xlsx');
    expect(reportFileName(overdue, 'csv')).toBe('viec-qua-han-tat-ca-2023-09-08.csv');
    expect(reportFileName(campaign, 'csv')).toMatch(/^bao-cao-ke-hoach-2023-[a-z0-9-]{8}-2023-09-08\.csv$/);
  });
});
