import type { ExportVerification } from "../../../core/documents/index.ts";
import { type Html, html, instant, seg } from "../ui/html.ts";
import { breakable, LANGUAGE_NAMES } from "./documents-view.ts";

/** One past export: what was asked for, its digests, and whether regenerating it gives the same bytes. */
export function exportView(v: ExportVerification): Html {
  const e = v.export;
  return html`<dl class="facts">
<dt>Document</dt><dd>${e.kind}${e.agreementId ? html` (agreement <a href="/admin/agreements/${seg(e.agreementId)}">${e.agreementId}</a>)` : ""}${e.draft ? " — draft" : ""}</dd>
<dt>File</dt><dd>${e.fileName} (${e.format.toUpperCase()}, ${e.byteLength} bytes)</dd>
<dt>Language</dt><dd>${LANGUAGE_NAMES[e.language] ?? e.language}</dd>
<dt>Exported</dt><dd>${instant(e.createdAt)} by ${e.actor.name}</dd>
<dt>Register as of</dt><dd>${instant(e.asOf)} (audit entry ${e.auditSeq})</dd>
<dt>Fingerprint (SHA-256 of the content)</dt><dd><code>${breakable(e.fingerprint)}</code></dd>
<dt>SHA-256 of the file</dt><dd><code>${breakable(e.sha256)}</code></dd>
<dt>Template version</dt><dd>${e.templateVersion}</dd>
</dl>
<h2>Verification</h2>
<p class="${v.verified ? "flash" : "warning"}"><span class="badge ${v.verified ? "ok" : "warn"}">${v.verified ? "Verified" : "Differs"}</span> ${v.explanation}</p>
<p><a href="/admin/documents/exports/${seg(e.id)}/file" download>Download ${e.fileName} again</a> <span class="hint">(regenerated as of ${instant(e.asOf)}; not a new export)</span></p>`;
}
