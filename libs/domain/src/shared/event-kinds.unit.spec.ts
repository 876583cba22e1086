/** Telling an inspection's events from a campaign's, as the projector and the as-of replay do. */
import { isCampaignEvent } from '../campaign/campaign';
import { INSPECTION_EVENT_TYPES, isInspectionEvent } from '../inspection/events';

const CAMPAIGN_EVENT_TYPES = ['CampaignCreated', 'UnitAddedToCampaign', 'CampaignCompleted', 'CampaignReopened'];

describe('event kinds', () => {
  it.each(INSPECTION_EVENT_TYPES)('%s is an inspection event, not a campaign event', (type) => {
    expect(isInspectionEvent({ type, data: {} })).toBe(true);
    expect(isCampaignEvent({ type, data: {} })).toBe(false);
  });

  it.each(CAMPAIGN_EVENT_TYPES)('%s is a campaign event, not an inspection event', (type) => {
    expect(isCampaignEvent({ type, data: {} })).toBe(true);
    expect(isInspectionEvent({ type, data: {} })).toBe(false);
  });

  it('an unknown type is neither (nor a name inherited by every object)', () => {
    for (const type of ['Awkward', 'toString', 'constructor']) {
      expect(isInspectionEvent({ type, data: {} })).toBe(false);
      expect(isCampaignEvent({ type, data: {} })).toBe(false);
    }
  });
});
