// Value objects shared by the register's entities, as zod schemas: the single
// source for validation, TypeScript types and the OpenAPI document.
import { z } from "zod";
import { COUNTRY_CODES } from "./countries.ts";

export const LANGUAGES = ["en", "nl", "fr"] as const;
export const Language = z.enum(LANGUAGES).describe("Document language (ISO 639-1).");
export type Language = z.infer<typeof Language>;

// The closed sets of values a stored column takes. They live here, with the
// other value types, so db/schema types its columns by them (the only part
// of src the storage shape may import) and rows read back need no casts.

export const ACTIVITY_ROLES = ["controller", "processor"] as const;
export const LEGAL_BASES = ["consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests"] as const;

/** Art. 9(2)(a) to (j). */
export const ART9_CONDITIONS = [
  "explicit_consent",
  "employment_social_security",
  "vital_interests",
  "not_for_profit_body",
  "made_public_by_data_subject",
  "legal_claims",
  "substantial_public_interest",
  "health_or_social_care",
  "public_health",
  "archiving_research_statistics",
] as const;

export const ACTIVITY_STATUSES = ["draft", "active", "retired"] as const;
export const AGREEMENT_STATUSES = ["draft", "active", "terminated"] as const;
/** SCC clause 7.7(a): option 1 prior specific authorisation, option 2 general written authorisation. */
export const AUTHORISATION_OPTIONS = ["prior_specific", "general"] as const;
export const SPECIAL_CATEGORIES = ["none", "art9", "art10"] as const;
export const SUB_PROCESSOR_STATUSES = ["proposed", "active", "retired", "rejected"] as const;

/** The headings of Annex III of the standard contractual clauses (Implementing Decision 2021/915). */
export const ANNEX_III_HEADINGS = [
  "pseudonymisation_encryption",
  "confidentiality_integrity_availability_resilience",
  "restore_availability",
  "regular_testing",
  "user_identification_authorisation",
  "protection_in_transmission",
  "protection_in_storage",
  "physical_security",
  "event_logging",
  "system_configuration",
  "it_governance",
  "certification_assurance",
  "data_minimisation",
  "data_quality",
  "limited_retention",
  "accountability",
  "portability_erasure",
] as const;

export const CHANGE_KINDS = ["add", "replace", "remove", "change_locations", "change_chain"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const CHANGE_STATUSES = ["proposed", "announced", "effective", "withdrawn"] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

export const NOTICE_KINDS = ["objection_window", "authorisation_request"] as const;
/** What a notice tells the customer about: a change of sub-processors (clause 7.7) or a change of the agreement's terms. */
export const NOTICE_SUBJECTS = ["sub_processor_change", "terms_change"] as const;
export type NoticeSubject = (typeof NOTICE_SUBJECTS)[number];
export const NOTICE_STATUSES = ["open", "closed"] as const;
export const NOTICE_OUTCOMES = ["pending", "applies", "excluded"] as const;
export const AUTHORISATION_DECISIONS = ["granted", "refused"] as const;
/** Where a notice's authorisation request stands (null on an objection window). */
export const NOTICE_AUTHORISATIONS = ["requested", ...AUTHORISATION_DECISIONS] as const;
export const OBJECTION_CHANNELS = ["api", "email", "letter", "link"] as const;
export const RESOLUTIONS = ["withdrawn", "alternative_offered", "customer_terminated", "overruled"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/**
 * Duties a contract clock starts. Termination starts three, each run by the agreement's clock of
 * the same purpose: deactivating the customer's accounts, the window in which the customer may
 * export its data, and deleting or returning the personal data (SCC clause 7.1(d)/(e)). A personal
 * data breach starts one per agreement it affects: notifying the customer (Art. 33(2)).
 */
export const OBLIGATION_KINDS = ["account_deactivation", "data_export", "deletion_or_return", "breach_notification"] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];
/** The events that start obligations. */
export const OBLIGATION_TRIGGERS = ["termination", "breach"] as const;
/** Where an obligation stands as stored; an open one past its deadline is shown as overdue. */
export const OBLIGATION_STATES = ["open", "done", "waived"] as const;
export const OBLIGATION_STATUSES = ["open", "overdue", "done", "waived"] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

/** Where a customer's audit of the processor stands (SCC clause 7.6, Art. 28(3)(h)). */
export const CUSTOMER_AUDIT_STATES = ["requested", "scheduled", "completed", "cancelled"] as const;
export type CustomerAuditState = (typeof CUSTOMER_AUDIT_STATES)[number];

export const ROLES = ["admin", "editor", "read-only", "procurement", "calendar"] as const;
export type Role = (typeof ROLES)[number];
/** People sign in as one of three roles; `procurement` and `calendar` are for API tokens only. */
export const USER_ROLES = ["admin", "editor", "read-only"] as const satisfies readonly Role[];
export type UserRole = (typeof USER_ROLES)[number];

export const DOCUMENT_KINDS = ["art30-controller", "art30-processor", "annex"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_FORMATS = ["html", "pdf", "csv", "xlsx", "json", "jsonld"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const VERIFICATION_TRIGGERS = ["daily", "cli", "admin", "backup", "restore", "import"] as const;
export type VerificationTrigger = (typeof VERIFICATION_TRIGGERS)[number];

/** One thing a run of the register's verification found wrong (core/audit/verify-register.ts); stored with the run. */
export const VerificationProblem = z.object({
  check: z
    .enum(["chain", "checkpoint", "state"])
    .describe("chain: the hash chain itself; checkpoint: a signed checkpoint; state: a row against its audit trail."),
  seq: z.int().nullable().describe("The audit entry it concerns, where one can be named."),
  subject: z.string().nullable().describe("The record or checkpoint it concerns, e.g. 'agreement 0193…' or 'checkpoint 120'."),
  message: z.string(),
});
export type VerificationProblem = z.infer<typeof VerificationProblem>;

/** Long enough for real clauses; bounded so one field cannot fill the database. */
const MAX_TEXT = 50_000;
export const Text = z.string().trim().min(1).max(MAX_TEXT);
const ShortText = z.string().trim().min(1).max(500);

export const LocalizedText = z
  .strictObject({ en: Text.optional(), nl: Text.optional(), fr: Text.optional() })
  .refine((t) => t.en !== undefined || t.nl !== undefined || t.fr !== undefined, {
    message: "Give the text in at least one language (en, nl or fr).",
  })
  .describe("The same text in one or more languages, keyed by language code.")
  // The refinement above, as the OpenAPI document states it.
  .meta({ minProperties: 1 });
export type LocalizedText = z.infer<typeof LocalizedText>;

export const CountryCode = z
  .enum(COUNTRY_CODES, { message: "Not an ISO 3166-1 alpha-2 country code (e.g. BE, DE, US)." })
  .describe("ISO 3166-1 alpha-2 country code, upper case.")
  .meta({ id: "CountryCode" });

export const IsoDate = z.iso.date().describe("A calendar date, YYYY-MM-DD.");
/** An instant a client sends: RFC 3339 with Z or any offset; the register stores and answers it in UTC. */
export const InstantInput = z.iso
  .datetime({ offset: true })
  .describe("An instant, RFC 3339, with Z or an offset (e.g. 2027-01-04T23:30:00+01:00); stored in UTC.");
export const Id = z.uuid().describe("Identifier made by the register.");

/**
 * A person's name for a record (CF-DPA-2024-001, AWS, a CRM account number):
 * unique within its kind and accepted wherever the record's id is. It may not
 * look like an id, or a path naming it could mean two records.
 */
export const Reference = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((value) => !Id.safeParse(value).success, { message: "A reference cannot have the form of a register id (a UUID)." });

export const Address = z.strictObject({
  street: ShortText,
  postalCode: z.string().trim().min(1).max(20),
  city: ShortText,
  region: ShortText.optional(),
  country: CountryCode,
});
export type Address = z.infer<typeof Address>;

export const Contact = z.strictObject({
  name: ShortText.optional(),
  position: ShortText.optional(),
  email: z.email().max(320),
  phone: z.string().trim().min(3).max(40).optional(),
});
export type Contact = z.infer<typeof Contact>;

export const Representative = z.strictObject({
  name: ShortText,
  address: Address,
  email: z.email().max(320),
  phone: z.string().trim().min(3).max(40).optional(),
});
export type Representative = z.infer<typeof Representative>;

/** A controller that determines the purposes and means jointly with the organisation (Art. 26), named in Art. 30(1)(a). */
export const JointController = z.strictObject({
  legalName: ShortText,
  address: Address.optional(),
  contact: Contact,
  arrangement: LocalizedText.optional().describe(
    "The essence of the arrangement (Art. 26(2)): who does what, e.g. who answers data subjects' requests.",
  ),
});
export type JointController = z.infer<typeof JointController>;

export const TimeLength = z.strictObject({
  length: z.int().min(1).max(3650),
  unit: z.enum(["days", "months", "years"]),
});

/** A contract clock's period; calendar days count per Regulation 1182/71. */
export const ClockPeriod = z.strictObject({
  length: z.int().min(1).max(3650),
  unit: z.enum(["calendar_days", "working_days", "months"]),
});
export type ClockPeriod = z.infer<typeof ClockPeriod>;

/** A period counted in hours from an instant (a breach's discovery): no day moves off a holiday. */
export const HoursPeriod = z.strictObject({
  length: z.int().min(1).max(720),
  unit: z.literal("hours"),
});
export type HoursPeriod = z.infer<typeof HoursPeriod>;

/** Any clock's period: days and months counted by the calendar, or hours from an instant. */
export type AnyPeriod = ClockPeriod | HoursPeriod;

export const CLOCK_NAMES = [
  "subProcessorNotice",
  "auditNotice",
  "exportWindow",
  "deletionOrReturn",
  "accountDeactivation",
  "termsChangeObjection",
  "breachNotification",
] as const;
export type ClockName = (typeof CLOCK_NAMES)[number];

export const Clocks = z
  .strictObject({
    subProcessorNotice: ClockPeriod.describe(
      "Clause 7.7: how long before engaging a sub-processor the customer is told (option 2) or asked (option 1); the objection window.",
    ),
    auditNotice: ClockPeriod.nullable().optional(),
    exportWindow: ClockPeriod.nullable().optional(),
    deletionOrReturn: ClockPeriod.nullable().optional(),
    accountDeactivation: ClockPeriod.nullable().optional(),
    termsChangeObjection: ClockPeriod.nullable().optional(),
    breachNotification: HoursPeriod.nullable()
      .optional()
      .describe(
        "How long after discovering a personal data breach the processor notifies the customer (Art. 33(2)); without one, 'without undue delay' is taken as 24 hours.",
      ),
  })
  .describe("The agreement's contract clocks, each a period counted from its trigger.");
export type Clocks = z.infer<typeof Clocks>;

export const Retention = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("period"), period: TimeLength, note: LocalizedText.optional() }),
    z.strictObject({
      kind: z.literal("event"),
      event: LocalizedText.describe("What starts the clock, e.g. end of the contract."),
      offset: TimeLength.optional(),
      note: LocalizedText.optional(),
    }),
  ])
  .describe("When the data must be erased: a fixed period, or an event plus an optional offset.");
export type Retention = z.infer<typeof Retention>;

export const ART49_DEROGATIONS = [
  "explicit_consent",
  "contract_with_data_subject",
  "contract_in_interest_of_data_subject",
  "public_interest",
  "legal_claims",
  "vital_interests",
  "public_register",
  "compelling_legitimate_interests",
] as const;

export const TransferMechanism = z
  .strictObject({
    kind: z.enum(["adequacy", "scc", "bcr", "art49_derogation"]),
    derogation: z.enum(ART49_DEROGATIONS).optional(),
    safeguards: LocalizedText.optional().describe(
      "Documented suitable safeguards; required for an Art. 49(1) second-subparagraph transfer.",
    ),
  })
  .superRefine((m, ctx) => {
    if (m.kind === "art49_derogation" && !m.derogation) {
      ctx.addIssue({ code: "custom", path: ["derogation"], message: "Name the Art. 49 derogation relied on." });
    }
    if (m.kind !== "art49_derogation" && m.derogation) {
      ctx.addIssue({ code: "custom", path: ["derogation"], message: "A derogation only applies to kind art49_derogation." });
    }
    if (m.derogation === "compelling_legitimate_interests" && !m.safeguards) {
      ctx.addIssue({
        code: "custom",
        path: ["safeguards"],
        message: "Art. 30(1)(e): document the suitable safeguards of an Art. 49(1) second-subparagraph transfer.",
      });
    }
  })
  // The refinement above, as the OpenAPI document states it (the validator keeps its field-by-field messages).
  .meta({
    anyOf: [
      { properties: { kind: { enum: ["adequacy", "scc", "bcr"] } }, not: { properties: { derogation: {} }, required: ["derogation"] } },
      {
        properties: { kind: { const: "art49_derogation" }, derogation: { not: { const: "compelling_legitimate_interests" } } },
        required: ["derogation"],
      },
      {
        properties: { kind: { const: "art49_derogation" }, derogation: { const: "compelling_legitimate_interests" }, safeguards: {} },
        required: ["derogation", "safeguards"],
      },
    ],
  });
export type TransferMechanism = z.infer<typeof TransferMechanism>;

export const Transfer = z.strictObject({
  country: CountryCode,
  recipient: ShortText.optional(),
  mechanism: TransferMechanism.nullable().describe("Null while undecided; the completeness check flags it."),
});
export type Transfer = z.infer<typeof Transfer>;

export const Recipient = z.strictObject({
  name: LocalizedText,
  country: CountryCode.optional(),
});
export type Recipient = z.infer<typeof Recipient>;

export const Location = z.strictObject({ country: CountryCode, region: ShortText.optional() });
export type Location = z.infer<typeof Location>;

/** Art. 35: whether an activity needs a data protection impact assessment, its reference once done, or why it needs none. */
export const Dpia = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("required") }),
    z.strictObject({ kind: z.literal("done"), reference: ShortText.describe("Where the assessment is kept."), doneOn: IsoDate.optional() }),
    z.strictObject({ kind: z.literal("not_required"), reason: Text.describe("Why no assessment is needed (Art. 35(1), (3), (5)).") }),
  ])
  .describe(
    "Data protection impact assessment (Art. 35): required (not done yet), done (with its reference) or not required (with the reason).",
  );
export type Dpia = z.infer<typeof Dpia>;

export const Certification = z.strictObject({
  name: ShortText,
  issuer: ShortText.optional(),
  validUntil: IsoDate.optional(),
});
export type Certification = z.infer<typeof Certification>;
