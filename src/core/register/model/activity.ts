import { z } from "zod";
import { ArchivableMeta } from "../../kernel/values/meta.ts";
import {
  ACTIVITY_ROLES,
  ACTIVITY_STATUSES,
  ART9_CONDITIONS,
  Dpia,
  Id,
  IsoDate,
  JointController,
  LEGAL_BASES,
  LocalizedText,
  Recipient,
  Retention,
  Transfer,
} from "../../kernel/values/values.ts";

export { ACTIVITY_ROLES, ACTIVITY_STATUSES, ART9_CONDITIONS, LEGAL_BASES };

export const ActivityDataCategory = z.strictObject({
  dataCategoryId: Id,
  retention: Retention.nullable().describe("Null while unknown; the completeness check flags it (Art. 30(1)(f))."),
});

export const ActivityInput = z.strictObject({
  role: z.enum(ACTIVITY_ROLES).describe("Whether the organisation acts as controller or as processor."),
  name: LocalizedText,
  purposes: z.array(LocalizedText).max(50).default([]),
  subjectMatter: LocalizedText.nullable().optional(),
  nature: LocalizedText.nullable().optional(),
  legalBasis: z.enum(LEGAL_BASES).nullable().optional().describe("Art. 6(1) legal basis (controller activities)."),
  specialCategoryCondition: z.enum(ART9_CONDITIONS).nullable().optional().describe("Art. 9(2) condition."),
  specialCategorySafeguards: LocalizedText.nullable().optional(),
  subjectCategoryIds: z.array(Id).max(200).default([]),
  dataCategories: z.array(ActivityDataCategory).max(500).default([]),
  recipients: z.array(Recipient).max(200).default([]),
  transfers: z.array(Transfer).max(200).default([]),
  securityMeasureIds: z.array(Id).max(500).default([]),
  jointControllers: z
    .array(JointController)
    .max(50)
    .default([])
    .describe("Joint controllers (Art. 26) of this processing, besides the organisation's own (controller activities)."),
  dpia: Dpia.nullable().optional(),
  nextReviewOn: IsoDate.nullable()
    .optional()
    .describe("When the activity is next reviewed; the DPO is reminded before, and the dashboard lists it once near."),
  status: z.enum(ACTIVITY_STATUSES).default("draft"),
});
export type ActivityInput = z.infer<typeof ActivityInput>;

export const Activity = z.object({
  ...ArchivableMeta,
  ...ActivityInput.shape,
  purposes: z.array(LocalizedText),
  subjectCategoryIds: z.array(Id),
  dataCategories: z.array(ActivityDataCategory),
  recipients: z.array(Recipient),
  transfers: z.array(Transfer),
  securityMeasureIds: z.array(Id),
  jointControllers: z.array(JointController),
  status: z.enum(ACTIVITY_STATUSES),
});
export type Activity = z.infer<typeof Activity>;
