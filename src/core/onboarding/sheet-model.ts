/**
 * A spreadsheet as the import reads it, whatever file it came from (XLSX or
 * CSV): sheets of text cells addressed the way the DPO sees them, so every
 * problem can be reported as "Activities!C7".
 */
export interface SheetCell {
  /** 1-based column number (A = 1). */
  col: number;
  text: string;
}

export interface SheetRow {
  /** 1-based row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  cells: SheetCell[];
}

export interface ParsedSheet {
  name: string;
  /** Header texts by column number, from the first row. */
  headers: Map<number, string>;
  rows: SheetRow[];
}

/** One problem with one cell (or a header, or a whole sheet), with the rule it breaks. */
export interface ImportIssue {
  sheet: string;
  row: number | null;
  column: string | null;
  header: string | null;
  /** Spreadsheet coordinates, e.g. "Activities!C7", or just the sheet name. */
  cell: string;
  message: string;
}

/** A, B, …, Z, AA, AB, … for 1, 2, … */
export function columnLetter(col: number): string {
  let n = col;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Sheet names with spaces or punctuation are quoted in references, as spreadsheet programs write them. */
export function cellRef(sheet: string, col: number | null, row: number | null): string {
  const name = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  if (col === null || row === null) return name;
  return `${name}!${columnLetter(col)}${row}`;
}

export function issueAt(sheet: string, at: { col: number; row: number; header: string } | null, message: string): ImportIssue {
  return {
    sheet,
    row: at?.row ?? null,
    column: at ? columnLetter(at.col) : null,
    header: at?.header ?? null,
    cell: cellRef(sheet, at?.col ?? null, at?.row ?? null),
    message,
  };
}

/** What a file reader hands to the import: its sheets, and what it could not read. */
export interface ParsedWorkbook {
  sheets: ParsedSheet[];
  issues: ImportIssue[];
}
