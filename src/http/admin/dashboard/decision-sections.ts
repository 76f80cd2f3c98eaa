import type { AwaitingDecisions, DocumentSummary } from "../../../core/dashboard/index.ts";
import { findingMessageIn } from "../../../core/documents/index.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { t, uiDate, uiLanguage, uiNumber } from "../ui/ui-language.ts";
import { documentName, findingsHref } from "../documents/documents-view.ts";
import { counted } from "../ui/ui-text.ts";

const more = (shown: number, total: number) =>
  total > shown ? html`<p class="hint">${t("admin.dashboard.decisions.more", { shown, total: uiNumber(total) })}</p>` : nothing;

const th = (key: string) => html`<th scope="col">${t(key)}</th>`;

/** Objections and option-1 authorisation requests that wait for an answer, oldest first. */
export function decisionsSection(d: AwaitingDecisions): Html {
  const objections = d.objections.items;
  const requests = d.authorisations.items;
  return html`<h3>${t("admin.dashboard.decisions.objections", { n: uiNumber(d.objections.total) })}</h3>
${
  objections.length === 0
    ? html`<p>${t("admin.dashboard.decisions.noObjection")}</p>`
    : html`<table><thead><tr>${th("admin.dashboard.decisions.received")}${th("admin.dashboard.customer")}${th("admin.dashboard.agreement")}${th("admin.dashboard.change")}${th("admin.dashboard.decisions.timing")}${th("admin.dashboard.decisions.decide")}</tr></thead>
<tbody>${objections.map(
        (o) => html`<tr><td>${instant(o.receivedAt)}</td><td>${o.customerName}</td><td>${o.reference}</td>
<td><a href="/admin/${o.subject === "terms_change" ? "terms-changes" : "changes"}/${seg(o.changeId)}">${o.vendorName}</a></td>
<td>${o.onTime ? html`<span class="badge ok">${t("admin.dashboard.decisions.onTime")}</span>` : html`<span class="badge late">${t("admin.dashboard.decisions.late")}</span>`}</td>
<td><a href="/admin/objections/${seg(o.id)}">${t("admin.dashboard.decisions.objectionOf", { customer: o.customerName, reference: o.reference })}</a></td></tr>`,
      )}</tbody></table>${more(objections.length, d.objections.total)}`
}
<h3>${t("admin.dashboard.decisions.authorisations", { n: uiNumber(d.authorisations.total) })}</h3>
${
  requests.length === 0
    ? html`<p>${t("admin.dashboard.decisions.noAuthorisation")}</p>`
    : html`<table><thead><tr>${th("admin.dashboard.customer")}${th("admin.dashboard.agreement")}${th("admin.dashboard.change")}${th("admin.dashboard.decisions.askedOn")}${th("admin.dashboard.decisions.answerBy")}</tr></thead>
<tbody>${requests.map(
        (r) => html`<tr><td>${r.customerName}</td><td>${r.reference}</td>
<td><a href="/admin/changes/${seg(r.changeId)}">${r.vendorName}</a></td><td>${uiDate(r.noticeDate)}</td><td>${uiDate(r.lastDay)} <span class="hint">(${r.timeZone})</span></td></tr>`,
      )}</tbody></table>${more(requests.length, d.authorisations.total)}`
}`;
}

/** Incomplete documents listed on the dashboard; the documents page lists them all. */
const DOCUMENTS_SHOWN = 10;

/**
 * How many findings each incomplete document has, its first few, and where to see all of them.
 * The completeness check of each document (core/dashboard/document-overview.ts) is worded
 * in the page's language: a French annex's findings read in Dutch on a Dutch page.
 */
export function completenessSection(documents: DocumentSummary[]): Html {
  const incomplete = documents.filter((d) => d.findings.length > 0);
  const total = uiNumber(documents.length);
  if (incomplete.length === 0) return html`<p>${t("admin.dashboard.completeness.allComplete", { total })}</p>`;
  return html`<p>${t("admin.dashboard.completeness.incomplete", { n: uiNumber(incomplete.length), total })}</p>
<ul>${incomplete.slice(0, DOCUMENTS_SHOWN).map(
    (
      d,
    ) => html`<li><a href="${findingsHref(documents, d)}">${counted("admin.dashboard.completeness.findings", d.findings.length, { document: documentName(d) })}</a>
<ul>${d.findings.slice(0, 3).map((f) => html`<li>${t("admin.dashboard.completeness.finding", { article: f.article, message: findingMessageIn(f, uiLanguage()) })}</li>`)}${d.findings.length > 3 ? html`<li>${t("admin.dashboard.andMore", { n: d.findings.length - 3 })}</li>` : nothing}</ul></li>`,
  )}</ul>
${incomplete.length > DOCUMENTS_SHOWN ? html`<p><a href="/admin/documents#completeness">${counted("admin.dashboard.completeness.moreDocuments", incomplete.length - DOCUMENTS_SHOWN)}</a></p>` : nothing}`;
}
