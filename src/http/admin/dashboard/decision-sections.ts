import type { AwaitingDecisions, DocumentSummary } from "../../../core/dashboard/index.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { documentName, findingsHref } from "../documents/documents-view.ts";

const more = (shown: number, total: number) =>
  total > shown ? html`<p class="hint">Showing the ${shown} oldest of ${total}.</p>` : nothing;

/** Objections and option-1 authorisation requests that wait for an answer, oldest first. */
export function decisionsSection(d: AwaitingDecisions): Html {
  const objections = d.objections.items;
  const requests = d.authorisations.items;
  return html`<h3>Objections awaiting a decision (${d.objections.total})</h3>
${
  objections.length === 0
    ? html`<p>No objection awaits a decision.</p>`
    : html`<table><thead><tr><th scope="col">Received</th><th scope="col">Customer</th><th scope="col">Agreement</th><th scope="col">Change</th><th scope="col">Timing</th><th scope="col">Decide</th></tr></thead>
<tbody>${objections.map(
        (o) => html`<tr><td>${instant(o.receivedAt)}</td><td>${o.customerName}</td><td>${o.reference}</td>
<td><a href="/admin/${o.subject === "terms_change" ? "terms-changes" : "changes"}/${seg(o.changeId)}">${o.vendorName}</a></td>
<td>${o.onTime ? html`<span class="badge ok">on time</span>` : html`<span class="badge late">late</span>`}</td>
<td><a href="/admin/objections/${seg(o.id)}">Objection of ${o.customerName} (${o.reference})</a></td></tr>`,
      )}</tbody></table>${more(objections.length, d.objections.total)}`
}
<h3>Authorisation requests awaiting an answer (${d.authorisations.total})</h3>
${
  requests.length === 0
    ? html`<p>No customer owes an answer to an authorisation request.</p>`
    : html`<table><thead><tr><th scope="col">Customer</th><th scope="col">Agreement</th><th scope="col">Change</th><th scope="col">Asked on</th><th scope="col">Answer by</th></tr></thead>
<tbody>${requests.map(
        (r) => html`<tr><td>${r.customerName}</td><td>${r.reference}</td>
<td><a href="/admin/changes/${seg(r.changeId)}">${r.vendorName}</a></td><td>${r.noticeDate}</td><td>${r.lastDay} <span class="hint">(${r.timeZone})</span></td></tr>`,
      )}</tbody></table>${more(requests.length, d.authorisations.total)}`
}`;
}

/** Incomplete documents listed on the dashboard; the documents page lists them all. */
const DOCUMENTS_SHOWN = 10;

/** How many findings each incomplete document has, its first few, and where to see all of them. */
export function completenessSection(documents: DocumentSummary[]): Html {
  const incomplete = documents.filter((d) => d.findings.length > 0);
  if (incomplete.length === 0) return html`<p>All ${documents.length} documents are complete.</p>`;
  return html`<p>${incomplete.length} of ${documents.length} documents lack content the law asks for.</p>
<ul>${incomplete.slice(0, DOCUMENTS_SHOWN).map(
    (
      d,
    ) => html`<li><a href="${findingsHref(documents, d)}">${documentName(d)}: ${d.findings.length} ${d.findings.length === 1 ? "finding" : "findings"}</a>
<ul>${d.findings.slice(0, 3).map((f) => html`<li>${f.article}: ${f.message}</li>`)}${d.findings.length > 3 ? html`<li>and ${d.findings.length - 3} more</li>` : nothing}</ul></li>`,
  )}</ul>
${incomplete.length > DOCUMENTS_SHOWN ? html`<p><a href="/admin/documents#completeness">${incomplete.length - DOCUMENTS_SHOWN} more incomplete documents</a></p>` : nothing}`;
}
