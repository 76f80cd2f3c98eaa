// Every wording lives in the message catalogues (templates/messages for documents and e-mails,
// templates/messages/admin/<area> for the admin UI): a key one language has and another lacks
// would fall back silently, and a placeholder missing in one language would print "{name}" to
// that reader. Both fail here, naming the catalogue and the key.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../src/core/kernel/values/values.ts";

const ROOT = new URL("../../templates/messages/", import.meta.url);
const folders = ["", ...readdirSync(new URL("admin/", ROOT)).map((area) => `admin/${area}/`)];
const catalogue = (folder: string, lang: string): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`${folder}${lang}.json`, ROOT), "utf8")) as Record<string, string>;
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe.each(folders)("the message catalogue templates/messages/%s", (folder) => {
  const catalogues = Object.fromEntries(LANGUAGES.map((lang) => [lang, catalogue(folder, lang)]));
  const allKeys = [...new Set(LANGUAGES.flatMap((lang) => Object.keys(catalogues[lang] ?? {})))].sort();

  it("is not empty", () => {
    expect(allKeys.length).toBeGreaterThan(0);
  });

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

describe("the admin UI's Dutch and French", () => {
  // A text left as its English would read as a translation nobody made. Only these read the same in
  // English and in the other language (or are nothing but placeholders and punctuation).
  const ALIKE: Record<"nl" | "fr", string[]> = {
    nl: "API Audit Auditor Details Document E-mail Endpoint English Français Nederlands Open Records Status URL Webhooks export import in open".split(
      " ",
    ),
    fr: (
      "API Action Actions Active Audit Certification Certifications Contact Description Document Documents E-mail English Format " +
      "Français Message Nederlands Objection Obligation Obligations Organisation Pages Secret Service URL Version Webhooks export"
    ).split(" "),
  };
  // Placeholders with words that read the same.
  ALIKE.nl.push("{ms} ms", "{date}, {time} UTC", "Export {file}", " in {document}", "{file} ({format}, {bytes} bytes)");
  ALIKE.fr.push("{ms} ms", "{date}, {time} UTC", "Export {file}", "certification {n}", "version {version}");
  const areas = folders.filter((folder) => folder.startsWith("admin/"));
  it.each(["nl", "fr"] as const)("%s has no text left in English", (lang) => {
    const leftEnglish = areas.flatMap((folder) => {
      const english = catalogue(folder, "en");
      const own = catalogue(folder, lang);
      return Object.entries(own).filter(
        ([key, text]) => text === english[key] && /\p{L}/u.test(text.replace(/\{\w+\}/g, "")) && !ALIKE[lang].includes(text),
      );
    });
    expect(leftEnglish).toEqual([]);
  });
});

describe("the admin.core catalogue", () => {
  // Core's refusals are translated by their English wording (ui-language.ts uiMessage): one whose
  // wording changed in src/ would silently stay English on Dutch and French pages.
  const sources = readdirSync(new URL("../../src/", import.meta.url), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts") && !file.includes("generated"))
    .map((file) => readFileSync(new URL(`../../src/${file}`, import.meta.url), "utf8"))
    .join("\n")
    // Two messages name the password's length limits by their constants.
    .replace(/\$\{PASSWORD_MIN_LENGTH\}/g, "12")
    .replace(/\$\{PASSWORD_MAX_LENGTH\}/g, "200");

  it("holds only texts the code still produces", () => {
    const english = Object.entries(catalogue("admin/core/", "en"));
    expect(english.length).toBeGreaterThan(40);
    expect(english.filter(([, text]) => !sources.includes(text)).map(([key]) => key)).toEqual([]);
  });
});
