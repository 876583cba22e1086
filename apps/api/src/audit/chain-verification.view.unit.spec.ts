import type { ChainVerification } from '@inspectorate/event-store';
import { toChainVerificationView } from './chain-verification.view';

/** GET /audit/verify sends the event store's verdict byte for byte: what it leaves out stays absent. */
describe('toChainVerificationView', () => {
  const verdicts: [string, ChainVerification][] = [
    ['an empty log, no checkpoints asked for', { intact: true, checked: 0, lastPosition: 0 }],
    ['an intact log, every event signed', { intact: true, checked: 12, lastPosition: 12, checkpoints: { checked: 3, lastSignedPosition: 12 } }],
    [
      'an intact chain whose newest events were removed',
      {
        intact: false,
        checked: 10,
        lastPosition: 10,
        checkpoints: {
          checked: 2,
          lastSignedPosition: 8,
          problem: { position: 11, reason: 'the log ends at position 10, but position 12 was signed: the newest events were removed' },
        },
      },
    ],
    [
      'a broken link',
      {
        intact: false,
        checked: 4,
        lastPosition: 4,
        firstBrokenLink: { position: 5, eventId: '5b0f8f3e-7a52-4a43-9d0e-2f7c1f1f6a01', reason: 'its content does not match its hash' },
        checkpoints: { checked: 1, lastSignedPosition: 4 },
      },
    ],
  ];

  it.each(verdicts)('sends %s as verified', (_what, verdict) => {
    expect(JSON.stringify(toChainVerificationView(verdict))).toBe(JSON.stringify(verdict));
  });
});
