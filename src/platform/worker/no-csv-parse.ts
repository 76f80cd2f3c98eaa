// The Worker's csv-parse (wrangler.toml [alias]): only spreadsheet imports read CSV, and the Worker
// refuses imports before reading the upload (it has no scratch database to check them in).
import { AppError } from "../../core/kernel/errors.ts";

export function parse(): never {
  throw new AppError("bad_request", "This deployment does not import spreadsheets (it has no scratch database); use the Node server.");
}
