import { streamIds } from './stream-ids';

describe('stream ids', () => {
  it('derives the id of an inspection stream from the inspection id', () => {
    expect(streamIds.inspection('0a1b')).toBe('inspection-0a1b');
  });

  it('derives the id of a campaign stream from the campaign id', () => {
    expect(streamIds.campaign('0a1b')).toBe('campaign-0a1b');
  });

  it('parses a stream id back into its kind and domain id', () => {
    expect(streamIds.parse(streamIds.inspection('inspection-x'))).toEqual({ kind: 'inspection', id: 'inspection-x' });
    expect(streamIds.parse(streamIds.campaign('c-1'))).toEqual({ kind: 'campaign', id: 'c-1' });
  });

  it('names no kind for an id that is neither', () => {
    expect(streamIds.parse('bench-append-1')).toBeUndefined();
  });
});
