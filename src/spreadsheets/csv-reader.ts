import {
  guessKind,
  IMPORT_KINDS,
  type ImportKind,
  issueAt,
  type ParsedWorkbook,
  SHEET_SPECS,
  type SheetRow,
} from "../core/onboarding/index.ts";

/**
 * One CSV file as the sheet of one kind: the kind given, or the one its
 * header row names. UTF-8 (with or without a byte-order mark); separated by
 * commas, or by semicolons as spreadsheet programs write CSV in many European
 * locales. Rows are numbered as a spreadsheet shows them (header = row 1).
 */
export async function readCsv(bytes: Uint8Array, kind: ImportKind | null, fileName = "CSV"): Promise<ParsedWorkbook> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { sheets: [], issues: [issueAt(fileName, null, "This file is not UTF-8 text; save the CSV as UTF-8.")] };
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const { parse } = await import("csv-parse/sync");
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    return { sheets: [], issues: [issueAt(fileName, null, `Not readable as CSV: ${(error as Error).message}`)] };
  }
  const headerRow = records[0] ?? [];
  const chosen = kind ?? guessKind(headerRow);
  if (!chosen) {
    return {
      sheets: [],
      issues: [
        issueAt(
          fileName,
          null,
          `Cannot tell from the header row which kind of rows this CSV holds; name the kind (${IMPORT_KINDS.join(", ")}).`,
        ),
      ],
    };
  }
  const rows: SheetRow[] = [];
  records.slice(1).forEach((record, i) => {
    const cells = record.map((value, c) => ({ col: c + 1, text: value })).filter((cell) => cell.text.trim() !== "");
    if (cells.length > 0) rows.push({ row: i + 2, cells });
  });
  const headers = new Map(headerRow.map((header, c) => [c + 1, header.trim()] as [number, string]));
  return { sheets: [{ name: SHEET_SPECS[chosen].sheet, headers, rows }], issues: [] };
}
