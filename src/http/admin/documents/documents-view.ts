import { label } from "../../../core/kernel/i18n/localise.ts";
import { findingMessageIn } from "../../../core/documents/index.ts";
import type { DocumentSummary, ExportLine } from "../../../core/dashboard/index.ts";
import { LANGUAGES } from "../../../core/kernel/values/values.ts";
import type { Page } from "../../../core/kernel/paging.ts";
import { selectField, textField } from "../ui/fields.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { t, uiLanguage, uiNumber } from "../ui/ui-language.ts";
import { counted, withMarkup } from "../ui/ui-text.ts";

/** The link options the documents page carries into every preview and download link. */
export interface ListOptions {
  lang?: string;
  asOf?: string;
}

/** A document language's name in the page's language ("Dutch", "néerlandais"); an unknown code as it is. */
export const languageName = (code: string): string =>
  (LANGUAGES as readonly string[]).includes(code) ? t(`admin.documents.language.${code}`) : code;

/** Where a document lives under /admin/documents, and its name in link texts. */
export function documentPath(d: { kind: string; agreementId: string | null }): string {
  return d.kind === "annex" ? `/admin/documents/annex/${seg(d.agreementId ?? "")}` : `/admin/documents/${d.kind}`;
}

export function documentName(d: { kind: string; reference: string | null }): string {
  if (d.kind === "art30-controller") return t("admin.documents.name.art30-controller");
  if (d.kind === "art30-processor") return t("admin.documents.name.art30-processor");
  return t("admin.documents.name.annex", { reference: d.reference ?? "" }).trim();
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

const th = (key: string) => html`<th scope="col">${t(key)}</th>`;

function findingsCell(d: DocumentSummary): Html {
  if (d.findings.length === 0) return html`<span class="badge ok">${t("admin.documents.complete")}</span>`;
  return html`<a href="#${findingsAnchor(d)}">${counted("admin.documents.findings", d.findings.length)}<span class="hint">${t("admin.documents.findingsIn", { document: documentName(d) })}</span></a>`;
}

function documentRow(d: DocumentSummary, options: ListOptions): Html {
  const path = documentPath(d);
  const name = documentName(d);
  const formats = d.kind === "annex" ? (["pdf", "json", "jsonld"] as const) : (["pdf", "csv", "xlsx", "json", "jsonld"] as const);
  const lead =
    d.kind === "annex"
      ? html`<th scope="row">${d.reference}</th><td>${d.customerName ?? "—"}</td><td>${d.agreementStatus ? label(uiLanguage(), "agreementStatus", d.agreementStatus) : "—"}</td>`
      : html`<th scope="row">${name} (${t(d.kind === "art30-controller" ? "admin.documents.role.controller" : "admin.documents.role.processor")})<br><span class="hint">${d.title}</span></th>`;
  return html`<tr>${lead}<td>${languageName(options.lang || d.language)}</td><td>${findingsCell(d)}</td>
<td><a href="${link(`${path}/preview`, options)}">${t("admin.documents.preview", { document: name })}</a></td>
<td>${formats.map((f, i) => html`${i ? ", " : ""}<a href="${link(`${path}/download`, options, { format: f })}" download>${name} — ${f === "jsonld" ? "JSON-LD" : f.toUpperCase()}</a>`)}</td></tr>`;
}

function optionsForm(options: ListOptions): Html {
  return html`<form method="get" action="/admin/documents" class="narrow">
<fieldset class="group"><legend>${t("admin.documents.options.legend")}</legend>
${selectField({ name: "lang", label: t("admin.documents.options.language"), value: options.lang ?? "", blank: t("admin.documents.options.ownLanguage"), choices: LANGUAGES.map((l) => ({ value: l, label: languageName(l) })) })}
${textField({ name: "asOf", label: t("admin.documents.options.asOf"), type: "date", value: options.asOf ?? "", hint: t("admin.documents.options.asOfHint") })}
<button type="submit">${t("admin.documents.options.submit")}</button></fieldset></form>`;
}

function findingsSection(documents: DocumentSummary[], paged: boolean): Html {
  const incomplete = documents.filter((d) => d.findings.length > 0);
  if (incomplete.length === 0) return html`<p>${t(paged ? "admin.documents.allCompleteOnPage" : "admin.documents.allComplete")}</p>`;
  return html`${paged ? html`<p class="hint">${t("admin.documents.findingsOnPage")}</p>` : nothing}${incomplete.map(
    (d) => html`<h3 id="${findingsAnchor(d)}">${documentName(d)}</h3>
<ul>${d.findings.map((f) => html`<li>${withMarkup("admin.documents.finding", { article: html`<strong>${f.article}</strong>` }, { message: findingMessageIn(f, uiLanguage()) })}</li>`)}</ul>`,
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
  if (before) links.push([pageLink(options, {}, "exports"), t("admin.documents.exports.newest")]);
  if (exports.nextCursor)
    links.push([pageLink(options, { exportsBefore: exports.nextCursor }, "exports"), t("admin.documents.exports.older")]);
  const nav = pagingNav(t("admin.documents.exports.pages"), links);
  if (exports.items.length === 0)
    return html`<p>${t(before ? "admin.documents.exports.noOlder" : "admin.documents.exports.none")}</p>${nav}`;
  return html`<table><thead><tr>${th("admin.documents.exports.when")}${th("admin.documents.exports.who")}${th("admin.documents.exports.document")}${th("admin.documents.exports.format")}${th("admin.documents.language")}${th("admin.documents.exports.asOf")}${th("admin.documents.exports.fingerprint")}${th("admin.documents.exports.details")}</tr></thead>
<tbody>${exports.items.map(
    (
      e,
    ) => html`<tr><td>${instant(e.createdAt)}</td><td>${e.actorName}</td><td>${documentName({ kind: e.kind, reference: e.reference })}${e.draft ? ` (${t("admin.documents.draft")})` : ""}</td>
<td>${e.format.toUpperCase()}</td><td>${languageName(e.language)}</td><td>${instant(e.asOf)}</td>
<td><code>${breakable(e.fingerprint)}</code><br><span class="hint">${withMarkup("admin.documents.exports.file", { sha256: html`<code>${breakable(e.sha256)}</code>` })}</span></td>
<td><a href="/admin/documents/exports/${seg(e.id)}">${t("admin.documents.exportTitle", { file: e.fileName })}</a></td></tr>`,
  )}</tbody></table>
${nav}`;
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
      t("admin.documents.annexes.previous"),
    ]);
  if (from + ANNEXES_SHOWN < allAnnexes.length)
    annexLinks.push([pageLink(o.options, { annexesFrom: String(from + ANNEXES_SHOWN) }, "annexes"), t("admin.documents.annexes.next")]);
  const head = html`${th("admin.documents.language")}${th("admin.documents.completeness")}${th("admin.documents.previewColumn")}${th("admin.documents.download")}`;
  const range = { from: uiNumber(from + 1), to: uiNumber(from + annexes.length), total: uiNumber(allAnnexes.length) };
  return html`<p>${t("admin.documents.intro")}</p>
${optionsForm(o.options)}
<h2>${t("admin.documents.records.title")}</h2>
<table><thead><tr>${th("admin.documents.records.record")}${head}</tr></thead><tbody>${records.map((d) => documentRow(d, o.options))}</tbody></table>
<h2 id="annexes">${t("admin.documents.annexes.title")}</h2>
${
  annexes.length === 0
    ? html`<p>${t(allAnnexes.length ? "admin.documents.annexes.noMore" : "admin.documents.annexes.none")}</p>`
    : html`${allAnnexes.length > ANNEXES_SHOWN ? html`<p class="hint">${t("admin.documents.annexes.range", range)}</p>` : nothing}
<table><thead><tr>${th("admin.documents.annexes.agreement")}${th("admin.documents.annexes.customer")}${th("admin.common.status")}${head}</tr></thead><tbody>${annexes.map((d) => documentRow(d, o.options))}</tbody></table>`
}
${pagingNav(t("admin.documents.annexes.pages"), annexLinks)}
<h2 id="completeness">${t("admin.documents.completeness")}</h2>

${findingsSection([...records, ...annexes], allAnnexes.length > annexes.length)}
<h2 id="exports">${t("admin.documents.exports.title")}</h2>
${exportsTable(o.exports, o.options, o.paging.exportsBefore)}`;
}
