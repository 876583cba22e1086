// Names for the generated schema types, so features never spell out `components['schemas'][...]`.
import type { components } from './openapi';

type Schemas = components['schemas'];
export type User = Schemas['UserView'];
export type Role = User['role'];
export type LoginResult = Schemas['LoginResult'];
export type Problem = Schemas['ProblemDetails'];
export type Inspection = Schemas['InspectionView'];
export type InspectionStatus = Inspection['status'];
export type Finding = Schemas['FindingView'];
export type Conclusion = Schemas['ConclusionView'];
export type CorrectiveAction = Schemas['CorrectiveActionView'];
export type Campaign = Schemas['CampaignView'];
export type CampaignTarget = Schemas['CampaignTargetView'];
export type Unit = Schemas['UnitView'];
export type Notification = Schemas['NotificationView'];
export type AccountabilityCase = Schemas['AccountabilityCaseView'];
export type InspectionEvent = Schemas['InspectionEventView'];
export type Attachment = Schemas['AttachmentView'];
export type EvidenceInput = Schemas['EvidenceDto'];
export type VisitWindow = Schemas['VisitWindowView'];
export type Language = 'vi' | 'en';
export type AuditLogPage = Schemas['AuditLogPage'];
