/**
 * Audits of the processor by its customers (Art. 28(3)(h), SCC clause 7.6): the notice measured
 * against the agreement's audit clock, the earliest start, the schedule and the outcome.
 * This file is the feature's public surface: other features and the outer layers import only what it exports.
 */
export { auditEvents } from "./audit-calendar.ts";
export { CustomerAuditListQuery, getCustomerAudit, listCustomerAudits, pendingAudits } from "./audit-queries.ts";
export type { AuditView } from "./audit-queries.ts";
export { cancelAudit, recordAuditOutcome, scheduleAudit } from "./manage-audit.ts";
export { AuditRequestInput, CancelInput, CUSTOMER_AUDIT_STATES, CustomerAudit, OutcomeInput, ScheduleInput } from "./model.ts";
export type { CustomerAuditState } from "./model.ts";
export { requestAudit } from "./request-audit.ts";
