/**
 * Read models for the admin dashboard: what awaits a decision, announced changes, recent exports, the audit log.
 * This file is the feature's public surface: other features and the outer layers import only what it exports.
 */
export { announcedChanges } from "./announced-changes.ts";
export type { AnnouncedChange } from "./announced-changes.ts";
export { AUDITED_TYPES, AUDIT_ACTIONS, auditActors, auditEntryById, newestAuditEntries, recentChanges } from "./audit-log.ts";
export type { AuditLogQuery } from "./audit-log.ts";
export { awaitingDecisions } from "./awaiting-decisions.ts";
export { CERTIFICATION_WARNING_DAYS, certificationWarnings } from "./certification-warnings.ts";
export type { CertificationWarning } from "./certification-warnings.ts";
export type { AwaitingDecisions } from "./awaiting-decisions.ts";
export { exportRequestOf } from "./document-link-query.ts";
export { documentOverview } from "./document-overview.ts";
export type { DocumentSummary } from "./document-overview.ts";
export { recentExports } from "./recent-exports.ts";
export type { ExportLine } from "./recent-exports.ts";
