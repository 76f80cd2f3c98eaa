import { issueAt, type ParsedSheet, type ParsedWorkbook, type SheetCell } from "../core/onboarding/index.ts";
import { cellText } from "./cell-text.ts";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Loaded on first use: the Worker bundles it but need not evaluate it at start. */
export async function loadExcel() {
  return (await import("exceljs")).default;
}

/** Every sheet of an XLSX file as text cells; rows with nothing in them are left out. */
export async function readXlsx(bytes: Uint8Array): Promise<ParsedWorkbook> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    return {
      sheets: [],
      issues: [issueAt("(file)", null, "This is not an XLSX workbook that can be read; save it as .xlsx (Excel workbook) and try again.")],
    };
  }
  const issues: ParsedWorkbook["issues"] = [];
  const sheets: ParsedSheet[] = [];
  for (const worksheet of workbook.worksheets) {
    const headers = new Map<number, string>();
    const rows: ParsedSheet["rows"] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: SheetCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const read = cellText(cell.value);
        if ("error" in read) {
          const header = headers.get(col) ?? "";
          issues.push(issueAt(worksheet.name, { col, row: rowNumber, header }, `The cell holds ${read.error}, not a value.`));
        } else if (read.text.trim() !== "") cells.push({ col, text: read.text });
      });
      if (rowNumber === 1) for (const cell of cells) headers.set(cell.col, cell.text.trim());
      else if (cells.length > 0) rows.push({ row: rowNumber, cells });
    });
    sheets.push({ name: worksheet.name, headers, rows });
  }
  return { sheets, issues };
}
