// Every wording lives in the message catalogues (templates/messages): a key one language has and
// another lacks would fall back silently, and a placeholder missing in one language would print
// "{name}" to that reader. Both fail here, naming the key.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../src/core/kernel/values/values.ts";

const catalogue = (lang: string): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`../../templates/messages/${lang}.json`, import.meta.url), "utf8")) as Record<string, string>;
const catalogues = Object.fromEntries(LANGUAGES.map((lang) => [lang, catalogue(lang)]));
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe("the message catalogues", () => {
  const allKeys = [...new Set(LANGUAGES.flatMap((lang) => Object.keys(catalogues[lang] ?? {})))].sort();

  for (const lang of LANGUAGES) {
    it(`${lang} has every key another language has, and no empty text`, () => {
      const own = catalogues[lang] ?? {};
      expect(allKeys.filter((key) => !(key in own))).toEqual([]);
      expect(
        Object.entries(own)
          .filter(([, text]) => text.trim() === "")
          .map(([key]) => key),
      ).toEqual([]);
    });
  }

  it("names the same placeholders in every language", () => {
    const differing = allKeys.filter((key) => {
      const sets = LANGUAGES.map((lang) => JSON.stringify(placeholders(catalogues[lang]?.[key] ?? "")));
      return new Set(sets).size > 1;
    });
    expect(differing).toEqual([]);
  });
});
