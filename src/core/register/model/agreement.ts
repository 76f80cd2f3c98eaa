import { z } from "zod";
import { holidayCountries } from "../../kernel/clocks/public-holidays.ts";
import { ArchivableMeta } from "../../kernel/values/meta.ts";
import {
  AGREEMENT_STATUSES,
  AUTHORISATION_OPTIONS,
  Clocks,
  CountryCode,
  Id,
  IsoDate,
  Language,
  Reference,
} from "../../kernel/values/values.ts";

export { AGREEMENT_STATUSES, AUTHORISATION_OPTIONS };

export const AgreementInput = z.strictObject({
  customerId: Id,
  reference: Reference.describe("Unique reference of the DPA, e.g. CF-DPA-2024-001; paths and filters take it wherever they take the id."),
  version: z.string().trim().min(1).max(60).describe("Version of the agreement text."),
  signedOn: IsoDate.nullable().optional(),
  endedOn: IsoDate.nullable().optional(),
  language: Language,
  authorisation: z
    .enum(AUTHORISATION_OPTIONS)
    .describe("SCC clause 7.7(a): option 1 prior specific authorisation, option 2 general written authorisation."),
  clocks: Clocks,
  // Enums rather than refinements, so the OpenAPI document lists exactly the values the register takes.
  governingCountry: z
    .enum(holidayCountries(), { message: "No public-holiday calendar is known for this country, so its deadlines cannot be counted." })
    .default("BE")
    .describe("Member State whose public holidays extend deadlines: a country with a known public-holiday calendar."),
  timeZone: z
    .enum(timeZones(), { message: "Not an IANA time zone, e.g. Europe/Brussels." })
    .default("Europe/Brussels")
    .describe("IANA time zone in which the deadlines' days end."),
  status: z.enum(AGREEMENT_STATUSES).default("draft"),
  activityIds: z.array(Id).max(500).default([]),
});
export type AgreementInput = z.infer<typeof AgreementInput>;

export const Agreement = z.object({
  ...ArchivableMeta,
  ...AgreementInput.shape,
  governingCountry: CountryCode,
  timeZone: z.string(),
  status: z.enum(AGREEMENT_STATUSES),
  activityIds: z.array(Id),
});
export type Agreement = z.infer<typeof Agreement>;

/** The runtime's IANA zones (Intl), with UTC. */
function timeZones(): [string, ...string[]] {
  return [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])].sort() as [string, ...string[]];
}
