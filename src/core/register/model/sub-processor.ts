import { z } from "zod";
import { ArchivableMeta } from "../../kernel/values/meta.ts";
import {
  Address,
  Contact,
  Id,
  LocalizedText,
  Location,
  Reference,
  SUB_PROCESSOR_STATUSES,
  TransferMechanism,
} from "../../kernel/values/values.ts";

export { SUB_PROCESSOR_STATUSES };

export const SubProcessorInput = z.strictObject({
  legalName: z.string().trim().min(1).max(500),
  reference: Reference.nullable()
    .optional()
    .describe(
      "Your own unique short name for the vendor, e.g. AWS or the procurement system's vendor id; paths and filters take it wherever they take the id.",
    ),
  companyNumber: z.string().trim().min(1).max(60).nullable().optional(),
  address: Address,
  contact: Contact,
  service: LocalizedText.describe("What the sub-processor does for the organisation, e.g. hosting or OCR."),
  processingDescription: LocalizedText.nullable()
    .optional()
    .describe("Annex IV: the processing it carries out, delimiting its responsibilities."),
  locations: z.array(Location).min(1).max(100),
  transferMechanism: TransferMechanism.nullable().optional().describe("Required in practice where a location is outside the EEA."),
  status: z.enum(SUB_PROCESSOR_STATUSES).default("proposed"),
  activityIds: z.array(Id).max(500).default([]),
  parentId: Id.nullable().optional().describe("The sub-processor that engages this one (a chain)."),
});
export type SubProcessorInput = z.infer<typeof SubProcessorInput>;

export const SubProcessor = z.object({
  ...ArchivableMeta,
  ...SubProcessorInput.shape,
  status: z.enum(SUB_PROCESSOR_STATUSES),
  activityIds: z.array(Id),
  excludedAgreementIds: z
    .array(Id)
    .describe(
      "Agreements this vendor does not serve: an objection was resolved by an alternative or by termination. Set by change resolutions.",
    ),
});
export type SubProcessor = z.infer<typeof SubProcessor>;
