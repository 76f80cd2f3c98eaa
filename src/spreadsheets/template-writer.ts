import { columnLetter, IMPORT_KINDS, type ImportKind, LISTS_SHEET, NOTES_SHEET, SHEET_SPECS } from "../core/onboarding/index.ts";
import { loadExcel } from "./xlsx-reader.ts";

/** Rows of the drop-down checks in the template; rows below still import, unchecked. */
const CHECKED_ROWS = 500;

export type TemplateRows = Partial<Record<ImportKind, Record<string, string>[]>>;

const INSTRUCTIONS = [
  "How to fill in this register",
  "",
  "One sheet per kind of record; the first row of each holds the column headers. Keep the headers as they are; leave out columns you do not need.",
  "Each row is checked with the same rules as the register's API and admin forms. A dry run reports every problem by sheet, row and column; nothing is written while any problem remains, and a clean import writes every row at once.",
  "Texts in several languages have one column per language, e.g. Name (en), Name (nl), Name (fr): give at least one.",
  "Lists go in one cell: one item per line (Alt+Enter) or separated by semicolons. Columns that describe the items of another list (e.g. Transfer recipients for Transfer countries) give one item per item, in the same order, with - for none.",
  "Rows refer to each other by name (in any language), by their Ref column, or for sub-processors and customers by their Reference. A name must be unique within its sheet and the register.",
  "Sub-processors: into a register without agreements they are recorded as they stand (status active unless the Status column says otherwise). Once the register has agreements, each arrives as a proposed sub-processor change, to be announced to customers from the Changes page.",
  "Agreements are not in this workbook: add them in the register once the customers are in.",
  "A CSV file holds one sheet: the same columns as that sheet here.",
  "",
];

/** The XLSX template: a notes sheet, one sheet per kind (optionally filled), and drop-down lists where values are fixed. */
export async function writeTemplate(fill: TemplateRows = {}): Promise<Uint8Array> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "DPA register";
  const notes = workbook.addWorksheet(NOTES_SHEET);
  notes.columns = [{ width: 28 }, { width: 34 }, { width: 110 }];
  for (const line of INSTRUCTIONS) notes.addRow([line]);
  notes.getRow(1).font = { bold: true, size: 14 };
  notes.addRow(["Sheet", "Column", "What to write"]).font = { bold: true };
  for (const kind of IMPORT_KINDS) {
    const spec = SHEET_SPECS[kind];
    notes.addRow([spec.sheet, "", spec.about]).font = { bold: true };
    for (const column of spec.columns) notes.addRow(["", column.header, column.note]);
  }
  notes.getColumn(3).alignment = { wrapText: true, vertical: "top" };

  const lists = workbook.addWorksheet(LISTS_SHEET, { state: "hidden" });
  const listRanges = new Map<string, string>();
  const listFor = (choices: readonly string[]): string => {
    const key = choices.join("|");
    const known = listRanges.get(key);
    if (known) return known;
    const col = listRanges.size + 1;
    choices.forEach((choice, i) => {
      lists.getCell(i + 1, col).value = choice;
    });
    const range = `${LISTS_SHEET}!$${columnLetter(col)}$1:$${columnLetter(col)}$${choices.length}`;
    listRanges.set(key, range);
    return range;
  };

  for (const kind of IMPORT_KINDS) {
    const spec = SHEET_SPECS[kind];
    const sheet = workbook.addWorksheet(spec.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = spec.columns.map((c) => ({ header: c.header, width: Math.min(40, Math.max(12, c.header.length + 4)) }));
    sheet.getRow(1).font = { bold: true };
    spec.columns.forEach((column, i) => {
      sheet.getCell(1, i + 1).note = column.note;
      if (!column.choices) return;
      const letter = columnLetter(i + 1);
      // exceljs types leave out the sheet's range-wide data validations.
      (sheet as unknown as { dataValidations: { add(range: string, rule: object): void } }).dataValidations.add(
        `${letter}2:${letter}${CHECKED_ROWS}`,
        {
          type: "list",
          allowBlank: true,
          formulae: [listFor(column.choices)],
          showErrorMessage: true,
          errorStyle: "warning",
          error: `Choose one of the listed values (${column.header}).`,
        },
      );
    });
    for (const row of fill[kind] ?? []) {
      const added = sheet.addRow(spec.columns.map((c) => row[c.header] ?? null));
      added.alignment = { wrapText: true, vertical: "top" };
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
