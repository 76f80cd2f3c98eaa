import { label } from "../../../core/kernel/i18n/localise.ts";
import type { DocumentSummary, ExportLine } from "../../../core/dashboard/index.ts";
import { LANGUAGES } from "../../../core/kernel/values/values.ts";
import type { Page } from "../../../core/kernel/paging.ts";
import { selectField, textField } from "../ui/fields.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";

/** The link options the documents page carries into every preview and download link. */
export interface ListOptions {
  lang?: string;
  asOf?: string;
}

export const LANGUAGE_NAMES: Record<string, string> = { en: "English", nl: "Dutch", fr: "French" };

/** Where a document lives under /admin/documents, and its name in link texts. */
export function documentPath(d: { kind: string; agreementId: string | null }): string {
  return d.kind === "annex" ? `/admin/documents/annex/${seg(d.agreementId ?? "")}` : `/admin/documents/${d.kind}`;
}

export function documentName(d: { kind: string; reference: string | null }): string {
  if (d.kind === "art30-controller") return "Art. 30(1) record";
  if (d.kind === "art30-processor") return "Art. 30(2) record";
  return `Annex ${d.reference ?? ""}`.trim();
}

/** The anchor of a document's completeness findings on the documents page. */
export const findingsAnchor = (d: { kind: string; agreementId: string | null }): string =>
  `findings-${d.kind}${d.agreementId ? `-${d.agreementId}` : ""}`;

/** Where a document's findings are shown: the documents page that lists it (annexes are paged), at its anchor. */
export function findingsHref(documents: DocumentSummary[], d: DocumentSummary): string {
  const index = documents.filter((x) => x.kind === "annex").indexOf(d);
  const from = index < 0 ? 0 : Math.floor(index / ANNEXES_SHOWN) * ANNEXES_SHOWN;
  return `/admin/documents${from ? `?annexesFrom=${from}` : ""}#${findingsAnchor(d)}`;
}

function link(path: string, options: ListOptions, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    ...extra,
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.asOf ? { asOf: options.asOf } : {}),
  });
  return `${path}?${query}`;
}

function findingsCell(d: DocumentSummary): Html {
  if (d.findings.length === 0) return html`<span class="badge ok">Complete</span>`;
  const n = d.findings.length;
  return html`<a href="#${findingsAnchor(d)}">${n} ${n === 1 ? "finding" : "findings"}<span class="hint"> in ${documentName(d)}</span></a>`;
}

function documentRow(d: DocumentSummary, options: ListOptions): Html {
  const path = documentPath(d);
  const name = documentName(d);
  const formats = d.kind === "annex" ? (["pdf", "json"] as const) : (["pdf", "csv", "xlsx", "json"] as const);
  const lead =
    d.kind === "annex"
      ? html`<th scope="row">${d.reference}</th><td>${d.customerName ?? "—"}</td><td>${d.agreementStatus ? label("en", "agreementStatus", d.agreementStatus) : "—"}</td>`
      : html`<th scope="row">${name} (${d.kind === "art30-controller" ? "controller" : "processor"})<br><span class="hint">${d.title}</span></th>`;
  return html`<tr>${lead}<td>${options.lang ? LANGUAGE_NAMES[options.lang] : LANGUAGE_NAMES[d.language]}</td><td>${findingsCell(d)}</td>
<td><a href="${link(`${path}/preview`, options)}">Preview ${name}</a></td>
<td>${formats.map((f, i) => html`${i ? ", " : ""}<a href="${link(`${path}/download`, options, { format: f })}" download>${name} — ${f.toUpperCase()}</a>`)}</td></tr>`;
}

function optionsForm(options: ListOptions): Html {
  return html`<form method="get" action="/admin/documents" class="narrow">
<fieldset class="group"><legend>Language and date of the documents</legend>
${selectField({ name: "lang", label: "Language", value: options.lang ?? "", blank: "Each document's own language", choices: LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] ?? l })) })}
${textField({ name: "asOf", label: "As of (optional)", type: "date", value: options.asOf ?? "", hint: "The register as it stood at the end of that day (Europe/Brussels); leave empty for now." })}
<button type="submit">Use for the links below</button></fieldset></form>`;
}

function findingsSection(documents: DocumentSummary[], paged: boolean): Html {
  const incomplete = documents.filter((d) => d.findings.length > 0);
  if (incomplete.length === 0)
    return html`<p>${paged ? "Every document listed on this page" : "Every document"} has all the content the law asks for.</p>`;
  return html`${paged ? html`<p class="hint">For the records and the agreements listed on this page.</p>` : nothing}${incomplete.map(
    (d) => html`<h3 id="${findingsAnchor(d)}">${documentName(d)}</h3>
<ul>${d.findings.map((f) => html`<li><strong>${f.article}</strong>: ${f.message}</li>`)}</ul>`,
  )}`;
}

/** A long hex digest that may wrap inside a table cell yet still copies and finds as one string. */
export function breakable(hex: string): Html {
  return html`${(hex.match(/.{1,16}/g) ?? []).map((part, i) => html`${i ? html`<wbr>` : nothing}${part}`)}`;
}

/** Annex rows per page: a register may hold thousands of agreements. */
export const ANNEXES_SHOWN = 100;

export interface Paging {
  exportsBefore: string | null;
  annexesFrom: number;
}

function pageLink(options: ListOptions, paging: Partial<Record<keyof Paging, string>>, anchor: string): string {
  const query = new URLSearchParams({ ...(options.lang ? { lang: options.lang } : {}), ...(options.asOf ? { asOf: options.asOf } : {}) });
  for (const [key, value] of Object.entries(paging)) if (value) query.set(key, value);
  return `/admin/documents?${query}#${anchor}`;
}

function pagingNav(label: string, links: [string, string][]): Html {
  return links.length
    ? html`<nav class="actions" aria-label="${label}">${links.map(([href, text]) => html`<a href="${href}">${text}</a>`)}</nav>`
    : nothing;
}

function exportsTable(exports: Page<ExportLine>, options: ListOptions, before: string | null): Html {
  const links: [string, string][] = [];
  if (before) links.push([pageLink(options, {}, "exports"), "Newest exports"]);
  if (exports.nextCursor) links.push([pageLink(options, { exportsBefore: exports.nextCursor }, "exports"), "Older exports"]);
  if (exports.items.length === 0)
    return html`<p>${before ? "No older exports." : "Nothing has been exported yet."}</p>${pagingNav("Export pages", links)}`;
  return html`<table><thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Document</th><th scope="col">Format</th><th scope="col">Language</th><th scope="col">As of</th><th scope="col">Fingerprint (SHA-256)</th><th scope="col">Details</th></tr></thead>
<tbody>${exports.items.map(
    (
      e,
    ) => html`<tr><td>${instant(e.createdAt)}</td><td>${e.actorName}</td><td>${documentName({ kind: e.kind, reference: e.reference })}${e.draft ? " (draft)" : ""}</td>
<td>${e.format.toUpperCase()}</td><td>${LANGUAGE_NAMES[e.language] ?? e.language}</td><td>${instant(e.asOf)}</td>
<td><code>${breakable(e.fingerprint)}</code><br><span class="hint">File: <code>${breakable(e.sha256)}</code></span></td>
<td><a href="/admin/documents/exports/${seg(e.id)}">Export ${e.fileName}</a></td></tr>`,
  )}</tbody></table>
${pagingNav("Export pages", links)}`;
}

export function documentsBody(o: { documents: DocumentSummary[]; exports: Page<ExportLine>; options: ListOptions; paging: Paging }): Html {
  const records = o.documents.filter((d) => d.kind !== "annex");
  const allAnnexes = o.documents.filter((d) => d.kind === "annex");
  const from = o.paging.annexesFrom;
  const annexes = allAnnexes.slice(from, from + ANNEXES_SHOWN);
  const annexLinks: [string, string][] = [];
  if (from > 0)
    annexLinks.push([
      pageLink(o.options, { annexesFrom: from > ANNEXES_SHOWN ? String(from - ANNEXES_SHOWN) : undefined }, "annexes"),
      "Previous agreements",
    ]);
  if (from + ANNEXES_SHOWN < allAnnexes.length)
    annexLinks.push([pageLink(o.options, { annexesFrom: String(from + ANNEXES_SHOWN) }, "annexes"), "Next agreements"]);
  const head = html`<th scope="col">Language</th><th scope="col">Completeness</th><th scope="col">Preview (HTML)</th><th scope="col">Download</th>`;
  return html`<p>Every preview and download is recorded as an export with its fingerprint, as through the API.</p>
${optionsForm(o.options)}
<h2>Records of processing (Art. 30)</h2>
<table><thead><tr><th scope="col">Record</th>${head}</tr></thead><tbody>${records.map((d) => documentRow(d, o.options))}</tbody></table>
<h2 id="annexes">Agreement annexes</h2>
${
  annexes.length === 0
    ? html`<p>${allAnnexes.length ? "No more agreements." : "No agreements yet."}</p>`
    : html`${allAnnexes.length > ANNEXES_SHOWN ? html`<p class="hint">Agreements ${from + 1} to ${from + annexes.length} of ${allAnnexes.length}, by reference.</p>` : nothing}
<table><thead><tr><th scope="col">Agreement</th><th scope="col">Customer</th><th scope="col">Status</th>${head}</tr></thead><tbody>${annexes.map((d) => documentRow(d, o.options))}</tbody></table>`
}
${pagingNav("Agreement pages", annexLinks)}
<h2 id="completeness">Completeness</h2>
<p class="hint">Findings are in each document's own language.</p>
${findingsSection([...records, ...annexes], allAnnexes.length > annexes.length)}
<h2 id="exports">Past exports</h2>
${exportsTable(o.exports, o.options, o.paging.exportsBefore)}`;
}
