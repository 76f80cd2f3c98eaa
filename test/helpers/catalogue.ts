import { readdirSync, readFileSync } from "node:fs";
import type { Language } from "../../src/core/kernel/values/values.ts";

const ROOT = new URL("../../templates/messages/", import.meta.url);

/** Every message of templates/messages and its admin areas, in one language, as the build merges them. */
export function catalogueOf(lang: Language): Record<string, string> {
  const folders = ["", ...readdirSync(new URL("admin/", ROOT)).map((area) => `admin/${area}/`)];
  return Object.assign({}, ...folders.map((folder) => JSON.parse(readFileSync(new URL(`${folder}${lang}.json`, ROOT), "utf8"))));
}

/** A reader of one language's messages, as a person sees them ({placeholders} filled in); an unknown key throws. */
export function wordsOf(lang: Language): (key: string, params?: Record<string, string | number>) => string {
  const catalogue = catalogueOf(lang);
  return (key, params = {}) => {
    const text = catalogue[key];
    if (text === undefined) throw new Error(`no message ${key} in the ${lang} catalogues`);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
