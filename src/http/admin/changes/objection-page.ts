import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { findObjection, noticeView, RESOLUTIONS, resolveObjection } from "../../../core/changes/index.ts";
import { AppError } from "../../../core/kernel/errors.ts";
import { can } from "../../../core/kernel/roles.ts";
import type { AppEnv } from "../../env.ts";
import { type PostedForm, readForm } from "../../forms/form-reader.ts";
import { endOfLastDay, zonedTime } from "../../objection/deadline-text.ts";
import { setFlash } from "../session-cookie.ts";
import { csrfField, errorSummary, FieldErrors, idOf, textArea } from "../ui/fields.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { noticeSubjectLink } from "./notice-subject.ts";
import { friendly } from "./form-values.ts";
import { CHANNEL_LABELS, label, RESOLUTION_LABELS, timingBadge } from "./labels.ts";

/** What each decision does, beside its choice, for each kind of change. */
const EFFECTS: Record<"sub_processor_change" | "terms_change", Record<string, string>> = {
  sub_processor_change: {
    overruled: "The change goes ahead for this agreement; give the reason, for the record.",
    withdrawn: "The customer withdrew the objection; the change goes ahead for this agreement.",
    alternative_offered: "The agreement is taken out of the change: the vendor will not serve it.",
    customer_terminated: "The customer terminates; the agreement is taken out of the change.",
  },
  terms_change: {
    withdrawn: "The customer withdrew the objection; the new terms apply to this agreement on their day.",
    alternative_offered: "The agreement is taken out of the change: it keeps its current terms.",
    customer_terminated: "The customer terminates; the agreement is taken out of the change.",
  },
};

interface Shown {
  form?: PostedForm;
  errors?: FieldErrors;
  status?: ContentfulStatusCode;
}

/** What an objection's timing means, for the kind of change it is against. */
function timingText(subject: "sub_processor_change" | "terms_change", onTime: boolean): string {
  if (!onTime) return "received after the window closed: kept and answered, but it does not stop the change by itself";
  return subject === "terms_change"
    ? "received within the window: the new terms will not apply to this agreement (its customer keeps its terms and may terminate) unless the objection is withdrawn or overruled"
    : "received within the window: it stops the change for this agreement until decided";
}

/** GET /admin/objections/:id: the objection as received, on time or late, and the DPO's decision (or the form to make it). */
export async function objectionPage(c: Context<AppEnv>, shown: Shown = {}): Promise<Response> {
  const ctx = c.get("ctx");
  const objection = await findObjection(ctx.store.db, c.req.param("id") ?? "");
  const view = await noticeView(ctx, objection.noticeId);
  const { notice } = view;
  const about = noticeSubjectLink(view);
  const errors = shown.errors ?? new FieldErrors();
  const decided = objection.resolution
    ? html`<h2>Decision</h2><dl class="facts"><dt>Decision</dt><dd>${label(RESOLUTION_LABELS, objection.resolution)}</dd>
<dt>Reason</dt><dd>${objection.resolutionReason ?? "—"}</dd><dt>Decided</dt><dd>${instant(objection.resolvedAt)} by ${objection.resolvedBy ?? "—"}</dd></dl>`
    : notice.status === "closed"
      ? html`<p class="warning">The notice is closed (${notice.outcomeReason ?? notice.outcome}); no decision can be recorded any more.</p>`
      : can(c.get("actor").role, "register:write")
        ? resolutionForm(c, objection.id, notice.subject, shown.form?.values ?? {}, errors)
        : html`<p>Awaiting a decision.</p>`;
  const body = html`${errorSummary(errors)}
<dl class="facts">
<dt>Change</dt><dd><a href="${about.href}">${about.title}</a></dd>
<dt>Customer</dt><dd>${view.customer.legalName}, agreement ${view.agreement.reference}</dd>
<dt>Notice</dt><dd><a href="/admin/notices/${seg(notice.id)}">Notice to ${view.customer.legalName}</a>, objections until ${endOfLastDay(notice)}</dd>
<dt>Received</dt><dd>${zonedTime(objection.receivedAt, notice.timeZone)} (${instant(objection.receivedAt)})</dd>
<dt>Timing</dt><dd>${timingBadge(objection.onTime)} ${timingText(notice.subject, objection.onTime)}</dd>
<dt>Channel</dt><dd>${label(CHANNEL_LABELS, objection.channel)}</dd>
<dt>Reference</dt><dd>${objection.id}</dd>
</dl>
<h2>Grounds</h2><pre>${objection.grounds}</pre>
${decided}`;
  return renderPage(c, {
    title: `Objection of ${view.customer.legalName}`,
    trail: [about.section, [about.href, about.name]],
    body,
    status: shown.status,
  });
}

function resolutionForm(
  c: Context<AppEnv>,
  id: string,
  subject: "sub_processor_change" | "terms_change",
  values: Record<string, string>,
  errors: FieldErrors,
): Html {
  // An objection in time to a change of the terms cannot be overruled (the customer was told its terms stay): not offered.
  const effects = EFFECTS[subject];
  const messages = errors.for("resolution");
  const chosen = values.resolution;
  return html`<h2>Decide</h2>
<form method="post" action="/admin/objections/${seg(id)}/resolution">${csrfField(c.get("session").csrfToken)}
<fieldset class="field${messages.length ? " has-error" : ""}" id="${idOf("resolution")}"><legend>Decision <span class="required">(required)</span></legend>
${messages.length ? html`<p class="error">${messages.join(" ")}</p>` : nothing}
${RESOLUTIONS.filter((r) => r in effects).map((r, i) => {
  const id = `${idOf("resolution")}-${i}`;
  return html`<div class="check"><input type="radio" id="${id}" name="resolution" value="${r}" aria-describedby="${id}-hint"${chosen === r ? html` checked` : nothing}><label for="${id}">${label(RESOLUTION_LABELS, r)}</label> <span class="hint" id="${id}-hint">${effects[r]}</span></div>`;
})}
</fieldset>
${textArea({ name: "reason", label: "Reason for the decision", value: values.reason, errors, rows: 3, hint: "Required when overruling; the customer may ask for it." })}
<div class="actions"><button type="submit">Record decision</button></div>
</form>`;
}

/** POST /admin/objections/:id/resolution */
export async function resolutionHandler(c: Context<AppEnv>): Promise<Response> {
  const form = await readForm(c);
  const id = c.req.param("id") ?? "";
  try {
    const resolved = await resolveObjection(c.get("ctx"), id, { resolution: form.text("resolution"), reason: form.text("reason") });
    setFlash(c, `Decision recorded: ${label(RESOLUTION_LABELS, resolved.resolution)}.`);
  } catch (error) {
    if (error instanceof AppError && error.code === "validation") {
      const issues = friendly(error.issues).map((i) =>
        i.path === "resolution" && /Invalid option/.test(i.message) ? { ...i, message: "Choose a decision." } : i,
      );
      return objectionPage(c, { form, errors: new FieldErrors(issues), status: 422 });
    }
    throw error;
  }
  return c.redirect(`/admin/objections/${seg(id)}`, 303);
}
