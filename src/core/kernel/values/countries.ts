import { countryNames } from "../../generated/templates.ts";

/** EU member states plus Iceland, Liechtenstein and Norway: no "transfer" happens inside it. */
const EEA = new Set([
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
  "IS",
  "LI",
  "NO",
]);

/**
 * Every ISO 3166-1 alpha-2 code, sorted: an enum, so the OpenAPI document lists exactly what the validator takes.
 * The build takes them from i18n-iso-countries with their names (scripts/build-documents.ts), so the service does not carry the library.
 */
export const COUNTRY_CODES = Object.keys(countryNames).sort() as [string, ...string[]];

export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.includes(code);
}

export function isInEea(code: string): boolean {
  return EEA.has(code);
}
