import { z } from "zod";
import { EntityMeta } from "../kernel/values/meta.ts";
import { Address, Contact, JointController, Language, Representative } from "../kernel/values/values.ts";

export const OrganisationInput = z.strictObject({
  legalName: z.string().trim().min(1).max(500),
  companyNumber: z.string().trim().min(1).max(60).nullable().optional(),
  address: Address,
  contact: Contact,
  dpo: Contact.nullable().optional(),
  euRepresentative: Representative.nullable().optional().describe("Art. 27 representative, for an organisation outside the EU."),
  jointControllers: z
    .array(JointController)
    .max(50)
    .default([])
    .describe("Joint controllers (Art. 26) of all the organisation's processing as controller; an activity names its own too."),
  defaultLanguage: Language.default("en"),
});
export type OrganisationInput = z.infer<typeof OrganisationInput>;

export const Organisation = z.object({
  ...EntityMeta,
  ...OrganisationInput.shape,
  jointControllers: z.array(JointController),
  defaultLanguage: Language,
});
export type Organisation = z.infer<typeof Organisation>;
