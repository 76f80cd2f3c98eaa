import { AsyncLocalStorage } from "node:async_hooks";
import type { Context } from "hono";
import { formatDate, messageKeys, type Params, translate } from "../../../core/kernel/i18n/localise.ts";
import { LANGUAGES, type Language } from "../../../core/kernel/values/values.ts";

/**
 * The admin UI's language for the request being answered: the signed-in
 * user's own choice, else the best match of the browser's Accept-Language,
 * else English. It is a property of the request, like the session, and every
 * view reads it here instead of every view taking it as a parameter (a few
 * hundred functions, most of them several calls away from the request).
 * AsyncLocalStorage is in Node and, with nodejs_compat, in Workers.
 */
interface Choice {
  language: Language;
}
const current = new AsyncLocalStorage<Choice>();

/** Runs the rest of the request with the browser's language, which the session guard may then replace with the user's. */
export function withUiLanguage<T>(c: Context, next: () => Promise<T>): Promise<T> {
  return current.run({ language: browserLanguage(c.req.header("accept-language")) }, next);
}

/** The signed-in user's own language, for the rest of the request (null: keep the browser's). */
export function useUserLanguage(language: Language | null): void {
  const choice = current.getStore();
  if (choice && language) choice.language = language;
}

/** The language the page being answered is written in (English outside a request, e.g. in unit tests). */
export const uiLanguage = (): Language => current.getStore()?.language ?? "en";

/** A message of the admin catalogues (templates/messages/admin) in the page's language. */
export const t = (key: string, params?: Params): string => translate(uiLanguage(), key, params);

/** A calendar date as the page's language writes it ("1 March 2024", "1 maart 2024", "1 mars 2024"). */
export const uiDate = (isoDate: string): string => formatDate(isoDate, uiLanguage());

/** A date and time to the minute, with its zone: "1 March 2024, 14:05 UTC". */
export const uiDateTime = (iso: string): string => t("admin.common.dateTime", { date: uiDate(iso), time: iso.slice(11, 16) });

const NUMBER_LOCALES: Record<Language, string> = { en: "en-GB", nl: "nl-BE", fr: "fr-BE" };
const numberFormats = new Map<Language, Intl.NumberFormat>();

/** A count as the page's language writes it: 12,345 / 12.345 / 12 345. */
export function uiNumber(n: number): string {
  const lang = uiLanguage();
  const format = numberFormats.get(lang) ?? new Intl.NumberFormat(NUMBER_LOCALES[lang]);
  numberFormats.set(lang, format);
  return format.format(n);
}

/**
 * The best of en, nl and fr for an Accept-Language header (RFC 9110 12.5.4):
 * the highest-weighted range whose primary subtag is one of them, else English.
 */
export function browserLanguage(header: string | undefined): Language {
  if (!header) return "en";
  const ranges = header
    .split(",")
    .map((part, order) => {
      const [range = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: range.trim().toLowerCase().split("-")[0] ?? "", weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((r) => r.weight > 0 && (LANGUAGES as readonly string[]).includes(r.lang))
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  return (ranges[0]?.lang as Language | undefined) ?? "en";
}

let coreKeys: Map<string, string> | undefined;

/**
 * A message core wrote in English (a use case's refusal or field issue), in
 * the page's language: core speaks one language to every caller (API, CLI,
 * pages), so its fixed texts are looked up by their English wording in the
 * `admin.core` catalogue. A text not there (one naming a value) stays English.
 */
export function uiMessage(english: string): string {
  if (uiLanguage() === "en") return english;
  if (!coreKeys) {
    coreKeys = new Map();
    for (const key of messageKeys("admin.core.")) coreKeys.set(translate("en", key), key);
  }
  const key = coreKeys.get(english);
  return key ? t(key) : english;
}
