import { z } from "zod";
import { EntityMeta } from "../../kernel/values/meta.ts";
import { CHANGE_STATUSES, Id, IsoDate, LocalizedText } from "../../kernel/values/values.ts";
import { NAMED_AGREEMENT, idOrReference } from "../../register/index.ts";

const Timestamp = z.iso.datetime();

const TermsDocument = z.strictObject({
  title: z.string().trim().min(1).max(300).describe('What the document is, e.g. "General terms, version 2027-01".'),
  url: z
    .string()
    .trim()
    .max(2000)
    // A pattern rather than z.url(): the OpenAPI document states it exactly, and the page links to it (so no javascript: URL).
    .regex(/^https?:\/\/[^\s/?#]+[^\s]*$/, "Give an http or https address where the customer can read it.")
    .describe("Where the customer can read it: an http or https address."),
});

export const TermsChangeInput = z.strictObject({
  version: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .describe("The version of the terms the agreements move to; the annexes name it once it applies."),
  summary: LocalizedText.describe("What changes and why, as the notice tells the customer."),
  effectiveOn: IsoDate.describe("The day the new terms are to apply; not before the last objection window closes."),
  documents: z.array(TermsDocument).max(20).default([]).describe("The new terms and anything else the customer should read."),
  agreementIds: z
    .array(idOrReference(NAMED_AGREEMENT))
    .min(1)
    .max(10_000)
    .optional()
    .describe("The agreements whose terms change (ids or references); default: every active agreement."),
  announce: z.boolean().default(false).describe("Announce at once: one notice per agreement, with its terms-change window."),
});
export type TermsChangeInput = z.infer<typeof TermsChangeInput>;

export const TermsChange = z.object({
  ...EntityMeta,
  version: z.string(),
  summary: LocalizedText,
  documents: z.array(TermsDocument),
  agreementIds: z.array(Id),
  effectiveOn: IsoDate,
  status: z.enum(CHANGE_STATUSES),
  announcedAt: Timestamp.nullable(),
  earliestEffective: IsoDate.nullable().describe("The first day the terms may apply: the day after the latest notice's last day."),
  effectiveAt: Timestamp.nullable(),
  withdrawnAt: Timestamp.nullable(),
  withdrawalReason: z.string().nullable(),
});
export type TermsChange = z.infer<typeof TermsChange>;

export const AnnounceTermsInput = z.strictObject({
  effectiveOn: IsoDate.optional().describe("A new effective date; else the proposal's."),
});

export const TermsChangeListQuery = z.strictObject({ status: z.enum(CHANGE_STATUSES).optional() });
