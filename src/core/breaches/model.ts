import { z } from "zod";
import { EntityMeta } from "../kernel/values/meta.ts";
import { Id, InstantInput } from "../kernel/values/values.ts";

const Timestamp = z.iso.datetime();
const Prose = z.string().trim().min(1).max(20_000);
const Ids = z.array(Id).max(500).default([]);
const Count = z.int().min(0).max(1_000_000_000_000).nullable().optional();

export const BreachInput = z.strictObject({
  summary: Prose.describe("What happened: the nature of the breach (Art. 33(3)(a))."),
  discoveredAt: InstantInput.describe("When the processor became aware of it; the notification clocks run from here. Not in the future."),
  occurredAt: InstantInput.optional().describe("When it happened, where known; not after its discovery."),
  activityIds: Ids.describe("The processing activities involved."),
  subProcessorIds: Ids.describe("The sub-processors involved (where it happened at a sub-processor)."),
  dataCategoryIds: Ids.describe("The categories of personal data concerned."),
  subjectCategoryIds: Ids.describe("The categories of data subjects concerned."),
  approxSubjects: Count.describe("Approximate number of data subjects concerned, where known."),
  approxRecords: Count.describe("Approximate number of personal data records concerned, where known."),
  likelyConsequences: Prose.describe("The likely consequences (Art. 33(3)(c))."),
  measuresTaken: Prose.describe("Measures taken or proposed to address it and mitigate its effects (Art. 33(3)(d))."),
  notify: z
    .boolean()
    .default(true)
    .describe("Notify every affected customer now (default); false to notify later with POST …/notification."),
});

export const BreachUpdateInput = z.strictObject({
  text: Prose.describe("What is now known (Art. 33(4): information may be provided in phases)."),
});

export const Breach = z.object({
  ...EntityMeta,
  summary: z.string(),
  discoveredAt: Timestamp,
  occurredAt: Timestamp.nullable(),
  activityIds: z.array(Id),
  subProcessorIds: z.array(Id),
  dataCategoryIds: z.array(Id),
  subjectCategoryIds: z.array(Id),
  approxSubjects: z.int().nullable(),
  approxRecords: z.int().nullable(),
  likelyConsequences: z.string(),
  measuresTaken: z.string(),
  affectedAgreementIds: z
    .array(Id)
    .describe("The agreements covering an activity involved, directly or through a sub-processor involved or its chain."),
  notifiedAt: Timestamp.nullable(),
  updates: z.array(z.object({ at: Timestamp, text: z.string() })),
});
export type Breach = z.infer<typeof Breach>;
