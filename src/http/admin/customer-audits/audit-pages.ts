import type { Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import {
  cancelAudit,
  getCustomerAudit,
  listCustomerAudits,
  recordAuditOutcome,
  requestAudit,
  scheduleAudit,
} from "../../../core/customer-audits/index.ts";
import { AppError } from "../../../core/kernel/errors.ts";
import { formatPeriod } from "../../../core/kernel/i18n/localise.ts";
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
import { auditStateLabel, auditTable } from "./audit-table.ts";

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

/** On an agreement's page: the audits its customer asked for, and how to record another. */
export async function customerAuditSection(c: Context<AppEnv>, agreement: Agreement): Promise<Html> {
  const audits = (await listCustomerAudits(c.get("ctx"), { agreementId: agreement.id, limit: "500" })).items;
  const mayRecord = agreement.status !== "draft" && !agreement.archivedAt && can(c.get("actor").role, "register:write");
  return html`<h2>Audits by the customer</h2>
<p>Notice period: ${agreement.clocks.auditNotice ? formatPeriod(agreement.clocks.auditNotice, "en") : "none set by the agreement"}.</p>
${audits.length === 0 ? html`<p>No audit has been requested.</p>` : auditTable(audits, { withAgreement: false })}
${mayRecord ? html`<p><a class="button" href="/admin/agreements/${seg(agreement.id)}/audits/new">Record an audit request</a></p>` : nothing}`;
}

async function requestPage(c: Context<AppEnv>, shown: Shown = {}): Promise<Response> {
  const agreement = await getEntity(c.get("ctx"), agreementKind, c.req.param("id") ?? "");
  const errors = shown.errors ?? new FieldErrors();
  const values = shown.form?.values ?? {};
  const base = `/admin/agreements/${seg(agreement.id)}`;
  const body = html`${errorSummary(errors)}
<p>The agreement's notice period for audits is ${agreement.clocks.auditNotice ? formatPeriod(agreement.clocks.auditNotice, "en") : "not set"}; it is counted from the day the notice was received, by the public holidays of ${agreement.governingCountry}.</p>
<form method="post" action="${base}/audits">${csrfField(c.get("session").csrfToken)}
${textArea({ name: "scope", label: "Scope", value: values.scope, errors, rows: 3, required: true, hint: "What the customer wants to audit: systems, measures, sites." })}
${textField({ name: "proposedStart", label: "Proposed start", type: "date", value: values.proposedStart, errors, required: true })}
${textField({ name: "requestedAt", label: "Notice received at", type: "datetime-local", value: values.requestedAt, errors, hint: `Wall-clock time in ${agreement.timeZone}; defaults to now.` })}
${textField({ name: "auditor", label: "Auditor", value: values.auditor, errors, hint: "The customer itself, or the auditor it mandated." })}
<div class="actions"><button type="submit">Record</button> <a href="${base}">Cancel</a></div></form>`;
  return renderPage(c, {
    title: `Audit request under agreement ${agreement.reference}`,
    trail: [
      ["/admin/agreements", "Agreements"],
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
    setFlash(c, audit.shortNotice ? `Recorded. Short notice: the audit may start from ${audit.earliestStart}.` : "Recorded.");
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
  const body = audits.length === 0 ? html`<p>No customer has asked for an audit yet.</p>` : auditTable(audits, { withAgreement: true });
  return renderPage(c, { title: "Customer audits", body });
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
          ? html`<h2>Schedule</h2><form method="post" action="${action("schedule")}">${csrf}
${textField({ name: "schedule.scheduledOn", label: "Starts on", type: "date", value: values["schedule.scheduledOn"] ?? audit.scheduledOn ?? audit.proposedStart, errors, required: true })}
${textArea({ name: "schedule.earlierBecause", label: "Why earlier than the notice allows", value: values["schedule.earlierBecause"], errors, rows: 2, hint: `Only before ${audit.earliestStart}: what both parties agreed.` })}
<div class="actions"><button type="submit">Schedule</button></div></form>`
          : nothing
      }${
        audit.state === "scheduled"
          ? html`<h2>Outcome</h2><form method="post" action="${action("outcome")}">${csrf}
${textField({ name: "outcome.completedOn", label: "Ended on", type: "date", value: values["outcome.completedOn"], errors, required: true })}
${textArea({ name: "outcome.outcome", label: "Outcome", value: values["outcome.outcome"], errors, rows: 4, required: true })}
${textField({ name: "outcome.reportReference", label: "Report reference", value: values["outcome.reportReference"], errors })}
<div class="actions"><button type="submit">Record outcome</button></div></form>`
          : nothing
      }${
        open
          ? html`<h2>Cancel</h2><form method="post" action="${action("cancellation")}">${csrf}
${textArea({ name: "cancellation.reason", label: "Why it will not take place", value: values["cancellation.reason"], errors, rows: 2, required: true })}
<div class="actions"><button type="submit" class="danger">Cancel the audit</button></div></form>`
          : nothing
      }`;
  const body = html`${errorSummary(errors)}
<dl class="facts">
<dt>Agreement</dt><dd><a href="/admin/agreements/${seg(agreement.id)}">${agreement.reference}</a></dd>
<dt>Status</dt><dd>${auditStateLabel(audit)}</dd>
<dt>Scope</dt><dd>${audit.scope}</dd>
<dt>Auditor</dt><dd>${audit.auditor ?? "—"}</dd>
<dt>Notice received</dt><dd>${instant(audit.requestedAt)}</dd>
<dt>Notice period</dt><dd>${audit.noticePeriod ? html`${formatPeriod(audit.noticePeriod, "en")}, ending on ${audit.noticeLastDay}` : "none set by the agreement"}</dd>
<dt>Earliest start</dt><dd>${audit.earliestStart}</dd>
<dt>Proposed start</dt><dd>${audit.proposedStart}${audit.shortNotice ? html` <span class="badge warn">short notice</span>` : nothing}</dd>
<dt>Scheduled</dt><dd>${audit.scheduledOn ?? "—"}${audit.earlierBecause ? html`<br><span class="hint">earlier than the notice allows: ${audit.earlierBecause}</span>` : nothing}</dd>
${audit.state === "completed" ? html`<dt>Ended on</dt><dd>${audit.completedOn}</dd><dt>Outcome</dt><dd>${audit.outcome}</dd><dt>Report</dt><dd>${audit.reportReference ?? "—"}</dd>` : nothing}
${audit.state === "cancelled" ? html`<dt>Cancelled because</dt><dd>${audit.cancelReason}</dd>` : nothing}
</dl>
${forms}`;
  return renderPage(c, {
    title: `Audit by the customer of ${agreement.reference}`,
    trail: [["/admin/customer-audits", "Customer audits"]],
    body,
    status: shown.status,
  });
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
      setFlash(c, "Saved.");
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
