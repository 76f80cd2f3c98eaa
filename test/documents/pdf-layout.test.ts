// The PDFs are laid out as auditors expect documents to be (issue: page 5 of the annex held one
// row, e-mail addresses were broken mid-word, annexes ran on from one another, the Art. 30
// record was a stack of cards). Checked on what the PDF draws and what a reader extracts: the
// table rows each page strokes (test/helpers/pdf-boxes.ts) and pdftotext's words with their boxes.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import * as fixtures from "../helpers/fixtures.ts";
import { type DrawnPage, drawnPages, tablePieces } from "../helpers/pdf-boxes.ts";
import { flat, pdfText } from "../helpers/pdf-text.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { translate } from "../../src/core/kernel/i18n/localise.ts";
import { activeSubProcessorVia, createdVia, makeTestApp, type TestApp } from "../helpers/test-app.ts";

const LANGUAGES = ["en", "nl", "fr"] as const;
const TOP_MARGIN = 60;

async function pdf(t: TestApp, path: string): Promise<Uint8Array> {
  const response = await t.request("GET", path);
  expect(response.status, path).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Every table that runs from one page onto the next leaves at least two of its rows on each side
 * of the break (a header repeated on the next page is not a row of the table's content).
 * Returns what breaks the rule, as "page N: …", so a failure names the page.
 */
function loneRowsAtBreaks(pages: DrawnPage[]): string[] {
  const problems: string[] = [];
  pages.forEach((page, n) => {
    const next = pages[n + 1];
    if (!next) return;
    const before = tablePieces(page).at(-1);
    const after = tablePieces(next)[0];
    if (!before || !after || before[0]?.columns !== after[0]?.columns || Math.abs((after[0]?.top ?? 0) - TOP_MARGIN) > 0.01) return;
    const rowsBefore = before.filter((r) => !r.header).length;
    const rowsAfter = after.filter((r) => !r.header).length;
    if (rowsBefore < 2) problems.push(`page ${n + 1}: a table's rows before the break: ${rowsBefore}`);
    if (rowsAfter < 2) problems.push(`page ${n + 2}: a table's rows after the break: ${rowsAfter}`);
  });
  return problems;
}

/** The words of each page as pdftotext -bbox gives them, with their top edge. */
function wordsByPage(bytes: Uint8Array): { word: string; top: number }[][] {
  const file = join(mkdtempSync(join(tmpdir(), "dpa-pdf-")), "document.pdf");
  writeFileSync(file, bytes);
  const xhtml = execFileSync("pdftotext", ["-bbox", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  return xhtml
    .split("<page ")
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
        top: Number(m[1]),
        word: (m[2] as string).replace(/&amp;/g, "&"),
      })),
    );
}

/** The page's body (below the running header) as one line of words, in reading order. */
function bodyText(words: { word: string; top: number }[]): string {
  return words
    .filter((w) => w.top >= TOP_MARGIN - 1)
    .map((w) => w.word)
    .join(" ");
}

describe("the demo register's documents", () => {
  let t: TestApp;
  let agreementIds: Record<string, string>;
  beforeAll(async () => {
    const store = memoryStore();
    const demo = await loadDemoRegister(store);
    t = await makeTestApp(store, demo.clock);
    agreementIds = demo.agreementIds;
  });

  it.each(LANGUAGES)("each annex starts on a new page, Annex I has a signature block, no table leaves a row alone (%s)", async (lang) => {
    for (const id of Object.values(agreementIds)) {
      const bytes = await pdf(t, `/api/v1/documents/annex/${id}?format=pdf&lang=${lang}`);
      const words = wordsByPage(bytes);
      const headings = ["annex.ii.title", "annex.iii.title", "annex.iv.title"].map((key) => translate(lang, key));
      for (const heading of headings) {
        const pagesOpening = words.filter((page) => bodyText(page).startsWith(heading));
        expect(pagesOpening.length, `${heading} opens a page`).toBe(1);
      }
      const text = flat(pdfText(bytes));
      const signatures = translate(lang, "annex.i.signatures");
      const annexII = text.indexOf(headings[0] as string);
      const block = text.indexOf(signatures);
      expect(block, "a signature block").toBeGreaterThan(0);
      expect(block, "in Annex I, before Annex II").toBeLessThan(annexII);
      expect(text.slice(block, annexII)).toContain("ClearFacts BV");
      expect(loneRowsAtBreaks(drawnPages(bytes))).toEqual([]);
    }
  });

  it.each(LANGUAGES)("the Art. 30 records are landscape grids, a row per activity, numbered lists without bullets (%s)", async (lang) => {
    for (const kind of ["art30-controller", "art30-processor"]) {
      const bytes = await pdf(t, `/api/v1/documents/${kind}?format=pdf&lang=${lang}`);
      const pages = drawnPages(bytes);
      for (const page of pages) expect(page.width).toBeGreaterThan(page.height);
      expect(loneRowsAtBreaks(pages)).toEqual([]);
      // The grid: one table whose header has the CSV's columns from the first item on.
      const grid = pages.flatMap((page) => tablePieces(page)).find((piece) => piece[0]?.header && piece[0].columns.split(",").length >= 9);
      expect(grid, "a grid with a column per Art. 30 item").toBeDefined();
    }
    const processor = pdfText(await pdf(t, `/api/v1/documents/art30-processor?format=pdf&lang=${lang}`));
    // The processing done for each controller, numbered as in the grid: "1. …", never "• 1. …".
    expect(processor).toMatch(/(^| )1\. \S/m);
    expect(processor).not.toMatch(/• \d+\. /);
  });

  it("no e-mail address is split across lines, in any document", async () => {
    const documents = [
      ...Object.values(agreementIds).map((id) => `/api/v1/documents/annex/${id}?format=pdf`),
      "/api/v1/documents/art30-controller?format=pdf",
      "/api/v1/documents/art30-processor?format=pdf",
    ];
    for (const path of documents) {
      const bytes = await pdf(t, path);
      // Every address of the demo ends in ".example": a split one leaves a piece without it, or a piece without its "@".
      const pieces = pdfText(bytes)
        .split(/\s+/)
        .filter((word) => word.includes("@") || /^[\w-]*\.?example[,;)]?$/.test(word))
        .map((word) => word.replace(/[,;)]$/, ""));
      expect(pieces.length, path).toBeGreaterThan(0);
      for (const piece of pieces) expect(piece, path).toMatch(/^[\w.+-]+@[\w-]+(\.[\w-]+)*\.example$/);
    }
  });
});

describe("a register that grows one activity at a time", () => {
  it("never leaves a table's row alone on a page, nor splits an e-mail address, at any size", { timeout: 180_000 }, async () => {
    const t = await makeTestApp(memoryStore());
    const create = (path: string, body: unknown) => createdVia(t, path, body);
    expect((await t.request("PUT", "/api/v1/organisation", { body: fixtures.organisation() })).status).toBe(200);
    const subjects = await create("/api/v1/subject-categories", fixtures.subjectCategory());
    const data = await create("/api/v1/data-categories", fixtures.dataCategory());
    const measure = await create("/api/v1/security-measures", fixtures.securityMeasure());
    const customer = await create("/api/v1/customers", { ...fixtures.customer(), language: "en" });
    const agreement = await create("/api/v1/agreements", { ...fixtures.agreement(customer.id, []), language: "en" });
    const activityIds: string[] = [];
    const emails: string[] = [];
    for (let n = 1; n <= 14; n++) {
      // Rows of very different heights: one purpose to a dozen, so page breaks fall everywhere.
      const purposes = Array.from({ length: 1 + ((n * 7) % 12) }, (_, i) => ({
        en: `Purpose ${i + 1} of activity ${n}, described in a sentence`,
      }));
      const activity = await create("/api/v1/activities", {
        ...fixtures.activity({ dataCategoryId: data.id, subjectCategoryId: subjects.id }),
        name: { en: `Activity ${n}` },
        subjectMatter: { en: `Subject matter of activity ${n}` },
        nature: { en: "Storing and reading records" },
        purposes,
        securityMeasureIds: [measure.id],
      });
      activityIds.push(activity.id);
      const email = `privacy.team${n}@vendor-number-${n}.example`;
      emails.push(email);
      await activeSubProcessorVia(t, { ...fixtures.subProcessor([activity.id]), legalName: `Vendor ${n} GmbH`, contact: { email } });
      const updated = await t.request("PATCH", `/api/v1/agreements/${agreement.id}`, { body: { activityIds } });
      expect(updated.status).toBe(200);

      for (const path of [`/api/v1/documents/annex/${agreement.id}?format=pdf`, "/api/v1/documents/art30-processor?format=pdf"]) {
        const bytes = await pdf(t, path);
        expect(loneRowsAtBreaks(drawnPages(bytes)), `${n} activities: ${path}`).toEqual([]);
        const text = pdfText(bytes);
        for (const email of emails) expect(text, `${n} activities: ${path}`).toContain(email);
      }
    }
  });
});
