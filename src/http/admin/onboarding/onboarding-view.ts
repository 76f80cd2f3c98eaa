import { IMPORT_KINDS, type ImportReport, SHEET_SPECS } from "../../../core/onboarding/index.ts";
import { csrfField, type FieldErrors, selectField } from "../ui/fields.ts";
import { type Html, html, nothing } from "../ui/html.ts";

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
  return html`${v.summary}${v.report ? reportSection(v.report, v.fileName) : nothing}
<p>Bring an existing spreadsheet register in without retyping it. <a href="/admin/onboarding/template.xlsx" download>Download the template</a> (XLSX: a notes sheet and one sheet per kind), fill it in, then check it and import it. A CSV file holds one sheet, with the same columns.</p>
<p>Every row is checked with the same rules as the register's forms and API. A check writes nothing. An import writes nothing while any problem remains, and otherwise writes every row at once. Sub-processors arrive as proposed changes once the register has agreements.</p>
<form method="post" action="/admin/onboarding" enctype="multipart/form-data" class="narrow">${csrfField(v.csrf)}
<div class="field${fileErrors.length ? " has-error" : ""}"><label for="f-file">Spreadsheet (.xlsx or .csv, up to 256 KB here; use the CLI or API for larger files)</label>
${fileErrors.length ? html`<p class="error" id="f-file-error">${fileErrors.join(" ")}</p>` : nothing}
<input type="file" id="f-file" name="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"${fileErrors.length ? html` aria-invalid="true" aria-describedby="f-file-error"` : nothing}></div>
${selectField({ name: "kind", label: "For a CSV: what its rows are", value: v.kind, choices: v.kinds, blank: "Tell from its header row", errors: v.errors })}
<div class="actions"><button type="submit" name="action" value="check">Check (dry run)</button> <button type="submit" name="action" value="import">Import</button></div></form>`;
}

function reportSection(report: ImportReport, fileName: string | null): Html {
  const counts = IMPORT_KINDS.filter((k) => report.rows[k] > 0).map((k) => `${report.rows[k]} ${SHEET_SPECS[k].sheet.toLowerCase()}`);
  const rows = counts.length ? counts.join(", ") : "no rows";
  const vendors =
    report.subProcessors.path === "direct"
      ? "Sub-processors are recorded as they stand: the register has no agreements yet."
      : report.subProcessors.path === "proposed_changes"
        ? "Sub-processors arrive as proposed changes: the register has agreements, so customers are told through the change workflow. Announce them from Changes."
        : "";
  if (!report.valid) {
    return html`<section class="error-summary" role="alert" tabindex="-1" id="error-summary" aria-labelledby="report-title">
<h2 id="report-title">${report.issues.length} problem${report.issues.length === 1 ? "" : "s"} in ${fileName ?? "the file"} (${rows}); nothing was written</h2>
<table><caption>Each problem by cell</caption><thead><tr><th scope="col">Cell</th><th scope="col">Column</th><th scope="col">Problem</th></tr></thead>
<tbody>${report.issues.map((i) => html`<tr><td><code>${i.cell}</code></td><td>${i.header ?? "—"}</td><td>${i.message}</td></tr>`)}</tbody></table></section>`;
  }
  const title = report.dryRun
    ? `${fileName ?? "The file"} passes every check (${rows}); nothing was written yet`
    : `Imported ${fileName ?? "the file"}: ${rows}`;
  return html`<section class="flash" role="status" aria-labelledby="report-title"><h2 id="report-title">${title}</h2>${vendors ? html`<p>${vendors}</p>` : nothing}
${report.subProcessors.changeIds.length ? html`<ul>${report.subProcessors.changeIds.map((id) => html`<li><a href="/admin/changes/${id}">Proposed change ${id}</a></li>`)}</ul>` : nothing}</section>`;
}
