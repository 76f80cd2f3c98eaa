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
import { timingBadge } from "../changes/labels.ts";
import { setFlash } from "../session-cookie.ts";
import { checkbox, checkboxes, csrfField, errorSummary, FieldErrors, textArea, textField } from "../ui/fields.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";

interface Shown {
  form?: PostedForm;
  errors?: FieldErrors;
  status?: ContentfulStatusCode;
}

const STATUS_LABELS: Record<string, string> = {
  proposed: "Proposed",
  announced: "Announced",
  effective: "In effect",
  withdrawn: "Withdrawn",
};
const DOCUMENT_ROWS = 2;
const TRAIL: [string, string][] = [["/admin/terms-changes", "Terms changes"]];

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
    ? html`<p><a class="button" href="/admin/terms-changes/new">Propose a change of the terms</a></p>`
    : nothing;
  const body = html`${add}${
    items.length === 0
      ? html`<p>No change of the terms has been proposed.</p>`
      : html`<table><thead><tr><th scope="col">Version</th><th scope="col">Status</th><th scope="col">Applies from</th><th scope="col">Agreements</th></tr></thead>
<tbody>${items.map(
          (t) =>
            html`<tr><td><a href="/admin/terms-changes/${seg(t.id)}">Terms version ${t.version}</a></td><td>${STATUS_LABELS[t.status] ?? t.status}</td><td>${t.earliestEffective && t.earliestEffective > t.effectiveOn ? t.earliestEffective : t.effectiveOn}</td><td>${t.agreementIds.length}</td></tr>`,
        )}</tbody></table>`
  }`;
  return renderPage(c, { title: "Terms changes", body });
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
    ) => html`<div class="row">${textField({ name: `documents.${i}.title`, label: `Document ${i + 1}: title`, value: values[`documents.${i}.title`], errors })}
${textField({ name: `documents.${i}.url`, label: `Document ${i + 1}: address`, type: "url", value: values[`documents.${i}.url`], errors, hint: "https://…" })}</div>`,
  );
  const body = html`${errorSummary(errors)}
<form method="post" action="/admin/terms-changes">${csrfField(c.get("session").csrfToken)}
${textField({ name: "version", label: "New version of the terms", value: values.version, errors, required: true, hint: "The agreements move to this version where the change applies; the annexes name it." })}
${textArea({ name: "summary.en", label: "What changes (English)", value: values["summary.en"], errors, rows: 3, hint: "Told to each customer in its agreement's language; give at least one." })}
${textArea({ name: "summary.nl", label: "What changes (Dutch)", value: values["summary.nl"], errors, rows: 3 })}
${textArea({ name: "summary.fr", label: "What changes (French)", value: values["summary.fr"], errors, rows: 3 })}
${errors.for("summary").length ? html`<p class="error">${errors.for("summary").join(" ")}</p>` : nothing}
${textField({ name: "effectiveOn", label: "Applies from", type: "date", value: values.effectiveOn, errors, required: true, hint: "Not before every agreement's objection window (its terms-change clock) has closed." })}
${documentRows}
${checkboxes({ name: "agreementIds", label: "Agreements", values: form?.list("agreementIds") ?? [], choices: agreements, errors, hint: "Leave all unticked for every agreement in force." })}
${checkbox({ name: "announce", label: "Announce now", checked: form ? form.checked("announce") : false, errors, hint: "Each customer gets its notice, with its objection window and link, at once." })}
<div class="actions"><button type="submit">Propose</button> <a href="/admin/terms-changes">Cancel</a></div></form>`;
  return renderPage(c, { title: "Propose a change of the terms", trail: TRAIL, body, status: shown.status });
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
    setFlash(c, change.status === "announced" ? "Proposed and announced: the customers are told." : "Proposed; not announced yet.");
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
  if (detail.notices.length === 0) return html`<p>Not announced yet: no customer has been told.</p>`;
  return html`<table><thead><tr><th scope="col">Agreement</th><th scope="col">Customer</th><th scope="col">Objections until</th><th scope="col">Objections</th><th scope="col">Outcome</th></tr></thead>
<tbody>${detail.notices.map(
    (
      line,
    ) => html`<tr><td><a href="/admin/notices/${seg(line.notice.id)}">${line.agreementReference}</a></td><td>${line.customerName}</td><td>${endOfLastDay(line.notice)}</td>
<td>${line.objections.length === 0 ? "none" : line.objections.map((o) => html`<a href="/admin/objections/${seg(o.id)}">${timingBadge(o.onTime)}</a> `)}</td>
<td>${line.notice.status === "open" ? (line.mayTerminate ? html`<span class="badge warn">objected: keeps its terms, may terminate</span>` : "open") : line.mayTerminate ? html`<span class="badge warn">kept its terms; may terminate</span>` : line.notice.outcome === "applies" ? `new terms apply` : `not applied (${line.notice.outcomeReason ?? line.notice.outcome})`}</td></tr>`,
  )}</tbody></table>`;
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
      ? html`<h2>Announce</h2><form method="post" action="/admin/terms-changes/${id}/announce">${csrf}
${textField({ name: "announce.effectiveOn", label: "Applies from", type: "date", value: shown.form?.values["announce.effectiveOn"] ?? detail.effectiveOn, errors })}
<div class="actions"><button type="submit">Announce to the customers</button></div></form>`
      : nothing;
  const withdraw =
    mayWrite && (detail.status === "proposed" || detail.status === "announced")
      ? html`<h2>Withdraw</h2><form method="post" action="/admin/terms-changes/${id}/withdraw">${csrf}
${textArea({ name: "withdraw.reason", label: "Reason", value: shown.form?.values["withdraw.reason"], errors, rows: 2, required: true, hint: "Each customer told of the change is told it is withdrawn, with this reason." })}
<div class="actions"><button type="submit">Withdraw the change</button></div></form>`
      : nothing;
  const body = html`${errorSummary(errors)}
<dl class="facts">
<dt>Status</dt><dd>${STATUS_LABELS[detail.status] ?? detail.status}</dd>
<dt>What changes</dt><dd>${pick(detail.summary, "en") ?? "—"}</dd>
<dt>Applies from</dt><dd>${detail.effectiveOn}${detail.earliestEffective ? html` <span class="hint">(earliest allowed: ${detail.earliestEffective})</span>` : nothing}</dd>
${detail.startsAt ? html`<dt>Takes effect</dt><dd>${instant(detail.startsAt)}, for the agreements whose customer did not object in time</dd>` : nothing}
${detail.announcedAt ? html`<dt>Announced</dt><dd>${instant(detail.announcedAt)}</dd>` : nothing}
${detail.effectiveAt ? html`<dt>In effect since</dt><dd>${instant(detail.effectiveAt)}</dd>` : nothing}
${detail.withdrawnAt ? html`<dt>Withdrawn</dt><dd>${instant(detail.withdrawnAt)}: ${detail.withdrawalReason ?? ""}</dd>` : nothing}
<dt>Documents</dt><dd>${detail.documents.length === 0 ? "none" : html`<ul>${detail.documents.map((d) => html`<li><a href="${d.url}" rel="noopener noreferrer">${d.title}</a></li>`)}</ul>`}</dd>
<dt>Agreements</dt><dd>${detail.agreementIds.length}</dd>
</dl>
<h2>Notices</h2>${noticeTable(detail)}
${announce}${withdraw}`;
  return renderPage(c, { title: `Terms version ${detail.version}`, trail: TRAIL, body, status: shown.status });
}

async function stepHandler(c: Context<AppEnv>, deps: Pick<AppWiring, "publicBaseUrl">, step: "announce" | "withdraw"): Promise<Response> {
  const form = await readForm(c);
  const id = c.req.param("id") ?? "";
  const ctx = withPublicBaseUrl(c, deps.publicBaseUrl);
  try {
    if (step === "announce") {
      const effectiveOn = form.text("announce.effectiveOn");
      await announceTermsChange(ctx, id, effectiveOn ? { effectiveOn } : {});
      setFlash(c, "Announced: the customers are told.");
    } else {
      await withdrawTermsChange(ctx, id, { reason: form.text("withdraw.reason") });
      setFlash(c, "Withdrawn: the customers who were told are told it is withdrawn.");
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
