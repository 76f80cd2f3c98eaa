export { importRegister } from "./import-register.ts";
export type { ImportReport } from "./import-register.ts";
export { columnLetter, issueAt } from "./sheet-model.ts";
export type { ParsedSheet, ParsedWorkbook, SheetCell, SheetRow } from "./sheet-model.ts";
export { IMPORT_KINDS, LISTS_SHEET, NOTES_SHEET, SHEET_SPECS, guessKind } from "./sheet-specs.ts";
export type { ImportKind } from "./sheet-specs.ts";
