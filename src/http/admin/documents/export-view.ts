import type { ExportVerification } from "../../../core/documents/index.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { t, uiNumber } from "../ui/ui-language.ts";
import { withMarkup } from "../ui/ui-text.ts";
import { breakable, languageName } from "./documents-view.ts";

/**
 * Why the regenerated file matches or not, in the page's language. The same three cases as
 * verifyExport's own English explanation (documents/export-use-cases.ts), told from its outcome.
 */
function explanation(v: ExportVerification): string {
  const asOf = instant(v.export.asOf);
  if (v.verified) return t("admin.documents.export.matches", { asOf });
  if (v.export.templateVersion !== v.currentTemplateVersion)
    return t("admin.documents.export.templatesChanged", { asOf, version: v.export.templateVersion, current: v.currentTemplateVersion });
  return t("admin.documents.export.differs", { asOf });
}

/** One past export: what was asked for, its digests, and whether regenerating it gives the same bytes. */
export function exportView(v: ExportVerification): Html {
  const e = v.export;
  const agreement = e.agreementId
    ? html` (${withMarkup("admin.documents.export.agreement", { agreement: html`<a href="/admin/agreements/${seg(e.agreementId)}">${e.agreementId}</a>` })})`
    : nothing;
  return html`<dl class="facts">
<dt>${t("admin.documents.export.document")}</dt><dd>${e.kind}${agreement}${e.draft ? ` — ${t("admin.documents.draft")}` : ""}</dd>
<dt>${t("admin.documents.export.file")}</dt><dd>${t("admin.documents.export.fileFacts", { file: e.fileName, format: e.format.toUpperCase(), bytes: uiNumber(e.byteLength) })}</dd>
<dt>${t("admin.documents.language")}</dt><dd>${languageName(e.language)}</dd>
<dt>${t("admin.documents.export.exported")}</dt><dd>${t("admin.documents.export.exportedBy", { at: instant(e.createdAt), name: e.actor.name })}</dd>
<dt>${t("admin.documents.export.asOf")}</dt><dd>${t("admin.documents.export.asOfEntry", { at: instant(e.asOf), seq: e.auditSeq })}</dd>
<dt>${t("admin.documents.export.fingerprint")}</dt><dd><code>${breakable(e.fingerprint)}</code></dd>
<dt>${t("admin.documents.export.sha256")}</dt><dd><code>${breakable(e.sha256)}</code></dd>
<dt>${t("admin.documents.export.templateVersion")}</dt><dd>${e.templateVersion}</dd>
</dl>
<h2>${t("admin.documents.export.verification")}</h2>
<p class="${v.verified ? "flash" : "warning"}"><span class="badge ${v.verified ? "ok" : "warn"}">${t(v.verified ? "admin.documents.export.verified" : "admin.documents.export.differsBadge")}</span> ${explanation(v)}</p>
<p><a href="/admin/documents/exports/${seg(e.id)}/file" download>${t("admin.documents.export.downloadAgain", { file: e.fileName })}</a> <span class="hint">${t("admin.documents.export.regenerated", { at: instant(e.asOf) })}</span></p>`;
}
