/** Content the decider refuses whatever the edge checked: text the event log could not store. */
import { given } from '@inspectorate/domain-testing/decider-spec';
import { people } from '@inspectorate/domain-testing/fixtures';
import { inProgressStory } from '@inspectorate/domain-testing/inspection-stories';

describe('text that the event log could not store', () => {
  it.each([
    ['a NUL character in the description', { description: 'Hai công chức\u0000vắng mặt' }, 'description'],
    ['a lone high surrogate in the description', { description: 'vắng mặt \uD83D' }, 'description'],
    ['a lone low surrogate in a person', { people: ['\uDE00 Ông A'] }, 'people'],
    ['a NUL character in written evidence', { evidence: [{ text: 'ảnh\u0000' }] }, 'evidence.0'],
  ])('refuses %s as a field error, so no unstorable event is ever decided', (_, change, field) => {
    const rejection = given(inProgressStory())
      .when(people.inspectorBinh, { type: 'RecordFinding', findingId: 'f-nul', criterionCode: 'KL-01', severity: 'minor', description: 'Đi trễ.', ...change })
      .thenRejected('invalid');
    expect(rejection.errors?.map((e) => e.field)).toContain(field);
  });

  it('accepts Vietnamese text and emoji made of proper surrogate pairs', () => {
    given(inProgressStory())
      .when(people.inspectorBinh, { type: 'RecordFinding', findingId: 'f-ok', criterionCode: 'KL-01', severity: 'minor', description: 'Không đeo thẻ 😀' })
      .thenEvents('FindingRecorded');
  });
});
