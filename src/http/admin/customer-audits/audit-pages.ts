import type { Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import {
  type CustomerAudit,
  cancelAudit,
  getCustomerAudit,
  listCustomerAudits,
  recordAuditOutcome,
  requestAudit,
  scheduleAudit,
} from "../../../core/customer-audits/index.ts";
import { AppError } from "../../../core/kernel/errors.ts";
import { formatPeriod } from "../../../core/kernel/i18n/localise.ts";
import type { ClockPeriod } from "../../../core/kernel/values/values.ts";
import { can } from "../../../core/kernel/roles.ts";
import { type Agreement, agreementKind, getEntity } from "../../../core/register/index.ts";
import type { AppEnv } from "../../env.ts";
import { type PostedForm, readForm } from "../../forms/form-reader.ts";
import { adminRoute } from "../admin-route.ts";
import { friendly, prefixed, zonedInstant } from "../changes/form-values.ts";
import { setFlash } from "../session-cookie.ts";
import { csrfField, errorSummary, FieldErrors, textArea, textField } from "../ui/fields.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { t, uiDate, uiLanguage } from "../ui/ui-language.ts";
import { auditStateLabel, auditTable, dayOrDash, shortNoticeBadge } from "./audit-table.ts";

interface Shown {
  form?: PostedForm;
  errors?: FieldErrors;
  status?: ContentfulStatusCode;
}

/** Recording a customer's notice of an audit, and each audit's page with its schedule, outcome or cancellation. */
export function registerCustomerAuditPages(app: Hono<AppEnv>): void {
  adminRoute(app, "GET", "/admin/agreements/:id/audits/new", "register:write", (c) => requestPage(c));
  adminRoute(app, "POST", "/admin/agreements/:id/audits", "register:write", requestHandler);
  adminRoute(app, "GET", "/admin/customer-audits", "register:read", listPage);
  adminRoute(app, "GET", "/admin/customer-audits/:id", "register:read", (c) => auditPage(c));
  for (const step of ["schedule", "outcome", "cancellation"] as const) {
    adminRoute(app, "POST", `/admin/customer-audits/:id/${step}`, "register:write", stepHandler(step));
  }
}

/** A notice period in the page's language. */
const period = (p: ClockPeriod): string => formatPeriod(p, uiLanguage());

/** On an agreement's page: the audits its customer asked for, and how to record another. */
export async function customerAuditSection(c: Context<AppEnv>, agreement: Agreement): Promise<Html> {
  const audits = (await listCustomerAudits(c.get("ctx"), { agreementId: agreement.id, limit: "500" })).items;
  const mayRecord = agreement.status !== "draft" && !agreement.archivedAt && can(c.get("actor").role, "register:write");
  const notice = agreement.clocks.auditNotice ? period(agreement.clocks.auditNotice) : t("admin.audits.noNotice");
  return html`<h2>${t("admin.audits.section.title")}</h2>
<p>${t("admin.audits.section.notice", { period: notice })}</p>
${audits.length === 0 ? html`<p>${t("admin.audits.section.empty")}</p>` : auditTable(audits, { withAgreement: false })}
${mayRecord ? html`<p><a class="button" href="/admin/agreements/${seg(agreement.id)}/audits/new">${t("admin.audits.section.record")}</a></p>` : nothing}`;
}

async function requestPage(c: Context<AppEnv>, shown: Shown = {}): Promise<Response> {
  const agreement = await getEntity(c.get("ctx"), agreementKind, c.req.param("id") ?? "");
  const errors = shown.errors ?? new FieldErrors();
  const values = shown.form?.values ?? {};
  const base = `/admin/agreements/${seg(agreement.id)}`;
  const notice = agreement.clocks.auditNotice;
  // Two sentences rather than one with a slot: "is not set" and "is 15 days" are built differently in French.
  const intro = notice
    ? t("admin.audits.request.intro", { period: period(notice), country: agreement.governingCountry })
    : t("admin.audits.request.introNoNotice", { country: agreement.governingCountry });
  const body = html`${errorSummary(errors)}
<p>${intro}</p>
<form method="post" action="${base}/audits">${csrfField(c.get("session").csrfToken)}
${textArea({ name: "scope", label: t("admin.audits.scope"), value: values.scope, errors, rows: 3, required: true, hint: t("admin.audits.request.scope.hint") })}
${textField({ name: "proposedStart", label: t("admin.audits.proposedStart"), type: "date", value: values.proposedStart, errors, required: true })}
${textField({ name: "requestedAt", label: t("admin.audits.request.requestedAt"), type: "datetime-local", value: values.requestedAt, errors, hint: t("admin.audits.request.requestedAt.hint", { timeZone: agreement.timeZone }) })}
${textField({ name: "auditor", label: t("admin.audits.auditor"), value: values.auditor, errors, hint: t("admin.audits.request.auditor.hint") })}
<div class="actions"><button type="submit">${t("admin.audits.request.submit")}</button> <a href="${base}">${t("admin.common.cancel")}</a></div></form>`;
  return renderPage(c, {
    title: t("admin.audits.request.title", { reference: agreement.reference }),
    trail: [
      ["/admin/agreements", t("admin.common.nav.agreements")],
      [base, agreement.reference],
    ],
    body,
    status: shown.status,
  });
}

async function requestHandler(c: Context<AppEnv>): Promise<Response> {
  const form = await readForm(c);
  const ctx = c.get("ctx");
  const agreement = await getEntity(ctx, agreementKind, c.req.param("id") ?? "");
  try {
    const audit = await requestAudit(ctx, agreement.id, {
      scope: form.text("scope"),
      proposedStart: form.text("proposedStart"),
      requestedAt: zonedInstant(form.text("requestedAt"), agreement.timeZone),
      auditor: form.text("auditor"),
    });
    setFlash(
      c,
      audit.shortNotice ? t("admin.audits.flash.shortNotice", { date: uiDate(audit.earliestStart) }) : t("admin.audits.flash.recorded"),
    );
    return c.redirect(`/admin/customer-audits/${seg(audit.id)}`, 303);
  } catch (error) {
    if (error instanceof AppError && error.code === "validation") {
      return requestPage(c, { form, errors: new FieldErrors(friendly(error.issues)), status: 422 });
    }
    throw error;
  }
}

async function listPage(c: Context<AppEnv>): Promise<Response> {
  const audits = (await listCustomerAudits(c.get("ctx"), { limit: "500" })).items;
  const body = audits.length === 0 ? html`<p>${t("admin.audits.list.empty")}</p>` : auditTable(audits, { withAgreement: true });
  return renderPage(c, { title: t("admin.common.nav.customerAudits"), body });
}

async function auditPage(c: Context<AppEnv>, shown: Shown = {}): Promise<Response> {
  const ctx = c.get("ctx");
  const audit = await getCustomerAudit(ctx, c.req.param("id") ?? "");
  const agreement = await getEntity(ctx, agreementKind, audit.agreementId);
  const errors = shown.errors ?? new FieldErrors();
  const values = shown.form?.values ?? {};
  const action = (step: string) => `/admin/customer-audits/${seg(audit.id)}/${step}`;
  const csrf = csrfField(c.get("session").csrfToken);
  const mayWrite = can(c.get("actor").role, "register:write");
  const open = audit.state === "requested" || audit.state === "scheduled";
  const forms = !mayWrite
    ? nothing
    : html`${
        open
          ? html`<h2>${t("admin.audits.schedule.title")}</h2><form method="post" action="${action("schedule")}">${csrf}
${textField({ name: "schedule.scheduledOn", label: t("admin.audits.schedule.scheduledOn"), type: "date", value: values["schedule.scheduledOn"] ?? audit.scheduledOn ?? audit.proposedStart, errors, required: true })}
${textArea({ name: "schedule.earlierBecause", label: t("admin.audits.schedule.earlierBecause"), value: values["schedule.earlierBecause"], errors, rows: 2, hint: t("admin.audits.schedule.earlierBecause.hint", { date: uiDate(audit.earliestStart) }) })}
<div class="actions"><button type="submit">${t("admin.audits.schedule.submit")}</button></div></form>`
          : nothing
      }${
        audit.state === "scheduled"
          ? html`<h2>${t("admin.audits.outcome")}</h2><form method="post" action="${action("outcome")}">${csrf}
${textField({ name: "outcome.completedOn", label: t("admin.audits.completedOn"), type: "date", value: values["outcome.completedOn"], errors, required: true })}
${textArea({ name: "outcome.outcome", label: t("admin.audits.outcome"), value: values["outcome.outcome"], errors, rows: 4, required: true })}
${textField({ name: "outcome.reportReference", label: t("admin.audits.outcome.reportReference"), value: values["outcome.reportReference"], errors })}
<div class="actions"><button type="submit">${t("admin.audits.outcome.submit")}</button></div></form>`
          : nothing
      }${
        open
          ? html`<h2>${t("admin.audits.cancellation.title")}</h2><form method="post" action="${action("cancellation")}">${csrf}
${textArea({ name: "cancellation.reason", label: t("admin.audits.cancellation.reason"), value: values["cancellation.reason"], errors, rows: 2, required: true })}
<div class="actions"><button type="submit" class="danger">${t("admin.audits.cancellation.submit")}</button></div></form>`
          : nothing
      }`;
  const body = html`${errorSummary(errors)}
<dl class="facts">
<dt>${t("admin.audits.agreement")}</dt><dd><a href="/admin/agreements/${seg(agreement.id)}">${agreement.reference}</a></dd>
<dt>${t("admin.common.status")}</dt><dd>${auditStateLabel(audit)}</dd>
<dt>${t("admin.audits.scope")}</dt><dd>${audit.scope}</dd>
<dt>${t("admin.audits.auditor")}</dt><dd>${audit.auditor ?? "—"}</dd>
<dt>${t("admin.audits.audit.requestedAt")}</dt><dd>${instant(audit.requestedAt)}</dd>
<dt>${t("admin.audits.audit.noticePeriod")}</dt><dd>${noticePeriodFact(audit)}</dd>
<dt>${t("admin.audits.earliestStart")}</dt><dd>${uiDate(audit.earliestStart)}</dd>
<dt>${t("admin.audits.proposedStart")}</dt><dd>${uiDate(audit.proposedStart)}${shortNoticeBadge(audit)}</dd>
<dt>${t("admin.audits.scheduled")}</dt><dd>${dayOrDash(audit.scheduledOn)}${audit.earlierBecause ? html`<br><span class="hint">${t("admin.audits.audit.earlierBecause", { reason: audit.earlierBecause })}</span>` : nothing}</dd>
${audit.state === "completed" ? html`<dt>${t("admin.audits.completedOn")}</dt><dd>${dayOrDash(audit.completedOn)}</dd><dt>${t("admin.audits.outcome")}</dt><dd>${audit.outcome}</dd><dt>${t("admin.audits.audit.report")}</dt><dd>${audit.reportReference ?? "—"}</dd>` : nothing}
${audit.state === "cancelled" ? html`<dt>${t("admin.audits.audit.cancelReason")}</dt><dd>${audit.cancelReason}</dd>` : nothing}
</dl>
${forms}`;
  return renderPage(c, {
    title: t("admin.audits.audit.title", { reference: agreement.reference }),
    trail: [["/admin/customer-audits", t("admin.common.nav.customerAudits")]],
    body,
    status: shown.status,
  });
}

/** The notice period the audit was counted by, and its last day, or that the agreement sets none. */
function noticePeriodFact(audit: CustomerAudit): string {
  if (!audit.noticePeriod) return t("admin.audits.noNotice");
  return t("admin.audits.audit.noticePeriod.value", { period: period(audit.noticePeriod), date: dayOrDash(audit.noticeLastDay) });
}

function stepHandler(step: "schedule" | "outcome" | "cancellation") {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const form = await readForm(c);
    const ctx = c.get("ctx");
    const id = c.req.param("id") ?? "";
    try {
      if (step === "schedule") {
        await scheduleAudit(ctx, id, {
          scheduledOn: form.text("schedule.scheduledOn"),
          earlierBecause: form.text("schedule.earlierBecause"),
        });
      } else if (step === "outcome") {
        await recordAuditOutcome(ctx, id, {
          completedOn: form.text("outcome.completedOn"),
          outcome: form.text("outcome.outcome"),
          reportReference: form.text("outcome.reportReference"),
        });
      } else {
        await cancelAudit(ctx, id, { reason: form.text("cancellation.reason") });
      }
      setFlash(c, t("admin.audits.flash.saved"));
    } catch (error) {
      if (error instanceof AppError && error.code === "validation") {
        return auditPage(c, { form, errors: new FieldErrors(prefixed(step, error.issues)), status: 422 });
      }
      if (error instanceof AppError && error.code === "conflict") {
        return auditPage(c, { form, errors: new FieldErrors([{ path: step, message: error.message }]), status: 409 });
      }
      throw error;
    }
    return c.redirect(`/admin/customer-audits/${seg(id)}`, 303);
  };
}
