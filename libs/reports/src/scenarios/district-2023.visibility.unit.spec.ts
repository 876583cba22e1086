import { UserActor } from '@inspectorate/domain';
import { campaignReport } from '../campaign';
import { dashboardReport } from '../dashboard';
import { overdueReport } from '../overdue';
import { unitScorecardReport } from '../unit-scorecard';
import { context, local, people } from '@inspectorate/reports-testing/scenario';
import { district2023, U, UNITS } from '@inspectorate/reports-testing/district-2023.story';

/**
 * The same district, seen by each kind of person. Unannounced means secret: a planned inspection
 * exists only for its team and the chairman, so nobody else may count it, and a unit head sees
 * their own unit's started inspections only.
 */
describe('scenario: the district in 2023, who counts what', () => {
  const { world, campaigns } = district2023();
  const asOf = local('2023-09-08');
  const rows = world.rows();
  const dashboard = (viewer: UserActor) => dashboardReport(rows, 2023, context(asOf, viewer, UNITS));

  it.each([
    ['the chairman: all 6', people.chairman, 6, 2, '4/6 (66.7%)'],
    ['lead, team of campaign 1: its 5, not the other team’s plan', people.lead, 5, 1, '4/5 (80.0%)'],
    ['the other lead: the 4 started and their own plan', people.otherLead, 5, 1, '4/5 (80.0%)'],
    ['an inspector on no team: the 4 started only', people.outsider, 4, 0, '4/4 (100.0%)'],
    ['an admin: the 4 started only', people.admin, 4, 0, '4/4 (100.0%)'],
  ])('%s', (_who, viewer, planned, notYetStarted, startedText) => {
    const report = dashboard(viewer);
    expect(report.inspections.planned).toBe(planned);
    expect(report.inspections.notYetStarted).toBe(notYetStarted);
    expect(report.inspections.started).toBe(4);
    expect(report.inspections.startedOfPlanned.text).toBe(startedText);
    expect(report.meta.scopeUnitId).toBeNull();
  });

  it('the head of Bình Khánh: their started inspection only, never the planned follow-up', () => {
    const report = dashboard(people.head(U.bk));
    expect(report.meta.scopeUnitId).toBe(U.bk);
    expect(report.inspections).toMatchObject({ planned: 1, notYetStarted: 0, started: 1, ongoing: 1 });
    expect(report.inspections.byStatus.planned).toBe(0);
    expect(report.findings.total).toBe(2);
    expect(report.units.byOpenFindings.map((u) => u.unitCode)).toEqual(['XA-BK']);
    expect(report.units.byOpenFindings[0].inspections).toBe(1);
    expect(report.overdue.map((o) => [o.kind, o.unitCode])).toEqual([['action', 'XA-BK']]);
    expect(report.accountability.total).toBe(0);
  });

  it('the head of the forest board, not yet visited: nothing at all, not even a zero for their unit', () => {
    const report = dashboard(people.head(U.rph));
    expect(report.inspections.planned).toBe(0);
    expect(report.inspections.startedOfPlanned.text).toBe('0/0 (—)');
    expect(report.units.byOpenFindings).toEqual([]);
    expect(report.units.byRating).toEqual([]);
  });

  it('the unit scorecard of Bình Khánh: 2 inspections for the chairman, 1 for its head', () => {
    expect(unitScorecardReport(rows, U.bk, 2023, context(asOf, people.chairman, UNITS)).current.inspections.planned).toBe(2);
    const own = unitScorecardReport(rows, U.bk, 2023, context(asOf, people.head(U.bk), UNITS));
    expect(own.current.inspections).toMatchObject({ planned: 1, notYetStarted: 0, started: 1 });
  });

  it('a campaign report leaves out what the viewer may not know of', () => {
    const campaign = world.replay(undefined, { campaignId: campaigns.c1 }).campaign(campaigns.c1)!;
    expect(campaignReport(rows, campaign, context(asOf, people.chairman, UNITS)).inspections.planned).toBe(5);
    expect(campaignReport(rows, campaign, context(asOf, people.outsider, UNITS)).inspections.planned).toBe(4);
    expect(campaignReport(rows, campaign, context(asOf, people.outsider, UNITS)).units.map((u) => u.unitCode)).not.toContain('BQL-RPH');
  });

  it('the overdue list of a unit head is their unit’s only', () => {
    expect(overdueReport(rows, null, context(asOf, people.chairman, UNITS)).total).toBe(3);
    expect(overdueReport(rows, null, context(asOf, people.head(U.lh), UNITS)).items.map((o) => o.kind)).toEqual(['response']);
    expect(overdueReport(rows, null, context(asOf, people.head(U.rph), UNITS)).total).toBe(0);
  });
});
