// Storage shape of the register. The contract shape (what the API accepts and
// returns) lives in src/core/model and is mapped to these rows on purpose:
// columns can change without breaking API clients, and the reverse.
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type {
  Address,
  Certification,
  Clocks,
  Contact,
  LocalizedText,
  Location,
  Recipient,
  Representative,
  Retention,
  Transfer,
  TransferMechanism,
} from "../src/core/model/values.ts";

const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();

/** Columns every register entity carries: optimistic-lock revision and timestamps. */
const tracked = {
  revision: integer("revision").notNull(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
};

export const organisation = sqliteTable("organisation", {
  id: text("id").primaryKey(),
  legalName: text("legal_name").notNull(),
  companyNumber: text("company_number"),
  address: json<Address>("address").notNull(),
  contact: json<Contact>("contact").notNull(),
  dpo: json<Contact | null>("dpo"),
  euRepresentative: json<Representative | null>("eu_representative"),
  defaultLanguage: text("default_language").notNull(),
  ...tracked,
});

export const dataCategories = sqliteTable("data_categories", {
  id: text("id").primaryKey(),
  name: json<LocalizedText>("name").notNull(),
  description: json<LocalizedText | null>("description"),
  special: text("special").notNull(),
  ...tracked,
});

export const subjectCategories = sqliteTable("subject_categories", {
  id: text("id").primaryKey(),
  name: json<LocalizedText>("name").notNull(),
  description: json<LocalizedText | null>("description"),
  ...tracked,
});

export const securityMeasures = sqliteTable("security_measures", {
  id: text("id").primaryKey(),
  heading: text("heading").notNull(),
  title: json<LocalizedText>("title").notNull(),
  description: json<LocalizedText>("description").notNull(),
  certifications: json<Certification[]>("certifications").notNull(),
  ...tracked,
});

export const activities = sqliteTable(
  "processing_activities",
  {
    id: text("id").primaryKey(),
    role: text("role").notNull(),
    name: json<LocalizedText>("name").notNull(),
    purposes: json<LocalizedText[]>("purposes").notNull(),
    subjectMatter: json<LocalizedText | null>("subject_matter"),
    nature: json<LocalizedText | null>("nature"),
    legalBasis: text("legal_basis"),
    specialCategoryCondition: text("special_category_condition"),
    specialCategorySafeguards: json<LocalizedText | null>("special_category_safeguards"),
    recipients: json<Recipient[]>("recipients").notNull(),
    transfers: json<Transfer[]>("transfers").notNull(),
    status: text("status").notNull(),
    archivedAt: text("archived_at"),
    ...tracked,
  },
  (t) => [index("activities_role_status").on(t.role, t.status)],
);

export const activitySubjectCategories = sqliteTable(
  "activity_subject_categories",
  {
    activityId: text("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    subjectCategoryId: text("subject_category_id")
      .notNull()
      .references(() => subjectCategories.id, { onDelete: "restrict" }),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.subjectCategoryId] }),
    index("activity_subject_categories_category").on(t.subjectCategoryId),
  ],
);

export const activityDataCategories = sqliteTable(
  "activity_data_categories",
  {
    activityId: text("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    dataCategoryId: text("data_category_id")
      .notNull()
      .references(() => dataCategories.id, { onDelete: "restrict" }),
    position: integer("position").notNull(),
    retention: json<Retention | null>("retention"),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.dataCategoryId] }), index("activity_data_categories_category").on(t.dataCategoryId)],
);

export const activitySecurityMeasures = sqliteTable(
  "activity_security_measures",
  {
    activityId: text("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    securityMeasureId: text("security_measure_id")
      .notNull()
      .references(() => securityMeasures.id, { onDelete: "restrict" }),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.securityMeasureId] }),
    index("activity_security_measures_measure").on(t.securityMeasureId),
  ],
);

export const subProcessors = sqliteTable(
  "sub_processors",
  {
    id: text("id").primaryKey(),
    legalName: text("legal_name").notNull(),
    reference: text("reference").unique(),
    companyNumber: text("company_number"),
    address: json<Address>("address").notNull(),
    contact: json<Contact>("contact").notNull(),
    service: json<LocalizedText>("service").notNull(),
    processingDescription: json<LocalizedText | null>("processing_description"),
    locations: json<Location[]>("locations").notNull(),
    transferMechanism: json<TransferMechanism | null>("transfer_mechanism"),
    status: text("status").notNull(),
    /** Agreements kept out of this vendor by an objection's resolution (alternative offered, customer terminated). */
    excludedAgreementIds: json<string[]>("excluded_agreement_ids").notNull().default(sql`'[]'`),
    // biome-ignore lint/suspicious/noExplicitAny: a self-reference must break the table's type inference (Drizzle's documented form)
    parentId: text("parent_id").references((): any => subProcessors.id, {
      onDelete: "restrict",
    }),
    archivedAt: text("archived_at"),
    ...tracked,
  },
  (t) => [index("sub_processors_status").on(t.status), index("sub_processors_parent").on(t.parentId)],
);

export const subProcessorActivities = sqliteTable(
  "sub_processor_activities",
  {
    subProcessorId: text("sub_processor_id")
      .notNull()
      .references(() => subProcessors.id, { onDelete: "cascade" }),
    activityId: text("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "restrict" }),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.subProcessorId, t.activityId] }), index("sub_processor_activities_activity").on(t.activityId)],
);

export const customers = sqliteTable("customers", {
  id: text("id").primaryKey(),
  legalName: text("legal_name").notNull(),
  reference: text("reference").unique(),
  companyNumber: text("company_number"),
  address: json<Address>("address").notNull(),
  contact: json<Contact>("contact").notNull(),
  dpo: json<Contact | null>("dpo"),
  language: text("language").notNull(),
  archivedAt: text("archived_at"),
  ...tracked,
});

export const agreements = sqliteTable(
  "agreements",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "restrict" }),
    reference: text("reference").notNull().unique(),
    version: text("version").notNull(),
    signedOn: text("signed_on"),
    endedOn: text("ended_on"),
    language: text("language").notNull(),
    authorisation: text("authorisation").notNull(),
    clocks: json<Clocks>("clocks").notNull(),
    governingCountry: text("governing_country").notNull(),
    timeZone: text("time_zone").notNull(),
    status: text("status").notNull(),
    archivedAt: text("archived_at"),
    ...tracked,
  },
  (t) => [index("agreements_customer").on(t.customerId)],
);

export const agreementActivities = sqliteTable(
  "agreement_activities",
  {
    agreementId: text("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    activityId: text("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "restrict" }),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.activityId] }), index("agreement_activities_activity").on(t.activityId)],
);

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
    /** The previous entry's hash (core/audit/audit-chain.ts); unique, so the chain cannot fork. */
    prevHash: text("prev_hash").unique(),
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
    trigger: text("trigger").notNull(),
    ok: integer("ok", { mode: "boolean" }).notNull(),
    entries: integer("entries").notNull(),
    head: text("head").notNull(),
    /** What the run found wrong, in order (empty when it verified). */
    problems: json<unknown[]>("problems").notNull(),
  },
  (t) => [index("verification_runs_at").on(t.at)],
);

export const apiTokens = sqliteTable("api_tokens", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  role: text("role").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: text("created_at").notNull(),
  createdBy: text("created_by").notNull(),
  revokedAt: text("revoked_at"),
  lastUsedAt: text("last_used_at"),
});

/**
 * A batch cannot branch, so optimistic-lock checks are statements that fail:
 * inserting count(*) of the expected row here breaks the CHECK when the row
 * changed since it was read, which rolls back the whole atomic unit on both
 * better-sqlite3 and D1. The batch deletes its guard rows before it ends.
 */
export const writeGuards = sqliteTable("write_guards", { ok: integer("ok").notNull() }, (t) => [
  check("write_guards_ok", sql`${t.ok} = 1`),
]);

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
    kind: text("kind").notNull(),
    agreementId: text("agreement_id"),
    language: text("language").notNull(),
    format: text("format").notNull(),
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

/**
 * A proposed change to the sub-processors (Art. 28(2), SCC clause 7.7):
 * add a vendor, replace one with another, remove one, change its locations
 * or the chain it is engaged through, for the affected activities. Announcing it opens one notice per
 * affected agreement; it becomes effective once every window has closed with
 * no open objection and every prior-specific authorisation is granted.
 */
export const subProcessorChanges = sqliteTable(
  "sub_processor_changes",
  {
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    subProcessorId: text("sub_processor_id")
      .notNull()
      .references(() => subProcessors.id, { onDelete: "restrict" }),
    replacesId: text("replaces_id").references(() => subProcessors.id, { onDelete: "restrict" }),
    locations: json<Location[] | null>("locations"),
    transferMechanism: json<TransferMechanism | null>("transfer_mechanism"),
    /** change_chain: the sub-processor that engages this one from then on (null: engaged directly). */
    parentId: text("parent_id").references(() => subProcessors.id, { onDelete: "restrict" }),
    activityIds: json<string[]>("activity_ids").notNull(),
    reason: json<LocalizedText>("reason").notNull(),
    intendedStart: text("intended_start").notNull(),
    status: text("status").notNull(),
    announcedAt: text("announced_at"),
    /** The first day work may start: the day after the latest notice's last day. */
    earliestStart: text("earliest_start"),
    effectiveAt: text("effective_at"),
    withdrawnAt: text("withdrawn_at"),
    withdrawalReason: text("withdrawal_reason"),
    reminderQueuedAt: text("reminder_queued_at"),
    /** A retried proposal with the same key returns this change instead of making another. */
    idempotencyKey: text("idempotency_key").unique(),
    requestHash: text("request_hash"),
    ...tracked,
  },
  (t) => [index("sub_processor_changes_status").on(t.status), index("sub_processor_changes_vendor").on(t.subProcessorId)],
);

/**
 * What one agreement was told about one change: an objection window (clause
 * 7.7 option 2) or an authorisation request (option 1), with its deadline
 * counted from the notice day by the agreement's own clock.
 */
export const changeNotices = sqliteTable(
  "change_notices",
  {
    id: text("id").primaryKey(),
    changeId: text("change_id")
      .notNull()
      .references(() => subProcessorChanges.id, { onDelete: "restrict" }),
    agreementId: text("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "restrict" }),
    customerId: text("customer_id").notNull(),
    kind: text("kind").notNull(),
    noticeDate: text("notice_date").notNull(),
    lastDay: text("last_day").notNull(),
    /** The first instant after the window: an objection received before it is on time. */
    closesAt: text("closes_at").notNull(),
    timeZone: text("time_zone").notNull(),
    period: json<{ length: number; unit: string }>("period").notNull(),
    authorisation: text("authorisation"),
    authorisationDecidedAt: text("authorisation_decided_at"),
    status: text("status").notNull(),
    outcome: text("outcome").notNull(),
    outcomeReason: text("outcome_reason"),
    ...tracked,
  },
  (t) => [
    index("change_notices_change").on(t.changeId, t.status),
    index("change_notices_agreement").on(t.agreementId),
    index("change_notices_closes").on(t.status, t.closesAt),
  ],
);

/** A customer's objection to a change, received against one notice; kept even when late. */
export const objections = sqliteTable(
  "objections",
  {
    id: text("id").primaryKey(),
    noticeId: text("notice_id")
      .notNull()
      .references(() => changeNotices.id, { onDelete: "restrict" }),
    changeId: text("change_id").notNull(),
    agreementId: text("agreement_id").notNull(),
    grounds: text("grounds").notNull(),
    receivedAt: text("received_at").notNull(),
    onTime: integer("on_time", { mode: "boolean" }).notNull(),
    channel: text("channel").notNull(),
    resolution: text("resolution"),
    resolutionReason: text("resolution_reason"),
    resolvedAt: text("resolved_at"),
    resolvedBy: text("resolved_by"),
    ...tracked,
  },
  (t) => [index("objections_notice").on(t.noticeId), index("objections_change").on(t.changeId, t.resolution)],
);

/**
 * E-mails to send, written in the same atomic unit as the event that causes
 * them, so a crash can neither lose one nor invent one. A deliverer sends
 * due rows and records the outcome; the row id is the Message-ID.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    relatedType: text("related_type").notNull(),
    relatedId: text("related_id").notNull(),
    createdAt: text("created_at").notNull(),
    status: text("status").notNull(),
    attempts: integer("attempts").notNull(),
    nextAttemptAt: text("next_attempt_at").notNull(),
    lastError: text("last_error"),
    sentAt: text("sent_at"),
  },
  (t) => [index("outbox_due").on(t.status, t.nextAttemptAt)],
);

/** People who sign in to the admin UI. Emails are stored lower-cased, so the unique index is case-insensitive. */
export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role").notNull(),
  /** Self-describing (`scrypt$N$r$p$salt$hash`), so the cost can rise without breaking old hashes. */
  passwordHash: text("password_hash").notNull(),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
  disabledAt: text("disabled_at"),
  /** Consecutive failed sign-ins; reaching the limit locks the account until `lockedUntil`. */
  failedSignIns: integer("failed_sign_ins").notNull().default(0),
  lockedUntil: text("locked_until"),
  revision: integer("revision").notNull().default(1),
});

/**
 * Admin UI sessions. The cookie holds a random secret; only its SHA-256 is
 * stored, so a copy of the database opens no session.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Synchroniser token every form of this session must echo. */
    csrfToken: text("csrf_token").notNull(),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    /** Absolute expiry, however active the session is. */
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Secrets the service makes for itself on first use (e.g. the key that signs customer objection links). */
export const appSecrets = sqliteTable("app_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: text("created_at").notNull(),
});
