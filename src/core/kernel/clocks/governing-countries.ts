/**
 * The countries whose law may govern an agreement: those whose public holidays
 * deadlines are counted in. Only their holiday calendars (and time zones) are
 * built into the service (scripts/build-documents.ts writes them to
 * src/core/generated/holidays.ts from the date-holidays library), which keeps
 * the Cloudflare Worker small. Add a code here, and rebuild, to support another
 * country that date-holidays has a calendar for.
 */
export const GOVERNING_COUNTRIES = [
  // The European Union.
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
  // The rest of the European Economic Area.
  "IS",
  "LI",
  "NO",
  // The rest of Europe with an adequacy decision, and European microstates.
  "AD",
  "CH",
  "GB",
  "MC",
  "SM",
  "VA",
  // Other countries with an adequacy decision, and large trading partners.
  "AR",
  "AU",
  "BR",
  "CA",
  "IL",
  "IN",
  "JP",
  "KR",
  "NZ",
  "SG",
  "US",
  "UY",
  "ZA",
  // Southern Africa (Eswatini: a calendar with a holiday spanning the new year).
  "SZ",
] as const;

/**
 * The years whose public holidays are built in: deadlines are counted from
 * 1990 to 2420 (a date outside them is refused rather than counted without
 * holidays).
 */
export const HOLIDAY_YEARS = { first: 1990, last: 2420 } as const;
