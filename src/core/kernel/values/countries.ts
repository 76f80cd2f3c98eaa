import countries from "i18n-iso-countries/index.js";

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

/** Every ISO 3166-1 alpha-2 code, sorted: an enum, so the OpenAPI document lists exactly what the validator takes. */
export const COUNTRY_CODES = Object.keys(countries.getAlpha2Codes()).sort() as [string, ...string[]];

export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.includes(code);
}

export function isInEea(code: string): boolean {
  return EEA.has(code);
}
