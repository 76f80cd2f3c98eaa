import type { Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { addBreachUpdate, breachReport, getBreach, listBreaches, notifyBreach, recordBreach } from "../../../core/breaches/index.ts";
import { renderedResponse } from "../../document-response.ts";
import { DEFAULT_TIME_ZONE } from "../../../core/kernel/clocks/zoned-time.ts";
import type { LocalizedText } from "../../../core/kernel/values/values.ts";
import { AppError } from "../../../core/kernel/errors.ts";
import { pickRequired } from "../../../core/kernel/i18n/localise.ts";
import { can } from "../../../core/kernel/roles.ts";
import { namedDuties } from "../../../core/obligations/index.ts";
import { activityKind, listEntities, subProcessorKind, dataCategoryKind, subjectCategoryKind } from "../../../core/register/index.ts";
import type { AppEnv } from "../../env.ts";
import { type PostedForm, readForm } from "../../forms/form-reader.ts";
import { adminRoute } from "../admin-route.ts";
import { friendly, prefixed, zonedInstant } from "../changes/form-values.ts";
import { dutyTable } from "../obligations/duty-table.ts";
import { setFlash } from "../session-cookie.ts";
import { checkbox, checkboxes, csrfField, errorSummary, FieldErrors, textArea, textField } from "../ui/fields.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { t, uiLanguage, uiNumber } from "../ui/ui-language.ts";

interface Shown {
  form?: PostedForm;
  errors?: FieldErrors;
  status?: ContentfulStatusCode;
}

/** The register of breaches: recording one (and notifying), its page, and what follows. */
export function registerBreachPages(app: Hono<AppEnv>): void {
  adminRoute(app, "GET", "/admin/breaches", "register:read", listPage);
  adminRoute(app, "GET", "/admin/breaches/new", "register:write", (c) => newPage(c));
  adminRoute(app, "POST", "/admin/breaches", "register:write", recordHandler);
  adminRoute(app, "GET", "/admin/breaches/:id", "register:read", (c) => breachPage(c));
  adminRoute(app, "GET", "/admin/breaches/:id/report/:agreementId", "register:read", reportHandler);
  adminRoute(app, "POST", "/admin/breaches/:id/notification", "register:write", stepHandler("notification"));
  adminRoute(app, "POST", "/admin/breaches/:id/updates", "register:write", stepHandler("updates"));
}

async function listPage(c: Context<AppEnv>): Promise<Response> {
  const breaches = (await listBreaches(c.get("ctx"), { limit: "500" })).items;
  const add = can(c.get("actor").role, "register:write")
    ? html`<p><a class="button" href="/admin/breaches/new">${t("admin.breaches.list.record")}</a></p>`
    : nothing;
  const body = html`${add}${
    breaches.length === 0
      ? html`<p>${t("admin.breaches.list.empty")}</p>`
      : html`<table><thead><tr><th scope="col">${t("admin.breaches.list.breach")}</th><th scope="col">${t("admin.breaches.discovered")}</th><th scope="col">${t("admin.breaches.list.agreementsAffected")}</th><th scope="col">${t("admin.breaches.customersNotified")}</th></tr></thead>
<tbody>${breaches.map(
          (b) =>
            html`<tr><td><a href="/admin/breaches/${seg(b.id)}">${b.summary.length > 80 ? `${b.summary.slice(0, 80)}…` : b.summary}</a></td><td>${instant(b.discoveredAt)}</td><td>${uiNumber(b.affectedAgreementIds.length)}</td><td>${notifiedAt(b.notifiedAt)}</td></tr>`,
        )}</tbody></table>`
  }`;
  return renderPage(c, { title: t("admin.breaches.title.list"), body });
}

/** When the customers were notified, or a warning that they are not yet. */
const notifiedAt = (at: string | null): Html =>
  at ? html`${instant(at)}` : html`<span class="badge warn">${t("admin.breaches.notYet")}</span>`;

/** GET /admin/breaches/new: what happened, what it involved, what was done; the customers are found from what it involved. */
async function newPage(c: Context<AppEnv>, shown: Shown = {}): Promise<Response> {
  const ctx = c.get("ctx");
  const errors = shown.errors ?? new FieldErrors();
  const form = shown.form;
  const values = form?.values ?? {};
  const choicesOf = async (kind: Parameters<typeof listEntities>[1], name: (e: never) => string) =>
    (await listEntities(ctx, kind, { limit: "200" })).items.map((e) => ({ value: (e as { id: string }).id, label: name(e as never) }));
  // Register names in the page's language, else the first language they were given in.
  const named = (e: { name: LocalizedText }) => pickRequired(e.name, uiLanguage());
  const [activities, vendors, data, subjects] = await Promise.all([
    choicesOf(activityKind, named),
    choicesOf(subProcessorKind, (e: { legalName: string }) => e.legalName),
    choicesOf(dataCategoryKind, named),
    choicesOf(subjectCategoryKind, named),
  ]);
  const body = html`${errorSummary(errors)}
<form method="post" action="/admin/breaches">${csrfField(c.get("session").csrfToken)}
${textArea({ name: "summary", label: t("admin.breaches.summary"), value: values.summary, errors, rows: 3, required: true, hint: t("admin.breaches.new.summary.hint") })}
${textField({ name: "discoveredAt", label: t("admin.breaches.new.discoveredAt"), type: "datetime-local", value: values.discoveredAt, errors, required: true, hint: t("admin.breaches.new.discoveredAt.hint", { timeZone: DEFAULT_TIME_ZONE }) })}
${textField({ name: "occurredAt", label: t("admin.breaches.new.occurredAt"), type: "datetime-local", value: values.occurredAt, errors, hint: t("admin.breaches.new.occurredAt.hint") })}
${checkboxes({ name: "activityIds", label: t("admin.breaches.new.activities"), values: form?.list("activityIds") ?? [], choices: activities, errors })}
${checkboxes({ name: "subProcessorIds", label: t("admin.breaches.new.subProcessors"), values: form?.list("subProcessorIds") ?? [], choices: vendors, errors, hint: t("admin.breaches.new.subProcessors.hint") })}
${checkboxes({ name: "dataCategoryIds", label: t("admin.breaches.new.dataCategories"), values: form?.list("dataCategoryIds") ?? [], choices: data, errors })}
${checkboxes({ name: "subjectCategoryIds", label: t("admin.breaches.new.subjectCategories"), values: form?.list("subjectCategoryIds") ?? [], choices: subjects, errors })}
${textField({ name: "approxSubjects", label: t("admin.breaches.new.approxSubjects"), type: "number", value: values.approxSubjects, errors })}
${textField({ name: "approxRecords", label: t("admin.breaches.new.approxRecords"), type: "number", value: values.approxRecords, errors })}
${textArea({ name: "likelyConsequences", label: t("admin.breaches.likelyConsequences"), value: values.likelyConsequences, errors, rows: 3, required: true })}
${textArea({ name: "measuresTaken", label: t("admin.breaches.new.measuresTaken"), value: values.measuresTaken, errors, rows: 3, required: true })}
${checkbox({ name: "notify", label: t("admin.breaches.new.notify"), checked: form ? form.checked("notify") : true, errors, hint: t("admin.breaches.new.notify.hint") })}
<div class="actions"><button type="submit">${t("admin.breaches.new.submit")}</button> <a href="/admin/breaches">${t("admin.common.cancel")}</a></div></form>`;
  return renderPage(c, {
    title: t("admin.breaches.title.new"),
    trail: [["/admin/breaches", t("admin.breaches.title.list")]],
    body,
    status: shown.status,
  });
}

/** A message about a number of customers, in its singular or plural form. */
const countOf = (key: string, n: number): string => t(`${key}.${n === 1 ? "one" : "other"}`, { count: uiNumber(n) });

const count = (text: string | undefined) => (text === undefined ? undefined : Number.isInteger(Number(text)) ? Number(text) : text);

async function recordHandler(c: Context<AppEnv>): Promise<Response> {
  const form = await readForm(c);
  try {
    const { breach } = await recordBreach(c.get("ctx"), {
      summary: form.text("summary"),
      discoveredAt: zonedInstant(form.text("discoveredAt"), DEFAULT_TIME_ZONE),
      occurredAt: zonedInstant(form.text("occurredAt"), DEFAULT_TIME_ZONE),
      activityIds: form.list("activityIds"),
      subProcessorIds: form.list("subProcessorIds"),
      dataCategoryIds: form.list("dataCategoryIds"),
      subjectCategoryIds: form.list("subjectCategoryIds"),
      approxSubjects: count(form.text("approxSubjects")),
      approxRecords: count(form.text("approxRecords")),
      likelyConsequences: form.text("likelyConsequences"),
      measuresTaken: form.text("measuresTaken"),
      notify: form.checked("notify"),
    });
    setFlash(
      c,
      breach.notifiedAt
        ? countOf("admin.breaches.flash.notified", breach.affectedAgreementIds.length)
        : t("admin.breaches.flash.notNotified"),
    );
    return c.redirect(`/admin/breaches/${seg(breach.id)}`, 303);
  } catch (error) {
    if (error instanceof AppError && error.code === "validation") {
      return newPage(c, { form, errors: new FieldErrors(friendly(error.issues)), status: 422 });
    }
    throw error;
  }
}

async function breachPage(c: Context<AppEnv>, shown: Shown = {}): Promise<Response> {
  const ctx = c.get("ctx");
  const breach = await getBreach(ctx, c.req.param("id") ?? "");
  const duties = (await namedDuties(ctx)).filter((d) => d.sourceId === breach.id);
  const errors = shown.errors ?? new FieldErrors();
  const csrf = csrfField(c.get("session").csrfToken);
  const mayWrite = can(c.get("actor").role, "register:write");
  const actions = !mayWrite
    ? nothing
    : breach.notifiedAt
      ? html`<h2>${t("admin.breaches.update.title")}</h2><form method="post" action="/admin/breaches/${seg(breach.id)}/updates">${csrf}
${textArea({ name: "updates.text", label: t("admin.breaches.update.text"), value: shown.form?.values["updates.text"], errors, rows: 3, required: true, hint: t("admin.breaches.update.text.hint") })}
<div class="actions"><button type="submit">${t("admin.breaches.update.submit")}</button></div></form>`
      : html`<form method="post" action="/admin/breaches/${seg(breach.id)}/notification" class="inline">${csrf}<button type="submit">${countOf("admin.breaches.notify", breach.affectedAgreementIds.length)}</button></form>`;
  const body = html`${errorSummary(errors)}
<dl class="facts">
<dt>${t("admin.breaches.summary")}</dt><dd>${breach.summary}</dd>
<dt>${t("admin.breaches.discovered")}</dt><dd>${instant(breach.discoveredAt)}</dd>
<dt>${t("admin.breaches.breach.occurred")}</dt><dd>${breach.occurredAt ? instant(breach.occurredAt) : t("admin.breaches.breach.occurredUnknown")}</dd>
<dt>${t("admin.breaches.breach.subjects")}</dt><dd>${approximately(breach.approxSubjects)}</dd>
<dt>${t("admin.breaches.breach.records")}</dt><dd>${approximately(breach.approxRecords)}</dd>
<dt>${t("admin.breaches.likelyConsequences")}</dt><dd>${breach.likelyConsequences}</dd>
<dt>${t("admin.breaches.breach.measures")}</dt><dd>${breach.measuresTaken}</dd>
<dt>${t("admin.breaches.customersNotified")}</dt><dd>${notifiedAt(breach.notifiedAt)}</dd>
</dl>
<h2>${t("admin.breaches.breach.duties")}</h2>
${duties.length === 0 ? html`<p>${t("admin.breaches.breach.noDuty")}</p>` : dutyTable(duties, { withAgreement: true })}
${
  duties.length
    ? html`<h2>${t("admin.breaches.breach.reports")}</h2><ul>${duties.map(
        (d) =>
          html`<li>${t("admin.breaches.breach.reportFor", { reference: d.agreementReference ?? d.agreementId, customer: d.customerName ?? "" })} <a href="/admin/breaches/${seg(breach.id)}/report/${seg(d.agreementId)}?format=pdf">PDF</a> · <a href="/admin/breaches/${seg(breach.id)}/report/${seg(d.agreementId)}?format=html">HTML</a></li>`,
      )}</ul>`
    : nothing
}
${breach.updates.length ? html`<h2>${t("admin.breaches.breach.updates")}</h2><ul>${breach.updates.map((u) => html`<li>${t("admin.breaches.breach.update", { at: instant(u.at), text: u.text })}</li>`)}</ul>` : nothing}
${actions}`;
  return renderPage(c, {
    title: t("admin.breaches.title.breach"),
    trail: [["/admin/breaches", t("admin.breaches.title.list")]],
    body,
    status: shown.status,
  });
}

/** An approximate count, where known. */
const approximately = (n: number | null): string =>
  t("admin.breaches.breach.approximately", { count: n === null ? t("admin.breaches.breach.countUnknown") : uiNumber(n) });

function stepHandler(step: "notification" | "updates") {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const form = await readForm(c);
    const id = c.req.param("id") ?? "";
    try {
      if (step === "notification") await notifyBreach(c.get("ctx"), id);
      else await addBreachUpdate(c.get("ctx"), id, { text: form.text("updates.text") });
      setFlash(c, t(step === "notification" ? "admin.breaches.flash.notification" : "admin.breaches.flash.update"));
    } catch (error) {
      if (error instanceof AppError && error.code === "validation") {
        return breachPage(c, { form, errors: new FieldErrors(prefixed(step, error.issues)), status: 422 });
      }
      if (error instanceof AppError && error.code === "conflict") {
        return breachPage(c, { form, errors: new FieldErrors([{ path: step, message: error.message }]), status: 409 });
      }
      throw error;
    }
    return c.redirect(`/admin/breaches/${seg(id)}`, 303);
  };
}

/** GET /admin/breaches/:id/report/:agreementId: the report for one customer, in its agreement's language. */
async function reportHandler(c: Context<AppEnv>): Promise<Response> {
  const report = await breachReport(c.get("ctx"), c.req.param("id") ?? "", c.req.param("agreementId") ?? "", c.req.query());
  return renderedResponse(c, report);
}
