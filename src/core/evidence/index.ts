export { DAY_MS, EVIDENCE_ACTOR, runEvidenceTick } from "./evidence-tick.ts";
export { AuditEntry, AuditFilter, listAuditEntries } from "./list-audit-entries.ts";
export { VerificationReport } from "./verification-report.ts";
export { lastVerification, verifyRegister } from "./verify-register.ts";
