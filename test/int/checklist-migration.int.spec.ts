import { checklistStore } from '@inspectorate/directory';
import { DEMO_CHECKLIST_2023 } from '@inspectorate/domain';
import { EventStore, StreamAppend } from '@inspectorate/event-store';
import { Projector } from '@inspectorate/read-model';
import { ChecklistTemplates1796190000000 } from '@inspectorate/database/migrations/1796190000000-ChecklistTemplates';
import { createTestDatabase, TestDatabase } from '../harness/database';
import { findingRecorded, plannedCampaign, visitStarted } from './fixtures';

/**
 * The migration that made checklists data (issue 11, item 1), on an installation whose campaigns
 * and findings already cite the compiled demo version: afterwards the database knows that
 * version's criteria with the very names the code had, so old findings keep being named.
 */
describe('the checklist templates migration on existing data', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('stores the compiled demo version, criteria and groups as the code had them, for the findings that cite it', async () => {
    const store = new EventStore(db.dataSource);
    const projector = new Projector();
    const project = (appends: readonly StreamAppend[]) => store.append(appends, (manager, events) => projector.project(manager, events));
    const campaign = plannedCampaign();
    await project(campaign.appends);
    await project([visitStarted(campaign.inspectionIds[0], 1)]);
    await project([findingRecorded(campaign.inspectionIds[0], 2, 'Đi trễ.')]);

    const runner = db.dataSource.createQueryRunner();
    try {
      await new ChecklistTemplates1796190000000().down(runner);
      await new ChecklistTemplates1796190000000().up(runner);
    } finally {
      await runner.release();
    }

    const [{ version }] = await db.sql<{ version: string }>(`SELECT state->>'checklistVersion' AS version FROM inspections`);
    const criteria = await checklistStore.criteria(db.dataSource, [version]);
    expect(criteria.get(version)).toEqual(DEMO_CHECKLIST_2023.criteria);
    expect(await checklistStore.newestName(db.dataSource)).toBe('demo-2023.1');
  });
});
