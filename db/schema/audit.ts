// Evidence: the append-only audit chain, the signed checkpoints over it, the
// runs that verified it, and every document that left the register.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import {
  DOCUMENT_FORMATS,
  DOCUMENT_KINDS,
  LANGUAGES,
  VERIFICATION_TRIGGERS,
  type VerificationProblem,
} from "../../src/core/kernel/values/values.ts";
import { json } from "./columns.ts";

/** Append-only history: one row per change, written in the change's atomic unit. */
export const auditEntries = sqliteTable(
  "audit_entries",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    id: text("id").notNull().unique(),
    at: text("at").notNull(),
    actorId: text("actor_id").notNull(),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: json<unknown>("before"),
    after: json<unknown>("after"),
    /** Why, where the action needs one: a correction of what otherwise follows a workflow. */
    reason: text("reason"),
    /**
     * The previous entry's hash (core/audit/audit-chain.ts). Not indexed: every
     * writer numbers its entries after the head it read, so the primary key on
     * seq already refuses a second entry after the same head (the chain cannot
     * fork), and a unique index on a random hash cost each audited write a page
     * of its own.
     */
    prevHash: text("prev_hash"),
    /** SHA-256 of this entry's canonical content, prevHash included. */
    hash: text("hash"),
  },
  (t) => [index("audit_entries_entity").on(t.entityType, t.entityId, t.seq)],
);

/**
 * Signed statements "the audit chain had `size` entries and its head was
 * `head` at `at`" (core/audit/checkpoints.ts). Signed with a key kept outside
 * the database and published, so a rewrite of the chain, even a consistent
 * one, no longer matches what a third party kept. Not audited themselves:
 * they attest to the chain rather than change the register.
 */
export const auditCheckpoints = sqliteTable("audit_checkpoints", {
  size: integer("size").primaryKey(),
  head: text("head").notNull(),
  at: text("at").notNull(),
  keyId: text("key_id").notNull(),
  publicKey: text("public_key").notNull(),
  signature: text("signature").notNull(),
});

/** Each run of the register's verification (core/audit/verify-register.ts), for the dashboard. */
export const verificationRuns = sqliteTable(
  "verification_runs",
  {
    id: text("id").primaryKey(),
    at: text("at").notNull(),
    trigger: text("trigger", { enum: VERIFICATION_TRIGGERS }).notNull(),
    ok: integer("ok", { mode: "boolean" }).notNull(),
    entries: integer("entries").notNull(),
    head: text("head").notNull(),
    /** What the run found wrong, in order (empty when it verified). */
    problems: json<VerificationProblem[]>("problems").notNull(),
  },
  (t) => [index("verification_runs_at").on(t.at)],
);

/**
 * Every document that left the register: what was asked for and the sha256 of
 * the bytes produced, so the same document can be regenerated and verified
 * later. `throughSeq` is the last audit entry the as-of state included, which
 * pins the state even when a write shares the as-of millisecond.
 */
export const documentExports = sqliteTable(
  "document_exports",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: DOCUMENT_KINDS }).notNull(),
    agreementId: text("agreement_id"),
    language: text("language", { enum: LANGUAGES }).notNull(),
    format: text("format", { enum: DOCUMENT_FORMATS }).notNull(),
    draft: integer("draft", { mode: "boolean" }).notNull(),
    asOf: text("as_of").notNull(),
    throughSeq: integer("through_seq").notNull(),
    templateVersion: text("template_version").notNull(),
    fingerprint: text("fingerprint").notNull(),
    sha256: text("sha256").notNull(),
    byteLength: integer("byte_length").notNull(),
    fileName: text("file_name").notNull(),
    actorId: text("actor_id").notNull(),
    actorName: text("actor_name").notNull(),
    createdAt: text("created_at").notNull(),
    /** The signed checkpoint printed in the document (audit_checkpoints.size); null for exports made before checkpoints. */
    checkpointSize: integer("checkpoint_size"),
  },
  (t) => [index("document_exports_sha256").on(t.sha256), index("document_exports_created").on(t.createdAt, t.id)],
);
