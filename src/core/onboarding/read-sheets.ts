import { type ImportIssue, issueAt, type ParsedSheet } from "./sheet-model.ts";
import { IMPORT_KINDS, type ImportKind, kindOfSheet, LISTS_SHEET, NOTES_SHEET, normalise, SHEET_SPECS } from "./sheet-specs.ts";

/** A sheet of one kind, with its columns by normalised header. */
export interface KindSheet {
  kind: ImportKind;
  sheet: ParsedSheet;
  columns: Map<string, number>;
}

/**
 * The sheets the import understands, by kind, and an issue for every sheet,
 * header or cell it cannot place: an unknown sheet or header is named rather
 * than ignored, so nothing the DPO typed is silently left out.
 */
export function placeSheets(sheets: ParsedSheet[]): { placed: KindSheet[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const placed: KindSheet[] = [];
  for (const sheet of sheets) {
    if ([NOTES_SHEET, LISTS_SHEET].map(normalise).includes(normalise(sheet.name))) continue;
    const kind = kindOfSheet(sheet.name);
    if (!kind) {
      if (sheet.rows.length > 0)
        issues.push(
          issueAt(sheet.name, null, `Unknown sheet; the import reads ${IMPORT_KINDS.map((k) => `"${SHEET_SPECS[k].sheet}"`).join(", ")}.`),
        );
      continue;
    }
    if (placed.some((p) => p.kind === kind)) {
      issues.push(issueAt(sheet.name, null, `A second sheet of ${SHEET_SPECS[kind].sheet}; put all its rows in one sheet.`));
      continue;
    }
    const known = new Set(SHEET_SPECS[kind].columns.map((c) => normalise(c.header)));
    const columns = new Map<string, number>();
    for (const [col, header] of sheet.headers) {
      const name = normalise(header);
      if (name === "") continue;
      const at = { col, row: 1, header };
      if (!known.has(name))
        issues.push(
          issueAt(
            sheet.name,
            at,
            `Unknown column "${header}"; the template's columns for this sheet are ${SHEET_SPECS[kind].columns.map((c) => c.header).join(", ")}.`,
          ),
        );
      else if (columns.has(name)) issues.push(issueAt(sheet.name, at, `Column "${header}" appears twice.`));
      else columns.set(name, col);
    }
    const headed = new Set([...sheet.headers].filter(([, header]) => normalise(header) !== "").map(([col]) => col));
    for (const row of sheet.rows) {
      for (const cell of row.cells) {
        if (!headed.has(cell.col) && cell.text.trim() !== "") {
          issues.push(
            issueAt(
              sheet.name,
              { col: cell.col, row: row.row, header: "" },
              "This cell is in a column without a header; give the column one of the template's headers or leave it empty.",
            ),
          );
        }
      }
    }
    placed.push({ kind, sheet, columns });
  }
  placed.sort((a, b) => IMPORT_KINDS.indexOf(a.kind) - IMPORT_KINDS.indexOf(b.kind));
  return { placed, issues };
}
