/**
 * Evidence: verification of the hash chain, the signed checkpoints and every record against its audit trail; the audit log listing.
 * This file is the feature's public surface: other features and the outer layers import only what it exports.
 */
export { DAY_MS, EVIDENCE_ACTOR, runEvidenceTick } from "./evidence-tick.ts";
export { AuditEntry, AuditFilter, listAuditEntries } from "./list-audit-entries.ts";
export { VerificationReport } from "./verification-report.ts";
export { lastVerification, verifyRegister } from "./verify-register.ts";
