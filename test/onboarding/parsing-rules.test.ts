import { describe, expect, it } from "vitest";
import { columnOfPath } from "../../src/core/onboarding/path-columns.ts";
import { RowReader, splitList } from "../../src/core/onboarding/row-reader.ts";
import { cellRef, columnLetter } from "../../src/core/onboarding/sheet-model.ts";
import { guessKind, kindOfSheet, SHEET_SPECS } from "../../src/core/onboarding/sheet-specs.ts";
import { cellText } from "../../src/spreadsheets/cell-text.ts";
import { readCsv } from "../../src/spreadsheets/csv-reader.ts";
import { formatOf } from "../../src/spreadsheets/read-spreadsheet.ts";

const reader = (cells: Record<string, string>) => {
  const headers = Object.keys(cells);
  const columns = new Map(headers.map((h, i) => [h.toLowerCase(), i + 1]));
  return new RowReader("Activities", columns, { row: 7, cells: headers.map((h, i) => ({ col: i + 1, text: cells[h] as string })) });
};

describe("the parsing rules of spreadsheet cells", () => {
  it("reads cells as the DPO sees them", () => {
    expect(cellText(1000)).toEqual({ text: "1000" });
    expect(cellText(new Date("2026-03-01T00:00:00Z"))).toEqual({ text: "2026-03-01" });
    expect(cellText({ richText: [{ text: "Encryption " }, { text: "at rest" }] })).toEqual({ text: "Encryption at rest" });
    expect(cellText({ text: "dpo@example.com", hyperlink: "mailto:dpo@example.com" })).toEqual({ text: "dpo@example.com" });
    expect(cellText({ formula: "A1&B1", result: "AWS" })).toEqual({ text: "AWS" });
    expect(cellText({ error: "#N/A" })).toEqual({ error: "#N/A" });
    expect(cellText(null)).toEqual({ text: "" });
  });

  it("splits lists on line breaks or semicolons, keeping commas inside an item", () => {
    expect(splitList("Identification data: name, e-mail\nFinancial data")).toEqual(["Identification data: name, e-mail", "Financial data"]);
    expect(splitList(" a ; b;;c ")).toEqual(["a", "b", "c"]);
    expect(splitList(undefined)).toEqual([]);
  });

  it("names cells in spreadsheet coordinates, quoting sheet names with spaces", () => {
    expect([columnLetter(1), columnLetter(26), columnLetter(27), columnLetter(40)]).toEqual(["A", "Z", "AA", "AN"]);
    expect(cellRef("Activities", 3, 7)).toBe("Activities!C7");
    expect(cellRef("Data categories", 2, 9)).toBe("'Data categories'!B9");
  });

  it("reads localized and aligned lists, reporting lists that do not line up", () => {
    const r = reader({
      "Purposes (en)": "Billing; Support",
      "Purposes (nl)": "Facturatie",
      "Transfer countries": "US; CH",
      "Transfer recipients": "Acme Inc.; -",
      "Retention length": "ten",
    });
    expect(r.localizedList("Purposes")).toEqual([{ en: "Billing", nl: "Facturatie" }, { en: "Support" }]);
    expect(r.aligned("Transfer recipients", "Transfer countries", 2)).toEqual(["Acme Inc.", undefined]);
    expect(r.whole("Retention length")).toBeUndefined();
    expect(r.issues.map((i) => [i.cell, i.header, i.message])).toEqual([
      [
        "Activities!B7",
        "Purposes (nl)",
        "Lists 1 items where another language lists 2; give the same items in each language, in the same order.",
      ],
      ["Activities!E7", "Retention length", '"ten" is not a whole number; write e.g. 15.'],
    ]);
  });

  it("maps every field a use case names back to its column", () => {
    expect(columnOfPath("activities", "dataCategories.2.retention.period.length")).toBe("Retention length");
    expect(columnOfPath("activities", "dataCategories.0.retention.event.nl")).toBe("Retention event (nl)");
    expect(columnOfPath("activities", "transfers.1.mechanism.derogation")).toBe("Transfer derogations");
    expect(columnOfPath("activities", "transfers.1.country")).toBe("Transfer countries");
    expect(columnOfPath("activities", "name")).toBe("Name (en)");
    expect(columnOfPath("sub-processors", "contact.email")).toBe("Contact e-mail");
    expect(columnOfPath("customers", "dpo.email")).toBe("DPO e-mail");
    expect(columnOfPath("customers", "nothing.here")).toBeNull();
    // Every column a path names exists in the sheet.
    for (const kind of Object.keys(SHEET_SPECS) as (keyof typeof SHEET_SPECS)[]) {
      const headers = new Set(SHEET_SPECS[kind].columns.map((c) => c.header));
      for (const path of [
        "name",
        "name.fr",
        "description",
        "address.country",
        "contact",
        "dpo",
        "reason",
        "locations.0.country",
        "certifications.0.issuer",
      ]) {
        const header = columnOfPath(kind, path);
        if (header) expect(headers, `${kind} ${path}`).toContain(header);
      }
    }
  });

  it("tells a CSV's kind from its header row, or says it cannot", () => {
    expect(guessKind(["Reference", "Legal name", "Language"])).toBe("customers");
    expect(guessKind(["Name (en)", "Special category"])).toBe("data-categories");
    expect(guessKind(SHEET_SPECS["subject-categories"].columns.map((c) => c.header))).toBe("subject-categories");
    expect(guessKind(["Name (en)"])).toBeNull();
    expect(guessKind(["Colour"])).toBeNull();
    expect(kindOfSheet(" data  CATEGORIES ")).toBe("data-categories");
    expect(kindOfSheet("Notes")).toBeNull();
  });

  it("reads CSV in UTF-8 with a byte-order mark, separated by commas or semicolons, numbering rows as a spreadsheet does", async () => {
    const bytes = new TextEncoder().encode('\uFEFFName (en);Special category\n"Health; medical";art9\n\nOther;none\n');
    const workbook = await readCsv(bytes, null);
    expect(workbook.issues).toEqual([]);
    expect(workbook.sheets[0]?.name).toBe("Data categories");
    expect(workbook.sheets[0]?.rows).toEqual([
      {
        row: 2,
        cells: [
          { col: 1, text: "Health; medical" },
          { col: 2, text: "art9" },
        ],
      },
      {
        row: 4,
        cells: [
          { col: 1, text: "Other" },
          { col: 2, text: "none" },
        ],
      },
    ]);
    expect((await readCsv(new Uint8Array([0xff, 0xfe, 0x41]), null)).issues[0]?.message).toContain("not UTF-8");
    expect((await readCsv(new TextEncoder().encode("Name (en)\nx\n"), null)).issues[0]?.message).toContain("Cannot tell");
    expect(formatOf("register.XLSX")).toBe("xlsx");
    expect(formatOf("text/csv; charset=utf-8")).toBe("csv");
    expect(formatOf("upload", new Uint8Array([0x50, 0x4b, 3, 4]))).toBe("xlsx");
  });
});
