import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { decide, Evidence, InspectionCommand, isRejection, UserActor } from '@inspectorate/domain';
import { AttachmentEntity } from '@inspectorate/attachments/attachment.entity';
import { CampaignEntity } from '@inspectorate/read-model';
import { InspectionAccess } from '../access/inspection-access';
import { newId } from '../common/deterministic-id';
import { FieldProblem, problems } from '../common/problem';
import { CommandGateway, CommandOptions, WorkflowGone } from '../temporal/command-gateway';
import { UnitsService } from '../units/units.service';
import { EvidenceDto } from './inspection.dto';
import { InspectionView } from './inspection.view';
import { InspectionQueries } from './inspections.queries';

/**
 * Sends a command to an inspection's workflow on behalf of the caller and answers with the
 * inspection as it stands after the command (read from the projection, already up to date).
 */
@Injectable()
export class InspectionCommands {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly queries: InspectionQueries,
    private readonly access: InspectionAccess,
    private readonly units: UnitsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async run(id: string, command: InspectionCommand, user: UserActor, options: CommandOptions): Promise<InspectionView> {
    await this.send(id, command, user, options);
    return this.queries.get(id, user);
  }

  async send(id: string, command: InspectionCommand, user: UserActor, options: CommandOptions): Promise<void> {
    await this.access.require(id, user);
    try {
      await this.gateway.inspection(id, command, user, options);
    } catch (error) {
      if (!(error instanceof WorkflowGone)) throw error;
      const { state } = await this.access.require(id, user);
      // The workflow has ended (a cancelled inspection), so it cannot judge the command: the same
      // pure decider does, on the last state, so that someone without the right still hears 403
      // (as the domain orders it), not a 409 that suggests only the state stands in the way.
      const verdict = decide(state, command, user, { now: new Date(), newId: randomUUID });
      if (isRejection(verdict) && verdict.code === 'forbidden') throw problems.forbidden(verdict.reason);
      throw problems.conflict(`The inspection is ${state.status}; it accepts no more commands.`);
    }
  }

  async scheduleFollowUp(parentId: string, window: { windowStart: string; windowEnd: string }, user: UserActor, options: CommandOptions): Promise<InspectionView> {
    const followUpInspectionId = newId('follow-up', user.userId, options.idempotencyKey, parentId);
    const command: InspectionCommand = { type: 'ScheduleFollowUp', followUpInspectionId, ...window };
    const { state: parent } = await this.access.require(parentId, user);
    // Someone without the right hears the workflow's 403 first, as the domain orders its refusals;
    // what only the API can see is asked for whoever may schedule one.
    const verdict = decide(parent, command, user, { now: new Date(), newId: randomUUID });
    if (!(isRejection(verdict) && verdict.code === 'forbidden')) {
      // A follow-up is a new inspection: not of a deactivated unit.
      await this.units.refuseInactive([{ field: 'unitId', unitId: parent.unitId }]);
      // It joins its parent's campaign, and a cancelled campaign takes nothing new. The inspection
      // cannot tell (a closed one is not told of the cancellation), so the campaign's row is asked.
      // One scheduled in the very moment of a cancellation passes this check; the campaign then
      // cancels it with its own reason as it joins (workflows/src/campaign.workflow.ts).
      const campaign = await this.db.getRepository(CampaignEntity).findOne({ where: { id: parent.campaignId }, select: { id: true, status: true } });
      if (campaign?.status === 'cancelled') throw problems.conflict('The campaign is cancelled: no follow-up inspection can join it.');
    }
    await this.send(parentId, command, user, options);
    return this.queries.get(followUpInspectionId, user);
  }

  /** Evidence may only point at attachments the caller uploaded: ids are not a way to borrow others' files. */
  async evidence(items: EvidenceDto[] | undefined, user: UserActor, field = 'evidence'): Promise<Evidence[] | undefined> {
    if (!items) return undefined;
    const ids = items.flatMap((item) => (item.attachmentId ? [item.attachmentId] : []));
    if (ids.length > 0) {
      const owned = await this.db.getRepository(AttachmentEntity).find({ where: { id: In(ids), uploadedBy: user.userId }, select: { id: true } });
      const ownedIds = new Set(owned.map((a) => a.id));
      const errors: FieldProblem[] = items.flatMap((item, index) =>
        item.attachmentId && !ownedIds.has(item.attachmentId) ? [{ field: `${field}.${index}.attachmentId`, message: 'must be an attachment you uploaded' }] : [],
      );
      if (errors.length > 0) throw problems.badRequest('Some evidence points at attachments you did not upload.', errors);
    }
    return items.map((item) => (item.attachmentId ? { attachmentId: item.attachmentId } : { text: item.text ?? '' }));
  }
}
