/**
 * Spreadsheet onboarding: a filled-in template (XLSX or CSV) checked in a scratch copy and imported in one atomic unit.
 * This file is the feature's public surface: other features and the outer layers import only what it exports.
 */
export { importRegister } from "./import-register.ts";
export type { ImportReport } from "./import-register.ts";
export { columnLetter, issueAt } from "./sheet-model.ts";
export type { ParsedSheet, ParsedWorkbook, SheetCell, SheetRow } from "./sheet-model.ts";
export { IMPORT_KINDS, LISTS_SHEET, NOTES_SHEET, SHEET_SPECS, guessKind } from "./sheet-specs.ts";
export type { ImportKind } from "./sheet-specs.ts";
