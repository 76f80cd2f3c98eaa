/**
 * The Art. 30 record as an XLSX workbook, what DPOs exchange: one sheet with
 * the CSV's columns in the same order, the header frozen and filtered, column
 * widths from the content, text wrapped at the top of each cell. The same
 * inputs give the same bytes: the workbook's dates are the register state's
 * instant, and the zip entries carry that instant too (exceljs stamps them
 * with the time of writing, so the archive is packed again).
 */
export interface XlsxSheet {
  /** At most 31 characters, none of []:*?/\ (the sheet name rules). */
  name: string;
  header: string[];
  rows: string[][];
  title: string;
  author: string;
  /** The register state's instant: the workbook's created and modified dates, and its entries' dates. */
  asOf: string;
  /** Shown in the workbook's properties: the register state and the content's fingerprint. */
  description: string;
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** A column as wide as its longest line (header included), within bounds. */
function widthOf(column: string[]): number {
  const longest = Math.max(...column.flatMap((cell) => cell.split("\n").map((line) => line.length)));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

export async function renderXlsx(sheet: XlsxSheet): Promise<Uint8Array> {
  // Loaded with the first workbook, not at start (the Worker does not carry it: see src/platform/worker/no-exceljs.ts).
  const ExcelJS = (await import("exceljs")).default;
  const at = new Date(sheet.asOf);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = sheet.author;
  workbook.lastModifiedBy = sheet.author;
  workbook.title = sheet.title;
  workbook.description = sheet.description;
  workbook.created = at;
  workbook.modified = at;
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
  worksheet.columns = sheet.header.map((header, i) => ({ header, width: widthOf([header, ...sheet.rows.map((r) => r[i] ?? "")]) }));
  for (const row of sheet.rows) worksheet.addRow(row);
  worksheet.eachRow((row) => {
    row.alignment = { wrapText: true, vertical: "top" };
  });
  worksheet.getRow(1).font = { bold: true };
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.header.length } };
  const written = new Uint8Array(await workbook.xlsx.writeBuffer());
  return repackAt(written, at);
}

/** The same archive, every entry dated `at` (DOS time has 2-second steps: the instant's own second is kept whole). */
async function repackAt(archive: Uint8Array, at: Date): Promise<Uint8Array> {
  const JSZip = (await import("jszip")).default;
  const source = await JSZip.loadAsync(archive);
  const packed = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    packed.file(entry.name, await entry.async("uint8array"), { date: at, createFolders: false });
  }
  return packed.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "UNIX" });
}
