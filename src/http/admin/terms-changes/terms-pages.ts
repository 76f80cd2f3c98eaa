import type { Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import {
  agreementsInForce,
  announceTermsChange,
  listTermsChanges,
  proposeTermsChange,
  type TermsChangeDetail,
  termsChangeDetail,
  withdrawTermsChange,
} from "../../../core/changes/index.ts";
import { AppError } from "../../../core/kernel/errors.ts";
import { pick } from "../../../core/kernel/i18n/localise.ts";
import { can } from "../../../core/kernel/roles.ts";
import type { AppEnv, AppWiring } from "../../env.ts";
import { type PostedForm, readForm } from "../../forms/form-reader.ts";
import { endOfLastDay } from "../../objection/deadline-text.ts";
import { withPublicBaseUrl } from "../../objection/link-context.ts";
import { adminRoute } from "../admin-route.ts";
import { friendly, prefixed } from "../changes/form-values.ts";
import { closingReason, outcomeWord, timingBadge } from "../changes/labels.ts";
import { setFlash } from "../session-cookie.ts";
import { checkbox, checkboxes, csrfField, errorSummary, FieldErrors, textArea, textField } from "../ui/fields.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { t, uiDate, uiLanguage, uiNumber } from "../ui/ui-language.ts";

interface Shown {
  form?: PostedForm;
  errors?: FieldErrors;
  status?: ContentfulStatusCode;
}

const STATUSES = ["proposed", "announced", "effective", "withdrawn"];
const statusLabel = (status: string): string => (STATUSES.includes(status) ? t(`admin.terms.status.${status}`) : status);
const DOCUMENT_ROWS = 2;
const trail = (): [string, string][] => [["/admin/terms-changes", t("admin.terms.title")]];

/** Changes of the agreements' terms: proposing one, announcing it, following each agreement's window, withdrawing it. */
export function registerTermsChangePages(app: Hono<AppEnv>, deps: Pick<AppWiring, "publicBaseUrl">): void {
  adminRoute(app, "GET", "/admin/terms-changes", "register:read", listPage);
  adminRoute(app, "GET", "/admin/terms-changes/new", "register:write", (c) => newPage(c));
  adminRoute(app, "POST", "/admin/terms-changes", "register:write", (c) => proposeHandler(c, deps));
  adminRoute(app, "GET", "/admin/terms-changes/:id", "register:read", (c) => detailPage(c));
  adminRoute(app, "POST", "/admin/terms-changes/:id/announce", "register:write", (c) => stepHandler(c, deps, "announce"));
  adminRoute(app, "POST", "/admin/terms-changes/:id/withdraw", "register:write", (c) => stepHandler(c, deps, "withdraw"));
}

async function listPage(c: Context<AppEnv>): Promise<Response> {
  const { items } = await listTermsChanges(c.get("ctx"), {});
  const add = can(c.get("actor").role, "register:write")
    ? html`<p><a class="button" href="/admin/terms-changes/new">${t("admin.terms.propose")}</a></p>`
    : nothing;
  const body = html`${add}${
    items.length === 0
      ? html`<p>${t("admin.terms.list.empty")}</p>`
      : html`<table><thead><tr><th scope="col">${t("admin.terms.list.version")}</th><th scope="col">${t("admin.common.status")}</th><th scope="col">${t("admin.terms.effectiveOn")}</th><th scope="col">${t("admin.terms.agreements")}</th></tr></thead>
<tbody>${items.map(
          (change) =>
            html`<tr><td><a href="/admin/terms-changes/${seg(change.id)}">${t("admin.terms.versionTitle", { version: change.version })}</a></td><td>${statusLabel(change.status)}</td><td>${uiDate(change.earliestEffective && change.earliestEffective > change.effectiveOn ? change.earliestEffective : change.effectiveOn)}</td><td>${uiNumber(change.agreementIds.length)}</td></tr>`,
        )}</tbody></table>`
  }`;
  return renderPage(c, { title: t("admin.terms.title"), body });
}

/** GET /admin/terms-changes/new: the new version, what changes, from when, the documents, and the agreements it is for. */
async function newPage(c: Context<AppEnv>, shown: Shown = {}): Promise<Response> {
  const ctx = c.get("ctx");
  const errors = shown.errors ?? new FieldErrors();
  const form = shown.form;
  const values = form?.values ?? {};
  const agreements = (await agreementsInForce(ctx)).map((a) => ({ value: a.id, label: `${a.reference} (${a.customerName})` }));
  const documentRows = Array.from(
    { length: DOCUMENT_ROWS },
    (
      _,
      i,
    ) => html`<div class="row">${textField({ name: `documents.${i}.title`, label: t("admin.terms.form.documentTitle", { n: i + 1 }), value: values[`documents.${i}.title`], errors })}
${textField({ name: `documents.${i}.url`, label: t("admin.terms.form.documentUrl", { n: i + 1 }), type: "url", value: values[`documents.${i}.url`], errors, hint: "https://…" })}</div>`,
  );
  const body = html`${errorSummary(errors)}
<form method="post" action="/admin/terms-changes">${csrfField(c.get("session").csrfToken)}
${textField({ name: "version", label: t("admin.terms.form.version"), value: values.version, errors, required: true, hint: t("admin.terms.form.versionHint") })}
${textArea({ name: "summary.en", label: t("admin.terms.form.summary.en"), value: values["summary.en"], errors, rows: 3, hint: t("admin.terms.form.summaryHint") })}
${textArea({ name: "summary.nl", label: t("admin.terms.form.summary.nl"), value: values["summary.nl"], errors, rows: 3 })}
${textArea({ name: "summary.fr", label: t("admin.terms.form.summary.fr"), value: values["summary.fr"], errors, rows: 3 })}
${errors.for("summary").length ? html`<p class="error">${errors.for("summary").join(" ")}</p>` : nothing}
${textField({ name: "effectiveOn", label: t("admin.terms.effectiveOn"), type: "date", value: values.effectiveOn, errors, required: true, hint: t("admin.terms.form.effectiveOnHint") })}
${documentRows}
${checkboxes({ name: "agreementIds", label: t("admin.terms.agreements"), values: form?.list("agreementIds") ?? [], choices: agreements, errors, hint: t("admin.terms.form.agreementsHint") })}
${checkbox({ name: "announce", label: t("admin.terms.form.announce"), checked: form ? form.checked("announce") : false, errors, hint: t("admin.terms.form.announceHint") })}
<div class="actions"><button type="submit">${t("admin.terms.form.propose")}</button> <a href="/admin/terms-changes">${t("admin.common.cancel")}</a></div></form>`;
  return renderPage(c, { title: t("admin.terms.propose"), trail: trail(), body, status: shown.status });
}

function proposalOf(form: PostedForm) {
  const summary = Object.fromEntries(
    (["en", "nl", "fr"] as const).flatMap((lang) => (form.text(`summary.${lang}`) ? [[lang, form.text(`summary.${lang}`)]] : [])),
  );
  const documents = Array.from({ length: DOCUMENT_ROWS }, (_, i) => ({
    title: form.text(`documents.${i}.title`),
    url: form.text(`documents.${i}.url`),
  })).filter((d) => d.title || d.url);
  const agreementIds = form.list("agreementIds");
  return {
    version: form.text("version"),
    summary,
    effectiveOn: form.text("effectiveOn"),
    documents,
    ...(agreementIds.length > 0 ? { agreementIds } : {}),
    announce: form.checked("announce"),
  };
}

async function proposeHandler(c: Context<AppEnv>, deps: Pick<AppWiring, "publicBaseUrl">): Promise<Response> {
  const form = await readForm(c);
  try {
    const change = await proposeTermsChange(withPublicBaseUrl(c, deps.publicBaseUrl), proposalOf(form));
    setFlash(c, change.status === "announced" ? t("admin.terms.flash.proposedAnnounced") : t("admin.terms.flash.proposed"));
    return c.redirect(`/admin/terms-changes/${seg(change.id)}`, 303);
  } catch (error) {
    if (error instanceof AppError && error.code === "validation") {
      return newPage(c, { form, errors: new FieldErrors(friendly(error.issues)), status: 422 });
    }
    if (error instanceof AppError && error.code === "conflict") {
      return newPage(c, { form, errors: new FieldErrors([{ path: "(body)", message: error.message }]), status: 409 });
    }
    throw error;
  }
}

function noticeTable(detail: TermsChangeDetail): Html {
  if (detail.notices.length === 0) return html`<p>${t("admin.terms.notices.none")}</p>`;
  const lang = uiLanguage();
  return html`<table><thead><tr><th scope="col">${t("admin.terms.col.agreement")}</th><th scope="col">${t("admin.terms.col.customer")}</th><th scope="col">${t("admin.terms.col.objectionsUntil")}</th><th scope="col">${t("admin.terms.col.objections")}</th><th scope="col">${t("admin.terms.col.outcome")}</th></tr></thead>
<tbody>${detail.notices.map(
    (
      line,
    ) => html`<tr><td><a href="/admin/notices/${seg(line.notice.id)}">${line.agreementReference}</a></td><td>${line.customerName}</td><td>${endOfLastDay(line.notice, lang)}</td>
<td>${line.objections.length === 0 ? t("admin.terms.none") : line.objections.map((o) => html`<a href="/admin/objections/${seg(o.id)}">${timingBadge(o.onTime)}</a> `)}</td>
<td>${outcomeCell(line)}</td></tr>`,
  )}</tbody></table>`;
}

/** Where one agreement stands: its window open or closed, and whether its customer kept its terms by objecting. */
function outcomeCell(line: TermsChangeDetail["notices"][number]): Html | string {
  const { notice } = line;
  if (notice.status === "open")
    return line.mayTerminate ? html`<span class="badge warn">${t("admin.terms.outcome.objected")}</span>` : t("admin.terms.outcome.open");
  if (line.mayTerminate) return html`<span class="badge warn">${t("admin.terms.outcome.kept")}</span>`;
  if (notice.outcome === "applies") return t("admin.terms.outcome.applies");
  return t("admin.terms.outcome.notApplied", {
    why: notice.outcomeReason ? closingReason(notice.outcomeReason) : outcomeWord(notice.outcome),
  });
}

async function detailPage(c: Context<AppEnv>, shown: Shown = {}): Promise<Response> {
  const ctx = c.get("ctx");
  const detail = await termsChangeDetail(ctx, c.req.param("id") ?? "");
  const errors = shown.errors ?? new FieldErrors();
  const csrf = csrfField(c.get("session").csrfToken);
  const mayWrite = can(c.get("actor").role, "register:write");
  const id = seg(detail.id);
  const announce =
    mayWrite && detail.status === "proposed"
      ? html`<h2>${t("admin.terms.announce")}</h2><form method="post" action="/admin/terms-changes/${id}/announce">${csrf}
${textField({ name: "announce.effectiveOn", label: t("admin.terms.effectiveOn"), type: "date", value: shown.form?.values["announce.effectiveOn"] ?? detail.effectiveOn, errors })}
<div class="actions"><button type="submit">${t("admin.terms.announce.button")}</button></div></form>`
      : nothing;
  const withdraw =
    mayWrite && (detail.status === "proposed" || detail.status === "announced")
      ? html`<h2>${t("admin.terms.withdraw")}</h2><form method="post" action="/admin/terms-changes/${id}/withdraw">${csrf}
${textArea({ name: "withdraw.reason", label: t("admin.terms.withdraw.reason"), value: shown.form?.values["withdraw.reason"], errors, rows: 2, required: true, hint: t("admin.terms.withdraw.reasonHint") })}
<div class="actions"><button type="submit">${t("admin.terms.withdraw.button")}</button></div></form>`
      : nothing;
  const body = html`${errorSummary(errors)}
<dl class="facts">
<dt>${t("admin.common.status")}</dt><dd>${statusLabel(detail.status)}</dd>
<dt>${t("admin.terms.summary")}</dt><dd>${pick(detail.summary, uiLanguage()) ?? "—"}</dd>
<dt>${t("admin.terms.effectiveOn")}</dt><dd>${uiDate(detail.effectiveOn)}${detail.earliestEffective ? html` <span class="hint">${t("admin.terms.earliestAllowed", { date: uiDate(detail.earliestEffective) })}</span>` : nothing}</dd>
${detail.startsAt ? html`<dt>${t("admin.terms.startsAt")}</dt><dd>${t("admin.terms.startsAtText", { at: instant(detail.startsAt) })}</dd>` : nothing}
${detail.announcedAt ? html`<dt>${t("admin.terms.announced")}</dt><dd>${instant(detail.announcedAt)}</dd>` : nothing}
${detail.effectiveAt ? html`<dt>${t("admin.terms.effective")}</dt><dd>${instant(detail.effectiveAt)}</dd>` : nothing}
${detail.withdrawnAt ? html`<dt>${t("admin.terms.withdrawn")}</dt><dd>${instant(detail.withdrawnAt)}: ${detail.withdrawalReason ?? ""}</dd>` : nothing}
<dt>${t("admin.terms.documents")}</dt><dd>${detail.documents.length === 0 ? t("admin.terms.none") : html`<ul>${detail.documents.map((d) => html`<li><a href="${d.url}" rel="noopener noreferrer">${d.title}</a></li>`)}</ul>`}</dd>
<dt>${t("admin.terms.agreements")}</dt><dd>${uiNumber(detail.agreementIds.length)}</dd>
</dl>
<h2>${t("admin.terms.notices")}</h2>${noticeTable(detail)}
${announce}${withdraw}`;
  return renderPage(c, { title: t("admin.terms.versionTitle", { version: detail.version }), trail: trail(), body, status: shown.status });
}

async function stepHandler(c: Context<AppEnv>, deps: Pick<AppWiring, "publicBaseUrl">, step: "announce" | "withdraw"): Promise<Response> {
  const form = await readForm(c);
  const id = c.req.param("id") ?? "";
  const ctx = withPublicBaseUrl(c, deps.publicBaseUrl);
  try {
    if (step === "announce") {
      const effectiveOn = form.text("announce.effectiveOn");
      await announceTermsChange(ctx, id, effectiveOn ? { effectiveOn } : {});
      setFlash(c, t("admin.terms.flash.announced"));
    } else {
      await withdrawTermsChange(ctx, id, { reason: form.text("withdraw.reason") });
      setFlash(c, t("admin.terms.flash.withdrawn"));
    }
  } catch (error) {
    if (error instanceof AppError && error.code === "validation") {
      return detailPage(c, { form, errors: new FieldErrors(prefixed(step, error.issues)), status: 422 });
    }
    if (error instanceof AppError && error.code === "conflict") {
      return detailPage(c, { form, errors: new FieldErrors([{ path: step, message: error.message }]), status: 409 });
    }
    throw error;
  }
  return c.redirect(`/admin/terms-changes/${seg(id)}`, 303);
}
