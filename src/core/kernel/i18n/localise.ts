import { catalogueLanguages, countryNames, messages } from "../../generated/templates.ts";
import type { ClockPeriod, Language, LocalizedText } from "../values/values.ts";
import { displayText } from "./display-text.ts";

export type Params = Record<string, string | number>;

/** A message from the language's catalogue in templates/messages, `{name}` placeholders filled in. */
export function translate(lang: Language, key: string, params: Params = {}): string {
  const texts = messages()[key];
  const template = texts?.[catalogueLanguages.indexOf(lang)] ?? texts?.[0];
  if (template === undefined || template === null) throw new Error(`No message "${key}" in templates/messages`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Whether the catalogues have a message `key`. */
export const hasMessage = (key: string): boolean => Object.hasOwn(messages(), key);

/** The keys of the catalogues' messages that start with `prefix`. */
export const messageKeys = (prefix: string): string[] => Object.keys(messages()).filter((key) => key.startsWith(prefix));

/** Register text in the reader's language, else the first language it was given in. */
export function pick(text: LocalizedText | null | undefined, lang: Language): string | null {
  if (!text) return null;
  const chosen = text[lang] ?? text.en ?? text.nl ?? text.fr;
  return chosen === undefined ? null : displayText(chosen);
}

/** Like `pick`, for text the schema requires. */
export function pickRequired(text: LocalizedText, lang: Language): string {
  return pick(text, lang) ?? "";
}

export function countryName(code: string, lang: Language): string {
  const names = countryNames[code];
  return names?.[catalogueLanguages.indexOf(lang)] ?? names?.[0] ?? code;
}

/** "1 March 2024": month names come from the catalogue, not from the runtime's ICU data, so Node and workerd agree. */
export function formatDate(isoDate: string, lang: Language): string {
  const [year, month, day] = isoDate.slice(0, 10).split("-");
  return translate(lang, "date.format", { day: Number(day), month: translate(lang, `month.${Number(month)}`), year: year ?? "" });
}

/** "21 November 2026, 10:04:05 UTC": the instant a document's register state is taken at. */
export function formatInstant(iso: string, lang: Language): string {
  return translate(lang, "instant.format", { date: formatDate(iso, lang), time: iso.slice(11, 19) });
}

export function formatPeriod(period: ClockPeriod | { length: number; unit: string }, lang: Language): string {
  const plural = period.length === 1 ? "one" : "other";
  return translate(lang, `period.${period.unit}.${plural}`, { n: period.length });
}

export function label(lang: Language, group: string, code: string): string {
  return translate(lang, `${group}.${code}`);
}
