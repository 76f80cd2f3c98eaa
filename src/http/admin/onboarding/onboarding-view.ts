import { IMPORT_KINDS, type ImportReport } from "../../../core/onboarding/index.ts";
import { csrfField, type FieldErrors, selectField } from "../ui/fields.ts";
import { type Html, html, nothing } from "../ui/html.ts";
import { t } from "../ui/ui-language.ts";
import { counted, withMarkup } from "../ui/ui-text.ts";

interface View {
  csrf: string;
  kinds: { value: string; label: string }[];
  kind: string | null;
  report: ImportReport | null;
  fileName: string | null;
  summary: Html;
  errors: FieldErrors;
}

export function onboardingBody(v: View): Html {
  const fileErrors = v.errors.for("file");
  const templateLink = html`<a href="/admin/onboarding/template.xlsx" download>${t("admin.onboarding.templateLink")}</a>`;
  return html`${v.summary}${v.report ? reportSection(v.report, v.fileName) : nothing}
<p>${withMarkup("admin.onboarding.intro", { template: templateLink })}</p>
<p>${t("admin.onboarding.rules")}</p>
<form method="post" action="/admin/onboarding" enctype="multipart/form-data" class="narrow">${csrfField(v.csrf)}
<div class="field${fileErrors.length ? " has-error" : ""}"><label for="f-file">${t("admin.onboarding.file")}</label>
${fileErrors.length ? html`<p class="error" id="f-file-error">${fileErrors.join(" ")}</p>` : nothing}
<input type="file" id="f-file" name="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"${fileErrors.length ? html` aria-invalid="true" aria-describedby="f-file-error"` : nothing}></div>
${selectField({ name: "kind", label: t("admin.onboarding.kind"), value: v.kind, choices: v.kinds, blank: t("admin.onboarding.kindFromHeader"), errors: v.errors })}
<div class="actions"><button type="submit" name="action" value="check">${t("admin.onboarding.check")}</button> <button type="submit" name="action" value="import">${t("admin.onboarding.import")}</button></div></form>`;
}

/** What the file holds, kind by kind ("3 customers, 12 activities"). */
function rowCounts(report: ImportReport): string {
  const counts = IMPORT_KINDS.filter((k) => report.rows[k] > 0).map((k) => counted(`admin.onboarding.rows.${k}`, report.rows[k]));
  return counts.length ? counts.join(t("admin.onboarding.rows.separator")) : t("admin.onboarding.rows.none");
}

/** How the sub-processors of the file reach the register, when it has any. */
function vendorsNote(path: ImportReport["subProcessors"]["path"]): string {
  if (path === "direct") return t("admin.onboarding.vendors.direct");
  if (path === "proposed_changes") return t("admin.onboarding.vendors.proposedChanges");
  return "";
}

function reportSection(report: ImportReport, fileName: string | null): Html {
  const rows = rowCounts(report);
  const vendors = vendorsNote(report.subProcessors.path);
  if (!report.valid) {
    const file = fileName ?? t("admin.onboarding.theFile");
    return html`<section class="error-summary" role="alert" tabindex="-1" id="error-summary" aria-labelledby="report-title">
<h2 id="report-title">${counted("admin.onboarding.report.problems", report.issues.length, { file, rows })}</h2>
<table><caption>${t("admin.onboarding.report.caption")}</caption><thead><tr><th scope="col">${t("admin.onboarding.report.cell")}</th><th scope="col">${t("admin.onboarding.report.column")}</th><th scope="col">${t("admin.onboarding.report.problem")}</th></tr></thead>
<tbody>${report.issues.map((i) => html`<tr><td><code>${i.cell}</code></td><td>${i.header ?? "—"}</td><td>${i.message}</td></tr>`)}</tbody></table></section>`;
  }
  const title = report.dryRun
    ? t("admin.onboarding.report.passes", { file: fileName ?? t("admin.onboarding.theFileCapital"), rows })
    : t("admin.onboarding.report.imported", { file: fileName ?? t("admin.onboarding.theFile"), rows });
  return html`<section class="flash" role="status" aria-labelledby="report-title"><h2 id="report-title">${title}</h2>${vendors ? html`<p>${vendors}</p>` : nothing}
${report.subProcessors.changeIds.length ? html`<ul>${report.subProcessors.changeIds.map((id) => html`<li><a href="/admin/changes/${id}">${t("admin.onboarding.report.proposedChange", { id })}</a></li>`)}</ul>` : nothing}</section>`;
}
