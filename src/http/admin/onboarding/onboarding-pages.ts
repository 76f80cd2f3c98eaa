import type { Context, Hono } from "hono";
import { AppError } from "../../../core/kernel/errors.ts";
import { IMPORT_KINDS, type ImportKind, importRegister, type ImportReport } from "../../../core/onboarding/index.ts";
import { formatOf, readSpreadsheet } from "../../../spreadsheets/read-spreadsheet.ts";
import { templateResponse } from "../../api/onboarding-routes.ts";
import type { AppEnv, AppWiring } from "../../env.ts";
import { readForm } from "../../forms/form-reader.ts";
import { adminRoute } from "../admin-route.ts";
import { errorSummary, FieldErrors } from "../ui/fields.ts";
import { renderPage } from "../ui/page.ts";
import { t } from "../ui/ui-language.ts";
import { onboardingBody } from "./onboarding-view.ts";

export const ONBOARDING_PATH = "/admin/onboarding";

/**
 * Spreadsheet onboarding for the DPO: download the template, upload the
 * filled workbook (or a CSV), check it (dry run) and import it. The same use
 * case as the API and the CLI (core/onboarding/import-register.ts).
 */
export function registerOnboardingPages(app: Hono<AppEnv>, deps: AppWiring): void {
  adminRoute(app, "GET", ONBOARDING_PATH, "register:write", (c) => page(c, { errors: new FieldErrors() }));
  adminRoute(app, "GET", `${ONBOARDING_PATH}/template.xlsx`, "register:read", (c) => templateResponse(c));
  adminRoute(app, "POST", ONBOARDING_PATH, "register:write", async (c) => {
    const form = await readForm(c);
    const file = form.file("file");
    const kind = form.only("kind");
    const kindField = (IMPORT_KINDS as readonly string[]).includes(kind) ? (kind as ImportKind) : null;
    const dryRun = form.only("action") !== "import";
    const format = file ? formatOf(file.name || file.type, new Uint8Array(await file.slice(0, 2).arrayBuffer())) : null;
    if (!file || !format) {
      const message = t(file ? "admin.onboarding.error.format" : "admin.onboarding.error.noFile");
      return page(c, { errors: new FieldErrors([{ path: "file", message }]), kind: kindField, status: 422 });
    }
    if (!deps.scratchStore) throw new AppError("bad_request", t("admin.onboarding.error.noScratchStore"));
    const bytes = new Uint8Array(await file.arrayBuffer());
    const report = await importRegister(c.get("ctx"), deps.scratchStore, {
      workbook: await readSpreadsheet(bytes, format, kindField, file.name || `upload.${format}`),
      dryRun,
      source: file.name || `upload.${format}`,
    });
    return page(c, { errors: new FieldErrors(), report, fileName: file.name, kind: kindField, status: report.valid ? 200 : 422 });
  });
}

function page(
  c: Context<AppEnv>,
  o: { errors: FieldErrors; report?: ImportReport; fileName?: string; kind?: ImportKind | null; status?: 200 | 422 },
) {
  const kinds = IMPORT_KINDS.map((k) => ({ value: k, label: t(`admin.onboarding.kind.${k}`) }));
  return renderPage(c, {
    title: t("admin.onboarding.title"),
    status: o.status ?? 200,
    body: onboardingBody({
      csrf: c.get("session").csrfToken,
      kinds,
      kind: o.kind ?? null,
      report: o.report ?? null,
      fileName: o.fileName ?? null,
      summary: errorSummary(o.errors, t("admin.onboarding.nothingChecked")),
      errors: o.errors,
    }),
  });
}
