import { UserActor } from '@inspectorate/domain';
import { campaignReport, dashboardReport, overdueReport, unitScorecardReport } from '@inspectorate/reports';
import { context, local, people } from '@inspectorate/reports-testing/scenario';
import { district2023, U, UNITS } from '@inspectorate/reports-testing/district-2023.story';
import { toCampaignReportView } from './campaign.mapper';
import { toDashboardReportView } from './dashboard.mapper';
import { toOverdueReportView } from './overdue.mapper';
import { toUnitScorecardReportView } from './unit-scorecard.mapper';

/**
 * The JSON the API sends is the library's report, byte for byte: same fields, same order, same
 * nulls. Over the district story of libs/reports (every part of every report filled in), as the
 * chairman, a lead and a unit head see it, mid-year and at the end of the year.
 */
describe('the report mappers', () => {
  const { world, campaigns } = district2023();
  const instants = [local('2023-09-08'), local('2023-12-31')];
  const viewers: [string, UserActor][] = [
    ['the chairman', people.chairman],
    ['a lead', people.lead],
    ['the head of Bình Khánh', people.head(U.bk)],
  ];
  const cases = instants.flatMap((asOf) => viewers.map(([who, viewer]) => [`${who}, as of ${asOf.toISOString()}`, viewer, asOf] as const));
  const json = (value: unknown) => JSON.stringify(value, null, 1);

  it.each(cases)('send the dashboard as computed: %s', (_who, viewer, asOf) => {
    const report = dashboardReport(world.rows(asOf), 2023, context(asOf, viewer, UNITS));
    expect(json(toDashboardReportView(report))).toBe(json(report));
  });

  it.each(cases)('send the unit scorecard as computed: %s', (_who, viewer, asOf) => {
    const report = unitScorecardReport(world.rows(asOf), U.bk, 2023, context(asOf, viewer, UNITS));
    expect(json(toUnitScorecardReportView(report))).toBe(json(report));
  });

  it.each(cases)('send the campaign report as computed: %s', (_who, viewer, asOf) => {
    const campaign = world.replay(asOf, { campaignId: campaigns.c1 }).campaign(campaigns.c1)!;
    const report = campaignReport(world.rows(asOf, { campaignId: campaigns.c1 }), campaign, context(asOf, viewer, UNITS));
    expect(json(toCampaignReportView(report))).toBe(json(report));
  });

  it.each(cases)('send the overdue list as computed, of one year and of all: %s', (_who, viewer, asOf) => {
    for (const year of [2023, null]) {
      const report = overdueReport(world.rows(asOf), year, context(asOf, viewer, UNITS));
      expect(json(toOverdueReportView(report))).toBe(json(report));
    }
  });

  it('are compared on reports that have every part: overdue items of each kind, open cases, ratings, criteria', () => {
    const asOf = instants[0];
    const dashboard = dashboardReport(world.rows(asOf), 2023, context(asOf, people.chairman, UNITS));
    expect(new Set(dashboard.overdue.map((item) => item.kind))).toEqual(new Set(['conclusion', 'response', 'action']));
    expect(dashboard.accountability.openCases.length).toBeGreaterThan(0);
    expect(dashboard.units.byRating.length).toBeGreaterThan(0);
    expect(dashboard.findings.byCriterion.length).toBeGreaterThan(0);
    const scorecard = unitScorecardReport(world.rows(asOf), U.bk, 2023, context(asOf, people.chairman, UNITS));
    expect(scorecard.current.latestRating).not.toBeNull();
  });
});
