// Builds src/core/generated/ from templates/: the Handlebars
// templates precompiled (a Worker cannot compile them at run time: no eval),
// the message catalogues, country names, the embedded PDF fonts and the
// template version; and, with a stamp of their own (scripts/holiday-tables.ts),
// the public holidays of the supported governing countries. Run by every
// script that needs it (start, test, cli, worker). The output is not committed,
// except the holiday tables (45 s to compute): a fresh clone finds them current. It rewrites nothing when the inputs
// (templates, messages, country names, fonts, rendering code and package
// versions, this script) are those the output was built from, as recorded in
// STAMP next to it, and the output is still what was written then.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import countries from "i18n-iso-countries/index.js";
import { brotliBase64 } from "./brotli-base64.ts";
import { buildStamp, filesBelow, scriptHash } from "./build-stamp.ts";
import { buildHolidayTables } from "./holiday-tables.ts";

const OUT = "src/core/generated";
const STAMP = `${OUT}/.build-documents.json`;
const OUTPUTS = [`${OUT}/templates.ts`, `${OUT}/fonts.ts`];
const LANGUAGES = ["en", "nl", "fr"] as const;
const FONTS = {
  regular: "@expo-google-fonts/roboto/400Regular/Roboto_400Regular.ttf",
  bold: "@expo-google-fonts/roboto/700Bold/Roboto_700Bold.ttf",
};
/** Libraries whose upgrade can change a document's bytes. */
const RENDERING_PACKAGES = [
  "pdfkit",
  "fontkit",
  "handlebars",
  "htmlparser2",
  "csv-stringify",
  "canonicalize",
  "@expo-google-fonts/roboto",
  "i18n-iso-countries",
];

const hash = createHash("sha256");
const read = (file: string) => {
  const source = readFileSync(file, "utf8");
  hash.update(`${file}\0${source}\0`);
  return source;
};
const hbsIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".hbs"))
    .sort()
    .map((f) => ({ name: basename(f, ".hbs"), source: read(join(dir, f)) }));

const templateSources = hbsIn("templates");
const partialSources = hbsIn("templates/partials");

// The documents' and e-mails' catalogue (templates/messages/<lang>.json) and the admin UI's, one
// folder per area (templates/messages/admin/<area>/<lang>.json, keys "admin.<area>."), all one table.
const catalogueDirs = [
  "templates/messages",
  ...readdirSync("templates/messages/admin")
    .sort()
    .map((area) => `templates/messages/admin/${area}`),
];
const messages: Record<string, Record<string, string>> = {};
const uiHash = createHash("sha256");
for (const lang of LANGUAGES) {
  messages[lang] = {};
  for (const dir of catalogueDirs) {
    const file = `${dir}/${lang}.json`;
    // A language an area lacks falls back to English at run time; the catalogue test fails on it.
    if (dir !== "templates/messages" && !existsSync(file)) continue;
    const text = readFileSync(file, "utf8");
    // The admin UI's wording is no part of any document: it changes the build, not the template version.
    (dir === "templates/messages" ? hash : uiHash).update(`${file}\0${text}\0`);
    const prefix = dir === "templates/messages" ? "" : `admin.${basename(dir)}.`;
    for (const [key, value] of Object.entries(JSON.parse(text) as Record<string, string>)) {
      if (!key.startsWith(prefix)) throw new Error(`${file}: key "${key}" must start with "${prefix}"`);
      if (key in messages[lang]) throw new Error(`${file}: key "${key}" is already in another catalogue`);
      messages[lang][key] = value;
    }
  }
}

// Country names in everyday form ("België", not "Koninkrijk België") from CLDR,
// fixed here at build time so every runtime prints the same names.
const countryNames: Record<string, Record<string, string>> = {};
const codes = Object.keys(countries.getAlpha2Codes()).sort();
for (const lang of LANGUAGES) {
  const names = new Intl.DisplayNames([lang], { type: "region", fallback: "code" });
  countryNames[lang] = Object.fromEntries(codes.map((code) => [code, names.of(code) ?? code]));
}
hash.update(JSON.stringify(countryNames));

// The fonts one after the other, brotli-compressed as one stream (a third smaller than the fonts
// gzip to in the Worker's bundle; one stream, not one per font, since the bold font repeats much of
// the regular one: its layout tables, hinting programs and many outlines, 34 KiB less compressed),
// decompressed on first use into exactly the TTF files' bytes.
const fontFiles = Object.entries(FONTS).map(([name, path]) => {
  const bytes = readFileSync(join("node_modules", path));
  hash.update(bytes);
  return { name, bytes };
});
const fontOffsets: Record<string, [number, number]> = {};
let fontStart = 0;
for (const { name, bytes } of fontFiles) {
  fontOffsets[name] = [fontStart, fontStart + bytes.length];
  fontStart += bytes.length;
}
const fonts = brotliBase64(Buffer.concat(fontFiles.map(({ bytes }) => bytes)), "binary");

// The code that turns a register into a document is part of the template version too.
for (const file of ["src/core/documents", "src/core/kernel/i18n"].flatMap((dir) => filesBelow(dir, [OUT]).filter((f) => f.endsWith(".ts"))))
  hash.update(`${file}\0${readFileSync(file, "utf8")}\0`);
for (const name of RENDERING_PACKAGES) hash.update(`${name}@${packageVersion(name)}\0`);
const inputs = hash.digest("hex");
const templateVersion = inputs.slice(0, 12);
mkdirSync(OUT, { recursive: true });
buildHolidayTables(`${OUT}/holidays.ts`, `${OUT}/.build-holidays.json`);
const stamp = buildStamp(STAMP, `${inputs} ${uiHash.digest("hex")} ${scriptHash(import.meta.filename)}`, OUTPUTS);
if (stamp.fresh()) {
  console.error(`documents up to date: version ${templateVersion}`);
  process.exit(0);
}

const { default: Handlebars } = await import("handlebars");
const precompile = (source: string) =>
  Handlebars.precompile(source, { knownHelpers: { t: true }, knownHelpersOnly: true, noEscape: false });
const templates = templateSources.map(({ name, source }) => `  ${JSON.stringify(name)}: ${precompile(source)}`);
const partials = partialSources.map(({ name, source }) => `  ${JSON.stringify(name)}: ${precompile(source)}`);

/**
 * The catalogues keyed once, with the languages' texts side by side: as three catalogues each key
 * came three times, too far apart for gzip's window to share them (the Worker's bundle is 5 KiB
 * smaller compressed this way).
 */
function byKey(catalogues: Record<string, Record<string, string>>): Record<string, (string | null)[]> {
  const keys = [...new Set(LANGUAGES.flatMap((lang) => Object.keys(catalogues[lang] ?? {})))];
  return Object.fromEntries(keys.map((key) => [key, LANGUAGES.map((lang) => catalogues[lang]?.[key] ?? null)]));
}

mkdirSync(OUT, { recursive: true });
const banner = "// @ts-nocheck -- generated by scripts/build-documents.ts from templates/; do not edit.\n";
writeFileSync(
  `${OUT}/templates.ts`,
  `${banner}import type { TemplateSpecification } from "handlebars";
import { brotliDecompressSync } from "node:zlib";

export const TEMPLATE_VERSION: string = ${JSON.stringify(templateVersion)};
export const templates: Record<string, TemplateSpecification> = {
${templates.join(",\n")}
};
export const partials: Record<string, TemplateSpecification> = {
${partials.join(",\n")}
};
/** The languages of the catalogues below, in the order of each entry's texts. */
export const catalogueLanguages: readonly ("en" | "nl" | "fr")[] = ${JSON.stringify(LANGUAGES)};
const compressedMessages = ${JSON.stringify(brotliBase64(Buffer.from(JSON.stringify(byKey(messages)), "utf8"), "text"))};
let messageTable: Record<string, (string | null)[]> | undefined;
/**
 * Each message's text per language, in the order of catalogueLanguages (null where a catalogue lacks it).
 * Kept brotli-compressed until first used: a fifth smaller in the Worker's bundle than as a literal.
 */
export function messages(): Record<string, (string | null)[]> {
  messageTable ??= JSON.parse(brotliDecompressSync(Buffer.from(compressedMessages, "base64")).toString("utf8"));
  return messageTable;
}
/** Each ISO 3166-1 alpha-2 code's country name per language, in the order of catalogueLanguages. */
export const countryNames: Record<string, string[]> = ${JSON.stringify(byKey(countryNames))};
`,
);
writeFileSync(
  `${OUT}/fonts.ts`,
  `${banner}import { brotliDecompressSync } from "node:zlib";

const compressed = ${JSON.stringify(fonts)};
/** Where each font's bytes are in the decompressed stream: [start, end). */
const offsets: Record<"regular" | "bold", [number, number]> = ${JSON.stringify(fontOffsets)};
let stream: Buffer | undefined;
const ttf: Record<string, string> = {};
const font = (name: "regular" | "bold") => {
  stream ??= brotliDecompressSync(Buffer.from(compressed, "base64"));
  return (ttf[name] ??= stream.subarray(...offsets[name]).toString("base64"));
};

/** Roboto (SIL Open Font License), base64 (stored brotli-compressed, decompressed on first use): embedded in every PDF so text extracts and renders the same everywhere. */
export const fonts: { readonly regular: string; readonly bold: string } = {
  get regular() {
    return font("regular");
  },
  get bold() {
    return font("bold");
  },
};
`,
);
stamp.write();
console.error(`documents built: ${templates.length} templates, ${partials.length} partials, version ${templateVersion}`);

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join("node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}
