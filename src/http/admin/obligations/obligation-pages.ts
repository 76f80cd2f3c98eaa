import type { Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError } from "../../../core/kernel/errors.ts";
import { formatPeriod } from "../../../core/kernel/i18n/localise.ts";
import { can } from "../../../core/kernel/roles.ts";
import {
  assignObligation,
  completeObligation,
  getObligation,
  namedDuties,
  OBLIGATION_STATUSES,
  type Obligation,
  TERMINATION_DUTIES,
  terminateAgreement,
  waiveObligation,
} from "../../../core/obligations/index.ts";
import { agreementKind, getEntity } from "../../../core/register/index.ts";
import type { AppEnv } from "../../env.ts";
import { type PostedForm, readForm } from "../../forms/form-reader.ts";
import { adminRoute } from "../admin-route.ts";
import { friendly, prefixed, zonedInstant } from "../changes/form-values.ts";
import { setFlash } from "../session-cookie.ts";
import { csrfField, errorSummary, FieldErrors, textArea, textField } from "../ui/fields.ts";
import { html, instant, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { dutyTable } from "./duty-table.ts";
import { DUTY_LABELS, statusBadge } from "./obligation-labels.ts";

interface Shown {
  form?: PostedForm;
  errors?: FieldErrors;
  status?: ContentfulStatusCode;
}

/** Terminating an agreement, the duties it starts, and each duty's page with what closes it. */
export function registerObligationPages(app: Hono<AppEnv>): void {
  adminRoute(app, "GET", "/admin/agreements/:id/terminate", "register:write", (c) => terminatePage(c));
  adminRoute(app, "POST", "/admin/agreements/:id/terminate", "register:write", terminateHandler);
  adminRoute(app, "GET", "/admin/obligations", "register:read", listPage);
  adminRoute(app, "GET", "/admin/obligations/:id", "register:read", (c) => dutyPage(c));
  adminRoute(app, "POST", "/admin/obligations/:id/completion", "register:write", closeHandler("completion"));
  adminRoute(app, "POST", "/admin/obligations/:id/waiver", "register:write", closeHandler("waiver"));
  adminRoute(app, "POST", "/admin/obligations/:id/owner", "register:write", closeHandler("owner"));
}

/** GET /admin/agreements/:id/terminate: the day it ends, why, who is responsible, and what that will start. */
async function terminatePage(c: Context<AppEnv>, shown: Shown = {}): Promise<Response> {
  const agreement = await getEntity(c.get("ctx"), agreementKind, c.req.param("id") ?? "");
  const errors = shown.errors ?? new FieldErrors();
  const values = shown.form?.values ?? {};
  const starts = TERMINATION_DUTIES.flatMap(({ kind, clock }) => {
    const period = agreement.clocks[clock];
    return period ? [html`<li>${DUTY_LABELS[kind]}: within ${formatPeriod(period, "en")} after the end</li>`] : [];
  });
  const base = `/admin/agreements/${seg(agreement.id)}`;
  const body = html`${errorSummary(errors)}
<p>Agreement ${agreement.reference} is ${agreement.status}. Its end starts these duties, each counted from the day after the end by the agreement's rules (public holidays of ${agreement.governingCountry}, days ending in ${agreement.timeZone}):</p>
${starts.length ? html`<ul>${starts}</ul>` : html`<p>None: the agreement has no post-termination clock.</p>`}
<form method="post" action="${base}/terminate">${csrfField(c.get("session").csrfToken)}
${textField({ name: "endedOn", label: "Ends on", type: "date", value: values.endedOn, errors, required: true, hint: "The last day of the agreement; it may be in the future (notice given in advance)." })}
${textArea({ name: "reason", label: "Reason", value: values.reason, errors, rows: 2, hint: "Kept in the audit trail." })}
${textField({ name: "owner", label: "Responsible for the duties", value: values.owner, errors, hint: "A person or team; can be named later on each duty." })}
<div class="actions"><button type="submit" class="danger">Terminate</button> <a href="${base}">Cancel</a></div>
</form>`;
  return renderPage(c, {
    title: `Terminate agreement ${agreement.reference}`,
    trail: [
      ["/admin/agreements", "Agreements"],
      [base, agreement.reference],
    ],
    body,
    status: shown.status,
  });
}

async function terminateHandler(c: Context<AppEnv>): Promise<Response> {
  const form = await readForm(c);
  const id = c.req.param("id") ?? "";
  try {
    const { agreement, obligations } = await terminateAgreement(c.get("ctx"), id, {
      endedOn: form.text("endedOn"),
      reason: form.text("reason"),
      owner: form.text("owner"),
    });
    setFlash(c, `Agreement ${agreement.reference} ends on ${agreement.endedOn}; ${obligations.length} duties started.`);
    return c.redirect(`/admin/agreements/${seg(agreement.id)}`, 303);
  } catch (error) {
    if (error instanceof AppError && error.code === "validation") {
      return terminatePage(c, { form, errors: new FieldErrors(friendly(error.issues)), status: 422 });
    }
    if (error instanceof AppError && error.code === "conflict") {
      return terminatePage(c, { form, errors: new FieldErrors([{ path: "endedOn", message: error.message }]), status: 409 });
    }
    throw error;
  }
}

/** GET /admin/obligations: every duty, those still to do first (or one status, chosen in the query). */
async function listPage(c: Context<AppEnv>): Promise<Response> {
  const chosen = OBLIGATION_STATUSES.find((s) => s === c.req.query("status"));
  const duties = (await namedDuties(c.get("ctx"), chosen)).sort((a, b) => order(a) - order(b));
  const filters = html`<p>Show: ${[html`<a href="/admin/obligations">all</a>`, ...OBLIGATION_STATUSES.map((s) => html` · <a href="/admin/obligations?status=${s}">${s}</a>`)]}</p>`;
  const body = html`${filters}${
    duties.length === 0
      ? html`<p>No duty ${chosen ? `is ${chosen}` : "has been started yet: terminating an agreement starts its duties"}.</p>`
      : dutyTable(duties, { withAgreement: true })
  }`;
  return renderPage(c, { title: chosen ? `Obligations: ${chosen}` : "Obligations", body });
}

const order = (d: Obligation) => ["overdue", "open", "done", "waived"].indexOf(d.status);

/** GET /admin/obligations/:id: the duty, its deadline and how it was counted, and what closes it. */
async function dutyPage(c: Context<AppEnv>, shown: Shown = {}): Promise<Response> {
  const ctx = c.get("ctx");
  const duty = await getObligation(ctx, c.req.param("id") ?? "");
  const agreement = await getEntity(ctx, agreementKind, duty.agreementId);
  const errors = shown.errors ?? new FieldErrors();
  const values = shown.form?.values ?? {};
  const open = duty.status === "open" || duty.status === "overdue";
  const mayWrite = can(c.get("actor").role, "register:write");
  const action = (step: string) => `/admin/obligations/${seg(duty.id)}/${step}`;
  const csrf = csrfField(c.get("session").csrfToken);
  const closed =
    duty.status === "done"
      ? html`<h2>Done</h2><dl class="facts"><dt>Done</dt><dd>${instant(duty.doneAt)} ${duty.onTime ? "(on time)" : html`<span class="badge warn">after the deadline</span>`}</dd>
<dt>Evidence</dt><dd>${duty.evidence?.reference} (${duty.evidence?.date})${duty.evidence?.note ? html`<br>${duty.evidence.note}` : nothing}</dd><dt>Recorded by</dt><dd>${duty.closedBy}</dd></dl>`
      : duty.status === "waived"
        ? html`<h2>Waived</h2><dl class="facts"><dt>Reason</dt><dd>${duty.waiverReason}</dd><dt>Recorded by</dt><dd>${duty.closedBy}</dd></dl>`
        : nothing;
  const forms =
    open && mayWrite
      ? html`<h2>Record it done</h2>
<form method="post" action="${action("completion")}">${csrf}
${textField({ name: "completion.evidence.reference", label: "Evidence", value: values["completion.evidence.reference"], errors, required: true, hint: "A certificate of deletion, a ticket, a letter: what shows it was done." })}
${textField({ name: "completion.evidence.date", label: "Done on", type: "date", value: values["completion.evidence.date"], errors, hint: "Defaults to today." })}
${textField({ name: "completion.doneAt", label: "Done at", type: "datetime-local", value: values["completion.doneAt"], errors, hint: `Wall-clock time in ${duty.timeZone}; defaults to now.` })}
${textArea({ name: "completion.evidence.note", label: "Note", value: values["completion.evidence.note"], errors, rows: 2 })}
<div class="actions"><button type="submit">Record done</button></div></form>
<h2>Waive it</h2>
<form method="post" action="${action("waiver")}">${csrf}
${textArea({ name: "waiver.reason", label: "Why it does not apply", value: values["waiver.reason"], errors, rows: 2, required: true })}
<div class="actions"><button type="submit" class="danger">Waive</button></div></form>
<h2>Responsible</h2>
<form method="post" action="${action("owner")}">${csrf}
${textField({ name: "owner.owner", label: "Responsible", value: values["owner.owner"] ?? duty.owner ?? "", errors, hint: "Leave empty for nobody yet." })}
<div class="actions"><button type="submit">Save</button></div></form>`
      : nothing;
  const body = html`${errorSummary(errors)}
<dl class="facts">
<dt>Agreement</dt><dd><a href="/admin/agreements/${seg(agreement.id)}">${agreement.reference}</a>, ended on ${duty.triggerDate}</dd>
<dt>Status</dt><dd>${statusBadge(duty.status, duty.onTime)}</dd>
<dt>Last day</dt><dd>${duty.lastDay}, until the end of the day in ${duty.timeZone} (${instant(duty.dueAt)})${duty.movedFrom ? html`<br><span class="hint">moved from ${duty.movedFrom} (${duty.movedBecause})</span>` : nothing}</dd>
<dt>Counted</dt><dd>${formatPeriod(duty.period, "en")} after the end, public holidays of ${duty.governingCountry}</dd>
<dt>Responsible</dt><dd>${duty.owner ?? "not named"}</dd>
<dt>Reference</dt><dd><code>${duty.id}</code></dd>
</dl>
${closed}${forms}
${can(c.get("actor").role, "audit:read") ? html`<p><a href="/admin/audit?entityType=obligation&amp;entityId=${seg(duty.id)}">History of this duty</a></p>` : nothing}`;
  return renderPage(c, {
    title: `${DUTY_LABELS[duty.kind]}: ${agreement.reference}`,
    trail: [["/admin/obligations", "Obligations"]],
    body,
    status: shown.status,
  });
}

/** POST /admin/obligations/:id/{completion,waiver,owner}: one form of the duty's page. */
function closeHandler(step: "completion" | "waiver" | "owner") {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const form = await readForm(c);
    const ctx = c.get("ctx");
    const id = c.req.param("id") ?? "";
    try {
      if (step === "completion") {
        const duty = await getObligation(ctx, id);
        await completeObligation(ctx, id, {
          evidence: {
            reference: form.text("completion.evidence.reference"),
            date: form.text("completion.evidence.date"),
            note: form.text("completion.evidence.note"),
          },
          doneAt: zonedInstant(form.text("completion.doneAt"), duty.timeZone),
        });
        setFlash(c, "Recorded done, with its evidence.");
      } else if (step === "waiver") {
        await waiveObligation(ctx, id, { reason: form.text("waiver.reason") });
        setFlash(c, "Recorded as waived.");
      } else {
        await assignObligation(ctx, id, { owner: form.text("owner.owner") ?? null });
        setFlash(c, "Responsible saved.");
      }
    } catch (error) {
      if (error instanceof AppError && error.code === "validation") {
        return dutyPage(c, { form, errors: new FieldErrors(prefixed(step, error.issues)), status: 422 });
      }
      if (error instanceof AppError && error.code === "conflict") {
        return dutyPage(c, { form, errors: new FieldErrors([{ path: step, message: error.message }]), status: 409 });
      }
      throw error;
    }
    return c.redirect(`/admin/obligations/${seg(id)}`, 303);
  };
}
