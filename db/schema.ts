// Storage shape of the register. The contract shape (what the API accepts and
// returns) lives in src/core/model and is mapped to these rows on purpose:
// columns can change without breaking API clients, and the reverse.
import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
} from "drizzle-orm/sqlite-core";
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
  (t) => [
    primaryKey({ columns: [t.activityId, t.dataCategoryId] }),
    index("activity_data_categories_category").on(t.dataCategoryId),
  ],
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
    companyNumber: text("company_number"),
    address: json<Address>("address").notNull(),
    contact: json<Contact>("contact").notNull(),
    service: json<LocalizedText>("service").notNull(),
    processingDescription: json<LocalizedText | null>("processing_description"),
    locations: json<Location[]>("locations").notNull(),
    transferMechanism: json<TransferMechanism | null>("transfer_mechanism"),
    status: text("status").notNull(),
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
  (t) => [
    primaryKey({ columns: [t.subProcessorId, t.activityId] }),
    index("sub_processor_activities_activity").on(t.activityId),
  ],
);

export const customers = sqliteTable("customers", {
  id: text("id").primaryKey(),
  legalName: text("legal_name").notNull(),
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
  (t) => [
    primaryKey({ columns: [t.agreementId, t.activityId] }),
    index("agreement_activities_activity").on(t.activityId),
  ],
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
  },
  (t) => [index("audit_entries_entity").on(t.entityType, t.entityId, t.seq)],
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
export const writeGuards = sqliteTable(
  "write_guards",
  { ok: integer("ok").notNull() },
  (t) => [check("write_guards_ok", sql`${t.ok} = 1`)],
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
  },
  (t) => [index("document_exports_sha256").on(t.sha256), index("document_exports_created").on(t.createdAt, t.id)],
);
