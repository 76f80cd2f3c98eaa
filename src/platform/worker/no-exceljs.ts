// The Worker's exceljs (wrangler.toml [alias]): the Worker does not carry the
// XLSX library (about 300 KiB of its bundle); XLSX workbooks are read and
// written on the Node server. Imports already refuse on the Worker (it has no
// scratch database); the spreadsheet template and the Art. 30 records as XLSX
// answer with this error.
import { AppError } from "../../core/kernel/errors.ts";

export const XLSX_UNAVAILABLE =
  "This deployment does not read or write XLSX workbooks: use CSV (the Art. 30 records have the same columns), or the Node server for XLSX exports, the spreadsheet template and imports.";

class Workbook {
  constructor() {
    throw new AppError("bad_request", XLSX_UNAVAILABLE);
  }
}

export default { Workbook };
