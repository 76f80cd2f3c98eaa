import type { Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { addBreachUpdate, breachReport, getBreach, listBreaches, notifyBreach, recordBreach } from "../../../core/breaches/index.ts";
import { renderedResponse } from "../../document-response.ts";
import { DEFAULT_TIME_ZONE } from "../../../core/kernel/clocks/zoned-time.ts";
import { AppError } from "../../../core/kernel/errors.ts";
import { can } from "../../../core/kernel/roles.ts";
import { namedDuties } from "../../../core/obligations/index.ts";
import {
  activityKind,
  displayName,
  listEntities,
  subProcessorKind,
  dataCategoryKind,
  subjectCategoryKind,
} from "../../../core/register/index.ts";
import type { AppEnv } from "../../env.ts";
import { type PostedForm, readForm } from "../../forms/form-reader.ts";
import { adminRoute } from "../admin-route.ts";
import { friendly, prefixed, zonedInstant } from "../changes/form-values.ts";
import { dutyTable } from "../obligations/duty-table.ts";
import { setFlash } from "../session-cookie.ts";
import { checkbox, checkboxes, csrfField, errorSummary, FieldErrors, textArea, textField } from "../ui/fields.ts";
import { html, instant, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";

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
    ? html`<p><a class="button" href="/admin/breaches/new">Record a breach</a></p>`
    : nothing;
  const body = html`${add}${
    breaches.length === 0
      ? html`<p>No personal data breach has been recorded.</p>`
      : html`<table><thead><tr><th scope="col">Breach</th><th scope="col">Discovered</th><th scope="col">Agreements affected</th><th scope="col">Customers notified</th></tr></thead>
<tbody>${breaches.map(
          (b) =>
            html`<tr><td><a href="/admin/breaches/${seg(b.id)}">${b.summary.length > 80 ? `${b.summary.slice(0, 80)}…` : b.summary}</a></td><td>${instant(b.discoveredAt)}</td><td>${b.affectedAgreementIds.length}</td><td>${b.notifiedAt ? instant(b.notifiedAt) : html`<span class="badge warn">not yet</span>`}</td></tr>`,
        )}</tbody></table>`
  }`;
  return renderPage(c, { title: "Personal data breaches", body });
}

/** GET /admin/breaches/new: what happened, what it involved, what was done; the customers are found from what it involved. */
async function newPage(c: Context<AppEnv>, shown: Shown = {}): Promise<Response> {
  const ctx = c.get("ctx");
  const errors = shown.errors ?? new FieldErrors();
  const form = shown.form;
  const values = form?.values ?? {};
  const choicesOf = async (kind: Parameters<typeof listEntities>[1], name: (e: never) => string) =>
    (await listEntities(ctx, kind, { limit: "200" })).items.map((e) => ({ value: (e as { id: string }).id, label: name(e as never) }));
  const [activities, vendors, data, subjects] = await Promise.all([
    choicesOf(activityKind, (e: { name: Parameters<typeof displayName>[0] }) => displayName(e.name)),
    choicesOf(subProcessorKind, (e: { legalName: string }) => e.legalName),
    choicesOf(dataCategoryKind, (e: { name: Parameters<typeof displayName>[0] }) => displayName(e.name)),
    choicesOf(subjectCategoryKind, (e: { name: Parameters<typeof displayName>[0] }) => displayName(e.name)),
  ]);
  const body = html`${errorSummary(errors)}
<form method="post" action="/admin/breaches">${csrfField(c.get("session").csrfToken)}
${textArea({ name: "summary", label: "What happened", value: values.summary, errors, rows: 3, required: true, hint: "The nature of the breach (Art. 33(3)(a))." })}
${textField({ name: "discoveredAt", label: "Discovered at", type: "datetime-local", value: values.discoveredAt, errors, required: true, hint: `Wall-clock time in ${DEFAULT_TIME_ZONE}; the notification clocks run from here.` })}
${textField({ name: "occurredAt", label: "Occurred at", type: "datetime-local", value: values.occurredAt, errors, hint: "Where known." })}
${checkboxes({ name: "activityIds", label: "Processing activities involved", values: form?.list("activityIds") ?? [], choices: activities, errors })}
${checkboxes({ name: "subProcessorIds", label: "Sub-processors involved", values: form?.list("subProcessorIds") ?? [], choices: vendors, errors, hint: "Customers whose covered activities use one of them, directly or through its chain, are notified." })}
${checkboxes({ name: "dataCategoryIds", label: "Categories of personal data concerned", values: form?.list("dataCategoryIds") ?? [], choices: data, errors })}
${checkboxes({ name: "subjectCategoryIds", label: "Categories of data subjects concerned", values: form?.list("subjectCategoryIds") ?? [], choices: subjects, errors })}
${textField({ name: "approxSubjects", label: "Approximate number of data subjects", type: "number", value: values.approxSubjects, errors })}
${textField({ name: "approxRecords", label: "Approximate number of records", type: "number", value: values.approxRecords, errors })}
${textArea({ name: "likelyConsequences", label: "Likely consequences", value: values.likelyConsequences, errors, rows: 3, required: true })}
${textArea({ name: "measuresTaken", label: "Measures taken or proposed", value: values.measuresTaken, errors, rows: 3, required: true })}
${checkbox({ name: "notify", label: "Notify the affected customers now", checked: form ? form.checked("notify") : true, errors, hint: "Unticked, the duties to notify stay open with their deadlines until you notify from the breach's page." })}
<div class="actions"><button type="submit">Record the breach</button> <a href="/admin/breaches">Cancel</a></div></form>`;
  return renderPage(c, {
    title: "Record a personal data breach",
    trail: [["/admin/breaches", "Personal data breaches"]],
    body,
    status: shown.status,
  });
}

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
        ? `Recorded; ${breach.affectedAgreementIds.length} customers notified.`
        : "Recorded; the customers are not notified yet.",
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
      ? html`<h2>Send an update</h2><form method="post" action="/admin/breaches/${seg(breach.id)}/updates">${csrf}
${textArea({ name: "updates.text", label: "What is now known", value: shown.form?.values["updates.text"], errors, rows: 3, required: true, hint: "Sent to every customer notified, in its agreement's language." })}
<div class="actions"><button type="submit">Send the update</button></div></form>`
      : html`<form method="post" action="/admin/breaches/${seg(breach.id)}/notification" class="inline">${csrf}<button type="submit">Notify the ${breach.affectedAgreementIds.length} affected customers</button></form>`;
  const body = html`${errorSummary(errors)}
<dl class="facts">
<dt>What happened</dt><dd>${breach.summary}</dd>
<dt>Discovered</dt><dd>${instant(breach.discoveredAt)}</dd>
<dt>Occurred</dt><dd>${breach.occurredAt ? instant(breach.occurredAt) : "not known"}</dd>
<dt>Data subjects</dt><dd>${breach.approxSubjects ?? "not known"} (approximately)</dd>
<dt>Records</dt><dd>${breach.approxRecords ?? "not known"} (approximately)</dd>
<dt>Likely consequences</dt><dd>${breach.likelyConsequences}</dd>
<dt>Measures</dt><dd>${breach.measuresTaken}</dd>
<dt>Customers notified</dt><dd>${breach.notifiedAt ? instant(breach.notifiedAt) : html`<span class="badge warn">not yet</span>`}</dd>
</dl>
<h2>Duties to notify</h2>
${duties.length === 0 ? html`<p>No agreement in force uses what the breach involved.</p>` : dutyTable(duties, { withAgreement: true })}
${
  duties.length
    ? html`<h2>Reports per customer</h2><ul>${duties.map(
        (d) =>
          html`<li>${d.agreementReference} (${d.customerName}): <a href="/admin/breaches/${seg(breach.id)}/report/${seg(d.agreementId)}?format=pdf">PDF</a> · <a href="/admin/breaches/${seg(breach.id)}/report/${seg(d.agreementId)}?format=html">HTML</a></li>`,
      )}</ul>`
    : nothing
}
${breach.updates.length ? html`<h2>Updates sent</h2><ul>${breach.updates.map((u) => html`<li>${instant(u.at)}: ${u.text}</li>`)}</ul>` : nothing}
${actions}`;
  return renderPage(c, {
    title: "Personal data breach",
    trail: [["/admin/breaches", "Personal data breaches"]],
    body,
    status: shown.status,
  });
}

function stepHandler(step: "notification" | "updates") {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const form = await readForm(c);
    const id = c.req.param("id") ?? "";
    try {
      if (step === "notification") await notifyBreach(c.get("ctx"), id);
      else await addBreachUpdate(c.get("ctx"), id, { text: form.text("updates.text") });
      setFlash(c, step === "notification" ? "The customers are notified." : "The update is sent.");
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
