// Register entities: the organisation, what it processes (categories,
// measures, activities), its sub-processors, and its customers' agreements.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import {
  ACTIVITY_ROLES,
  ACTIVITY_STATUSES,
  AGREEMENT_STATUSES,
  ANNEX_III_HEADINGS,
  ART9_CONDITIONS,
  AUTHORISATION_OPTIONS,
  type Address,
  type Certification,
  type Clocks,
  type Dpia,
  type JointController,
  type Contact,
  LANGUAGES,
  LEGAL_BASES,
  type LocalizedText,
  type Location,
  type Recipient,
  type Representative,
  type Retention,
  SPECIAL_CATEGORIES,
  SUB_PROCESSOR_STATUSES,
  type Transfer,
  type TransferMechanism,
} from "../../src/core/kernel/values/values.ts";
import { json, tracked } from "./columns.ts";

export const organisation = sqliteTable("organisation", {
  id: text("id").primaryKey(),
  legalName: text("legal_name").notNull(),
  companyNumber: text("company_number"),
  address: json<Address>("address").notNull(),
  contact: json<Contact>("contact").notNull(),
  dpo: json<Contact | null>("dpo"),
  euRepresentative: json<Representative | null>("eu_representative"),
  /** Null in rows written before joint controllers were recorded: none. */
  jointControllers: json<JointController[] | null>("joint_controllers"),
  defaultLanguage: text("default_language", { enum: LANGUAGES }).notNull(),
  ...tracked,
});

export const dataCategories = sqliteTable("data_categories", {
  id: text("id").primaryKey(),
  name: json<LocalizedText>("name").notNull(),
  description: json<LocalizedText | null>("description"),
  special: text("special", { enum: SPECIAL_CATEGORIES }).notNull(),
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
  heading: text("heading", { enum: ANNEX_III_HEADINGS }).notNull(),
  title: json<LocalizedText>("title").notNull(),
  description: json<LocalizedText>("description").notNull(),
  certifications: json<Certification[]>("certifications").notNull(),
  ...tracked,
});

export const activities = sqliteTable(
  "processing_activities",
  {
    id: text("id").primaryKey(),
    role: text("role", { enum: ACTIVITY_ROLES }).notNull(),
    name: json<LocalizedText>("name").notNull(),
    purposes: json<LocalizedText[]>("purposes").notNull(),
    subjectMatter: json<LocalizedText | null>("subject_matter"),
    nature: json<LocalizedText | null>("nature"),
    legalBasis: text("legal_basis", { enum: LEGAL_BASES }),
    specialCategoryCondition: text("special_category_condition", { enum: ART9_CONDITIONS }),
    specialCategorySafeguards: json<LocalizedText | null>("special_category_safeguards"),
    recipients: json<Recipient[]>("recipients").notNull(),
    transfers: json<Transfer[]>("transfers").notNull(),
    dpia: json<Dpia | null>("dpia"),
    jointControllers: json<JointController[] | null>("joint_controllers"),
    nextReviewOn: text("next_review_on"),
    status: text("status", { enum: ACTIVITY_STATUSES }).notNull(),
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
    status: text("status", { enum: SUB_PROCESSOR_STATUSES }).notNull(),
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
  language: text("language", { enum: LANGUAGES }).notNull(),
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
    language: text("language", { enum: LANGUAGES }).notNull(),
    authorisation: text("authorisation", { enum: AUTHORISATION_OPTIONS }).notNull(),
    clocks: json<Clocks>("clocks").notNull(),
    governingCountry: text("governing_country").notNull(),
    timeZone: text("time_zone").notNull(),
    status: text("status", { enum: AGREEMENT_STATUSES }).notNull(),
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
