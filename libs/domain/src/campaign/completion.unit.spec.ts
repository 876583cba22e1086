import { completionOf, CompletionFacts, isComplete } from './completion';

const at = (iso: string) => new Date(iso);
const planned: CompletionFacts = { status: 'planned', closedAt: null, cancelledAt: null };
const remediating: CompletionFacts = { status: 'remediating', closedAt: null, cancelledAt: null };
const closed: CompletionFacts = { status: 'closed', closedAt: at('2023-09-01T02:00:00Z'), cancelledAt: null };
const cancelled: CompletionFacts = { status: 'cancelled', closedAt: null, cancelledAt: at('2023-09-05T03:00:00Z') };

describe('completionOf', () => {
  it.each([
    ['no inspection', [], { status: 'active' }],
    ['one still planned', [closed, planned], { status: 'active' }],
    ['one still remediating', [remediating, cancelled], { status: 'active' }],
    ['every one closed or cancelled, at the last of them', [closed, cancelled], { status: 'completed', completedAt: at('2023-09-05T03:00:00Z') }],
    ['one closed', [closed], { status: 'completed', completedAt: at('2023-09-01T02:00:00Z') }],
  ])('%s', (_, inspections, expected) => {
    expect(completionOf(inspections)).toEqual(expected);
  });
});

describe('isComplete: the rule the campaign workflow records CampaignCompleted by', () => {
  it.each([
    ['no inspection', []],
    ['one still planned', [closed, planned]],
    ['one still remediating', [remediating, cancelled]],
    ['every one closed or cancelled', [closed, cancelled]],
  ])('%s: the same answer as the status the read model derives', (_, inspections) => {
    expect(isComplete(inspections.map((i) => i.status))).toBe(completionOf(inspections).status === 'completed');
  });
});
