// The Art. 30 records as XLSX, what DPOs exchange: read back with the same library, the CSV's columns
// in order, a frozen and filtered header, widths and wrapped text, and the same bytes for the same
// register state whenever it is asked for.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { settableClock } from "../helpers/clocks.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { makeTestApp, type TestApp } from "../helpers/test-app.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const AS_OF = "2026-11-21T10:04:05Z";

let t: TestApp;
let clock: ReturnType<typeof settableClock>;
beforeEach(async () => {
  const store = memoryStore();
  await loadDemoRegister(store);
  clock = settableClock("2026-11-22T09:00:00.000Z");
  t = await makeTestApp(store, clock);
});

async function download(kind: string, format: string, lang = "en"): Promise<Response> {
  const response = await t.request("GET", `/api/v1/documents/${kind}?format=${format}&lang=${lang}&asOf=${AS_OF}`, { token: "read-only" });
  expect(response.status, await response.clone().text()).toBe(200);
  return response;
}

async function workbookOf(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

const cellText = (value: ExcelJS.CellValue): string => (value === null || value === undefined ? "" : String(value));

describe("the Art. 30 records as XLSX", () => {
  for (const [kind, sheetName] of [
    ["art30-controller", "Art. 30(1)"],
    ["art30-processor", "Art. 30(2)"],
  ] as const) {
    it(`${kind}: one sheet with the CSV's columns and rows, frozen and filtered header, widths and wrapped text`, async () => {
      const response = await download(kind, "xlsx", "nl");
      expect(response.headers.get("content-type")).toBe(XLSX);
      expect(response.headers.get("content-disposition")).toMatch(/\.xlsx"?$/);
      const workbook = await workbookOf(response);
      expect(workbook.worksheets.map((s) => s.name)).toEqual([sheetName]);
      const sheet = workbook.getWorksheet(sheetName) as ExcelJS.Worksheet;
      const csv = parse(await (await download(kind, "csv", "nl")).text(), { bom: true }) as string[][];
      const rows: string[][] = [];
      sheet.eachRow((row) => {
        rows.push((row.values as ExcelJS.CellValue[]).slice(1).map(cellText));
      });
      // A row's trailing empty cells are not stored: padded, every row reads as the CSV's.
      const columns = csv[0]?.length ?? 0;
      expect(rows.map((r) => [...r, ...Array<string>(columns - r.length).fill("")])).toEqual(csv);
      expect(rows.length).toBeGreaterThan(1);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.getRow(1).font?.bold).toBe(true);
      for (let c = 1; c <= columns; c++) {
        const width = sheet.getColumn(c).width ?? 0;
        expect(width).toBeGreaterThanOrEqual(8);
        expect(width).toBeLessThanOrEqual(60);
        expect(sheet.getRow(2).getCell(c).alignment).toMatchObject({ wrapText: true, vertical: "top" });
      }
      expect(workbook.created?.toISOString()).toBe("2026-11-21T10:04:05.000Z");
      expect(workbook.description).toMatch(/SHA-256/);
    });
  }

  it("gives the same bytes for the same register state, asked for at another time", async () => {
    const first = new Uint8Array(await (await download("art30-controller", "xlsx")).arrayBuffer());
    // Another time for the service's clock and for the libraries' own Date (the zip entries' dates come from it).
    clock.set("2026-11-23T17:31:07.000Z");
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2027-02-03T04:05:06Z") });
    let second: Uint8Array;
    try {
      second = new Uint8Array(await (await download("art30-controller", "xlsx")).arrayBuffer());
    } finally {
      vi.useRealTimers();
    }
    expect(second.length).toBe(first.length);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it("refuses XLSX for an annex (422) and changes nothing", async () => {
    const before = await snapshot(t.store);
    const agreements = (await (await t.request("GET", "/api/v1/agreements?limit=1")).json()) as { items: { id: string }[] };
    const response = await t.request("GET", `/api/v1/documents/annex/${agreements.items[0]?.id}?format=xlsx`, { token: "read-only" });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("XLSX is made for the Art. 30 records");
    expect(await snapshot(t.store)).toEqual(before);
  });
});
