import { stringify } from "csv-stringify/sync";

/**
 * The Art. 30 record as CSV for a spreadsheet: a byte-order mark so Excel
 * reads UTF-8, CRLF rows, every field quoted, and cells that a spreadsheet
 * would run as a formula (=, +, -, @, tab, CR) prefixed with a quote.
 */
export function renderCsv(table: { header: string[]; rows: string[][] }): string {
  return stringify([table.header, ...table.rows], {
    bom: true,
    record_delimiter: "windows",
    quoted: true,
    escape_formulas: true,
  });
}
