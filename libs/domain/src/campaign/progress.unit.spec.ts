import { INSPECTION_STATUSES } from '../inspection/model';
import { progressOf } from './progress';

describe('progressOf', () => {
  it('counts nothing of no inspection', () => {
    expect(progressOf([])).toEqual({ planned: 0, inProgress: 0, closed: 0, cancelled: 0, total: 0 });
  });

  it('counts every started, unfinished status as in progress', () => {
    expect(progressOf(['in_progress', 'drafting', 'awaiting_approval', 'awaiting_response', 'remediating'])).toEqual({
      planned: 0,
      inProgress: 5,
      closed: 0,
      cancelled: 0,
      total: 5,
    });
  });

  it('counts planned, closed and cancelled apart', () => {
    expect(progressOf(['planned', 'closed', 'cancelled', 'planned', 'remediating', 'closed'])).toEqual({
      planned: 2,
      inProgress: 1,
      closed: 2,
      cancelled: 1,
      total: 6,
    });
  });

  it('puts every status in exactly one count', () => {
    const { total, ...counts } = progressOf(INSPECTION_STATUSES);
    expect(total).toBe(INSPECTION_STATUSES.length);
    expect(Object.values(counts).reduce((sum, n) => sum + n, 0)).toBe(total);
  });

  it('keeps the order of the fields the API has always answered with', () => {
    expect(Object.keys(progressOf(['planned']))).toEqual(['planned', 'inProgress', 'closed', 'cancelled', 'total']);
  });
});
