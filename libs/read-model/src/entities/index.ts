import { AccountabilityCaseEntity } from './accountability-case.entity';
import { CampaignEntity } from './campaign.entity';
import { CorrectiveActionEntity } from './corrective-action.entity';
import { FindingEntity } from './finding.entity';
import { InspectionEntity } from './inspection.entity';
import { NotificationEntity, NotificationReadEntity } from './notification.entity';

export {
  AccountabilityCaseEntity,
  CampaignEntity,
  CorrectiveActionEntity,
  FindingEntity,
  InspectionEntity,
  NotificationEntity,
  NotificationReadEntity,
};

export const READ_MODEL_ENTITIES = [
  InspectionEntity,
  FindingEntity,
  CorrectiveActionEntity,
  AccountabilityCaseEntity,
  NotificationEntity,
  NotificationReadEntity,
  CampaignEntity,
];

/** The tables a rebuild empties and refills from the log (notification_reads is user state and stays). */
export const PROJECTION_TABLES = [
  'inspections',
  'findings',
  'corrective_actions',
  'accountability_cases',
  'notifications',
  'campaigns',
] as const;
