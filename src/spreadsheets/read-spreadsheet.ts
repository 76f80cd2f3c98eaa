import type { ImportKind, ParsedWorkbook } from "../core/onboarding/index.ts";
import { readCsv } from "./csv-reader.ts";
import { readXlsx } from "./xlsx-reader.ts";

export const SPREADSHEET_FORMATS = ["xlsx", "csv"] as const;
export type SpreadsheetFormat = (typeof SPREADSHEET_FORMATS)[number];

/** The format a file name or media type stands for, or null. XLSX files start with the ZIP signature. */
export function formatOf(hint: string, bytes?: Uint8Array): SpreadsheetFormat | null {
  const lower = hint.trim().toLowerCase().split(";")[0] ?? "";
  if (lower.endsWith(".xlsx") || lower === "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") return "xlsx";
  if (lower.endsWith(".csv") || lower === "text/csv") return "csv";
  if (bytes && bytes[0] === 0x50 && bytes[1] === 0x4b) return "xlsx";
  return null;
}

export function readSpreadsheet(
  bytes: Uint8Array,
  format: SpreadsheetFormat,
  kind: ImportKind | null,
  fileName: string,
): Promise<ParsedWorkbook> {
  return format === "xlsx" ? readXlsx(bytes) : readCsv(bytes, kind, fileName);
}
