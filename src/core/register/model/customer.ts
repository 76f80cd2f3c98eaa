import { z } from "zod";
import { ArchivableMeta } from "../../kernel/values/meta.ts";
import { Address, Contact, Language, Reference } from "../../kernel/values/values.ts";

export const CustomerInput = z.strictObject({
  legalName: z.string().trim().min(1).max(500),
  reference: Reference.nullable()
    .optional()
    .describe(
      "Your own unique reference for the customer, e.g. its account number (CF-CUST-001); paths and filters take it wherever they take the id.",
    ),
  companyNumber: z.string().trim().min(1).max(60).nullable().optional(),
  address: Address,
  contact: Contact,
  dpo: Contact.nullable().optional(),
  language: Language.default("en"),
});
export type CustomerInput = z.infer<typeof CustomerInput>;

export const Customer = z.object({ ...ArchivableMeta, ...CustomerInput.shape, language: Language });
export type Customer = z.infer<typeof Customer>;
