import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isRejection, validateChecklistDraft } from '@inspectorate/domain';
import { checklistStore, ChecklistVersionRecord, ChecklistVersionSummary } from '@inspectorate/directory';
import { AuditTrail, requestActor } from '../audit/audit-trail';
import { problems } from '../common/problem';
import { isUniqueViolation } from '../common/unique-violation';
import { ChecklistTemplateList, ChecklistTemplateView, ChecklistVersionSummaryView, ChecklistVersionView, CreateTemplateDto, PublishVersionDto } from './checklist.dto';

/** Checklist templates (issue 11, item 1): read by staff, published by the admin, never edited. */
@Injectable()
export class ChecklistsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async list(): Promise<ChecklistTemplateList> {
    const summaries = await checklistStore.summaries(this.db);
    const newest = await this.newestName();
    const keys = [...new Set(summaries.map((s) => s.templateKey))];
    const items = keys.map((key): ChecklistTemplateView => {
      const versions = summaries.filter((s) => s.templateKey === key).map((s) => summaryView(s, newest));
      return { key, title: versions[0].title, newestVersion: versions[0].version, versions };
    });
    return { items, nextCursor: null };
  }

  async version(version: string): Promise<ChecklistVersionView> {
    const record = await checklistStore.version(this.db, version);
    if (!record) throw problems.notFound('The checklist version');
    return versionView(record, await this.newestName());
  }

  /** The version a new campaign records: the one it names (published), or the newest. */
  async forCampaign(version: string | undefined): Promise<ChecklistVersionRecord> {
    const record = version === undefined ? await checklistStore.newest(this.db) : await checklistStore.version(this.db, version);
    if (!record) {
      throw problems.badRequest('The campaign names a checklist version that is not published.', [{ field: 'checklistVersion', message: 'must be a published checklist version' }]);
    }
    return record;
  }

  createTemplate(dto: CreateTemplateDto, userId: string): Promise<ChecklistVersionView> {
    return this.publish(dto.key, dto, userId, true);
  }

  async publishVersion(key: string, dto: PublishVersionDto, userId: string): Promise<ChecklistVersionView> {
    if (!(await checklistStore.templateExists(this.db, key))) throw problems.notFound('The checklist template');
    return this.publish(key, dto, userId, false);
  }

  /** Validated by the domain's rules, written and audited in one transaction: all of it or nothing. */
  private async publish(key: string, dto: PublishVersionDto, userId: string, newTemplate: boolean): Promise<ChecklistVersionView> {
    const draft = validateChecklistDraft(dto);
    if (isRejection(draft)) throw problems.badRequest(draft.reason, [...(draft.errors ?? [])]);
    let version: string;
    try {
      version = await this.db.transaction(async (manager) => {
        const name = await checklistStore.publish(manager, key, draft, userId, { newTemplate });
        await this.audit.record('checklist_published', requestActor(), name, { templateKey: key, title: draft.title, criteria: draft.criteria.length }, manager);
        return name;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'checklist_templates_pkey')) throw problems.conflict(`A checklist template with key ${key} already exists.`);
      if (isUniqueViolation(error, 'checklist_versions_number_unique') || isUniqueViolation(error, 'checklist_versions_pkey')) {
        throw problems.conflict('Another version of this template was published at the same moment; read it and publish again.');
      }
      throw error;
    }
    return this.version(version);
  }

  private newestName(): Promise<string | undefined> {
    return checklistStore.newestName(this.db);
  }
}

function summaryView(s: ChecklistVersionSummary, newest: string | undefined): ChecklistVersionSummaryView {
  return {
    version: s.version,
    templateKey: s.templateKey,
    number: s.number,
    title: s.title,
    publishedAt: new Date(s.publishedAt).toISOString(),
    criteriaCount: s.criteriaCount,
    newest: s.version === newest,
  };
}

function versionView(record: ChecklistVersionRecord, newest: string | undefined): ChecklistVersionView {
  return { ...summaryView(record, newest), criteria: record.criteria.map((c) => ({ code: c.code, nameVi: c.nameVi, name: c.name, groupVi: c.groupVi, group: c.group })) };
}
