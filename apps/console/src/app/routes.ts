import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../api/types';

/**
 * The one route table: paths (stable — notifications and e-mails link to them), who may open
 * them, and the navigation entry. Each screen is its own lazily loaded chunk (budget: 100 KB gzip).
 * To add a screen: a feature folder under features/, catalogues under i18n/{vi,en}/, a row here.
 */
export interface RouteEntry {
  readonly path: string;
  readonly screen: LazyExoticComponent<ComponentType>;
  /** Roles that see this screen; undefined = everyone signed in. */
  readonly roles?: readonly Role[];
  /** The navigation entry's message key (namespace:key); absent for screens reached by links. */
  readonly nav?: string;
}

const TEAM: readonly Role[] = ['lead_inspector', 'inspector'];
/** api.md's "staff roles". */
const STAFF: readonly Role[] = ['admin', ...TEAM, 'chairman'];

export const ROUTES: readonly RouteEntry[] = [
  { path: '/', screen: lazy(() => import('../features/work/MyWorkPage')), nav: 'common:nav.work' },
  { path: '/approvals', screen: lazy(() => import('../features/approvals/ApprovalsPage')), roles: ['chairman'], nav: 'common:nav.approvals' },
  { path: '/campaigns', screen: lazy(() => import('../features/campaigns/CampaignsPage')), roles: [...TEAM, 'chairman'], nav: 'common:nav.campaigns' },
  { path: '/campaigns/new', screen: lazy(() => import('../features/campaigns/NewCampaignPage')), roles: ['lead_inspector'] },
  { path: '/campaigns/:id', screen: lazy(() => import('../features/campaigns/CampaignPage')), roles: [...TEAM, 'chairman'] },
  { path: '/inspections', screen: lazy(() => import('../features/inspections/InspectionsPage')), roles: [...TEAM, 'chairman', 'unit_head'], nav: 'common:nav.inspections' },
  { path: '/inspections/:id', screen: lazy(() => import('../features/inspections/InspectionPage')), roles: [...TEAM, 'chairman', 'unit_head'] },
  { path: '/inspections/:id/visit', screen: lazy(() => import('../features/visit/VisitPage')), roles: TEAM },
  { path: '/checklists', screen: lazy(() => import('../features/checklists/ChecklistsPage')), roles: STAFF, nav: 'common:nav.checklists' },
  { path: '/checklists/:key/new-version', screen: lazy(() => import('../features/checklists/PublishVersionPage')), roles: ['admin'] },
  { path: '/checklists/:version', screen: lazy(() => import('../features/checklists/ChecklistVersionPage')), roles: STAFF },
  { path: '/accountability', screen: lazy(() => import('../features/accountability/AccountabilityPage')), roles: ['chairman', 'lead_inspector', 'unit_head'], nav: 'common:nav.accountability' },
  // Reports, notifications and administration (part 2).
  { path: '/reports', screen: lazy(() => import('../features/reports/DashboardPage')), nav: 'common:nav.reports' },
  { path: '/reports/overdue', screen: lazy(() => import('../features/reports/OverduePage')) },
  { path: '/reports/units/:id', screen: lazy(() => import('../features/reports/UnitReportPage')) },
  { path: '/reports/campaigns/:id', screen: lazy(() => import('../features/reports/CampaignReportPage')), roles: STAFF },
  // No navigation entry: the header's notifications link, with its unread count, is always there.
  { path: '/notifications', screen: lazy(() => import('../features/notifications/NotificationsPage')) },
  { path: '/admin/units', screen: lazy(() => import('../features/admin/UnitsPage')), roles: ['admin'], nav: 'common:nav.admin' },
  { path: '/admin/users', screen: lazy(() => import('../features/admin/UsersPage')), roles: ['admin'] },
  { path: '/admin/audit', screen: lazy(() => import('../features/admin/AuditPage')), roles: ['admin'] },
  { path: '/admin/audit-log', screen: lazy(() => import('../features/audit/AuditLogPage')), roles: ['admin', 'chairman'], nav: 'common:nav.auditLog' },
];

export const allows = (route: RouteEntry, role: Role) => !route.roles || route.roles.includes(role);
