import { randomUUID } from 'node:crypto';
import { canSeeInspection, UserActor } from '@inspectorate/domain';
import { EventStore, StreamAppend } from '@inspectorate/event-store';
import { InspectionEntity, Projector } from '@inspectorate/read-model';
import { InspectionAccess } from '../../apps/api/src/access/inspection-access';
import { ProblemException } from '../../apps/api/src/common/problem';
import { createTestDatabase, TestDatabase } from '../harness/database';
import { people, plannedCampaign, visitStarted } from './fixtures';

/**
 * The SQL form of the visibility policy (InspectionAccess) against the real PostgreSQL, on
 * projection rows written by the real projector: for every kind of caller it selects exactly the
 * inspections the domain's `canSeeInspection` admits, and nothing of a planned one leaks to
 * anyone outside its team and the chairman.
 */
describe('InspectionAccess: the visibility policy in SQL', () => {
  let db: TestDatabase;
  let access: InspectionAccess;
  let rows: InspectionEntity[];
  let plannedA: string;
  let startedA: string;
  let startedB: string;

  const user = (role: UserActor['role'], unitId?: string, userId: string = randomUUID()): UserActor => ({
    kind: 'user',
    userId,
    role,
    ...(unitId ? { unitId } : {}),
  });
  const callers: Record<string, UserActor> = {
    chairman: user('chairman'),
    'the team’s lead': user('lead_inspector', undefined, people.lead),
    'the team’s inspector': user('inspector', undefined, people.inspector),
    'another lead': user('lead_inspector'),
    'another inspector': user('inspector'),
    admin: user('admin'),
    'the head of unit A': user('unit_head', people.unitA),
    'the head of unit B': user('unit_head', people.unitB),
    'a head without a unit': user('unit_head'),
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    access = new InspectionAccess(db.dataSource);
    const store = new EventStore(db.dataSource);
    const projector = new Projector();
    const project = (appends: readonly StreamAppend[]) => store.append(appends, (manager, events) => projector.project(manager, events));
    // Unit A: one inspection still planned, one started; unit B: one started.
    const first = plannedCampaign([people.unitA, people.unitA, people.unitB]);
    await project(first.appends);
    [plannedA, startedA, startedB] = first.inspectionIds;
    await project([visitStarted(startedA, 1)]);
    await project([visitStarted(startedB, 1)]);
    rows = await db.dataSource.getRepository(InspectionEntity).find();
  });
  afterAll(async () => {
    await db?.drop();
  });

  const selected = async (caller: UserActor) => {
    const q = db.dataSource.getRepository(InspectionEntity).createQueryBuilder('i').select('i.id', 'id');
    return (await access.restrict(q, caller).getRawMany<{ id: string }>()).map((r) => r.id).sort();
  };

  it.each(Object.keys(callers))('selects for %s exactly what the domain admits', async (name) => {
    const caller = callers[name];
    const admitted = rows
      .filter((row) => canSeeInspection(caller, row.state))
      .map((row) => row.id)
      .sort();
    expect(await selected(caller)).toEqual(admitted);
  });

  it('hides the planned inspection from its unit and from staff outside its team, not from its team or the chairman', async () => {
    expect(await selected(callers['the head of unit A'])).toEqual([startedA]);
    expect(await selected(callers['the head of unit B'])).toEqual([startedB]);
    expect(await selected(callers['a head without a unit'])).toEqual([]);
    for (const name of ['another lead', 'another inspector', 'admin'])
      expect(await selected(callers[name])).toEqual([startedA, startedB].sort());
    for (const name of ['chairman', 'the team’s lead', 'the team’s inspector'])
      expect(await selected(callers[name])).toEqual([plannedA, startedA, startedB].sort());
  });

  it('gives the same answer for rows of other tables that belong to an inspection (EXISTS by id)', async () => {
    for (const caller of Object.values(callers)) {
      const visible = access.existsVisible(caller, 'x.id');
      const found = await db.dataSource
        .createQueryBuilder()
        .select('x.id', 'id')
        .from('inspections', 'x')
        .where(visible.sql, visible.params)
        .getRawMany<{ id: string }>();
      expect(found.map((r) => r.id).sort()).toEqual(await selected(caller));
    }
  });

  it('answers a planned inspection’s id with the same 404 as an id that does not exist', async () => {
    const head = callers['the head of unit A'];
    const refusal = (id: string) =>
      access.require(id, head).then(
        () => 'found',
        (error: ProblemException) => `${error.getStatus()} ${JSON.stringify(error.getResponse())}`,
      );
    expect(await refusal(plannedA)).toEqual(await refusal(randomUUID()));
    expect(await refusal(plannedA)).toMatch(/^404 /);
    await expect(access.require(startedA, head)).resolves.toMatchObject({ state: { id: startedA } });
    await expect(access.require(plannedA, callers['the team’s inspector'])).resolves.toMatchObject({
      state: { id: plannedA, status: 'planned' },
    });
  });
});
