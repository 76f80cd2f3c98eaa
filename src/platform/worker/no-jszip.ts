// The Worker's jszip (wrangler.toml [alias]): the Art. 30 workbooks are packed with it once exceljs has
// written them, and the Worker has no exceljs (no-exceljs.ts refuses first), so it never runs here.
import { AppError } from "../../core/kernel/errors.ts";
import { XLSX_UNAVAILABLE } from "./no-exceljs.ts";

const JSZip = {
  loadAsync(): never {
    throw new AppError("bad_request", XLSX_UNAVAILABLE);
  },
};
export default JSZip;
