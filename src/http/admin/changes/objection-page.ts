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
import { t, uiLanguage } from "../ui/ui-language.ts";
import { noticeSubjectLink } from "./notice-subject.ts";
import { friendly } from "./form-values.ts";
import { channelLabel, closingReason, outcomeWord, resolutionLabel, timingBadge } from "./labels.ts";

type Subject = "sub_processor_change" | "terms_change";

/**
 * The decisions offered for each kind of change; what each does is shown beside
 * its choice ("admin.changes.effect.<subject>.<decision>").
 */
const DECISIONS: Record<Subject, readonly string[]> = {
  sub_processor_change: ["overruled", "withdrawn", "alternative_offered", "customer_terminated"],
  terms_change: ["withdrawn", "alternative_offered", "customer_terminated"],
};

interface Shown {
  form?: PostedForm;
  errors?: FieldErrors;
  status?: ContentfulStatusCode;
}

/** What an objection's timing means, for the kind of change it is against. */
function timingText(subject: Subject, onTime: boolean): string {
  if (!onTime) return t("admin.changes.timing.lateMeaning");
  return subject === "terms_change" ? t("admin.changes.timing.onTimeMeaning.terms") : t("admin.changes.timing.onTimeMeaning.vendor");
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
    ? html`<h2>${t("admin.changes.fact.decision")}</h2><dl class="facts"><dt>${t("admin.changes.fact.decision")}</dt><dd>${resolutionLabel(objection.resolution)}</dd>
<dt>${t("admin.changes.fact.reason")}</dt><dd>${objection.resolutionReason ?? "—"}</dd><dt>${t("admin.changes.objection.decided")}</dt><dd>${t("admin.changes.objection.decidedBy", { at: instant(objection.resolvedAt), name: objection.resolvedBy ?? "—" })}</dd></dl>`
    : notice.status === "closed"
      ? html`<p class="warning">${t("admin.changes.objection.noticeClosed", { why: notice.outcomeReason ? closingReason(notice.outcomeReason) : outcomeWord(notice.outcome) })}</p>`
      : can(c.get("actor").role, "register:write")
        ? resolutionForm(c, objection.id, notice.subject, shown.form?.values ?? {}, errors)
        : html`<p>${t("admin.changes.objection.awaiting")}</p>`;
  const lang = uiLanguage();
  const body = html`${errorSummary(errors)}
<dl class="facts">
<dt>${t("admin.changes.fact.change")}</dt><dd><a href="${about.href}">${about.title}</a></dd>
<dt>${t("admin.changes.fact.customer")}</dt><dd>${t("admin.changes.objection.customer", { customer: view.customer.legalName, reference: view.agreement.reference })}</dd>
<dt>${t("admin.changes.objection.notice")}</dt><dd><a href="/admin/notices/${seg(notice.id)}">${t("admin.changes.objection.noticeTo", { customer: view.customer.legalName })}</a>, ${t("admin.changes.objection.objectionsUntil", { end: endOfLastDay(notice, lang) })}</dd>
<dt>${t("admin.changes.fact.received")}</dt><dd>${zonedTime(objection.receivedAt, notice.timeZone, lang)} (${instant(objection.receivedAt)})</dd>
<dt>${t("admin.changes.fact.timing")}</dt><dd>${timingBadge(objection.onTime)} ${timingText(notice.subject, objection.onTime)}</dd>
<dt>${t("admin.changes.fact.channel")}</dt><dd>${channelLabel(objection.channel)}</dd>
<dt>${t("admin.common.reference")}</dt><dd>${objection.id}</dd>
</dl>
<h2>${t("admin.changes.objection.grounds")}</h2><pre>${objection.grounds}</pre>
${decided}`;
  return renderPage(c, {
    title: t("admin.changes.objection.title", { customer: view.customer.legalName }),
    trail: [about.section, [about.href, about.name]],
    body,
    status: shown.status,
  });
}

function resolutionForm(c: Context<AppEnv>, id: string, subject: Subject, values: Record<string, string>, errors: FieldErrors): Html {
  // An objection in time to a change of the terms cannot be overruled (the customer was told its terms stay): not offered.
  const offered = DECISIONS[subject];
  const effectKey = subject === "terms_change" ? "terms" : "vendor";
  const messages = errors.for("resolution");
  const chosen = values.resolution;
  return html`<h2>${t("admin.changes.objection.decide")}</h2>
<form method="post" action="/admin/objections/${seg(id)}/resolution">${csrfField(c.get("session").csrfToken)}
<fieldset class="field${messages.length ? " has-error" : ""}" id="${idOf("resolution")}"><legend>${t("admin.changes.fact.decision")} <span class="required">${t("admin.common.required")}</span></legend>
${messages.length ? html`<p class="error">${messages.join(" ")}</p>` : nothing}
${RESOLUTIONS.filter((r) => offered.includes(r)).map((r, i) => {
  const id = `${idOf("resolution")}-${i}`;
  return html`<div class="check"><input type="radio" id="${id}" name="resolution" value="${r}" aria-describedby="${id}-hint"${chosen === r ? html` checked` : nothing}><label for="${id}">${resolutionLabel(r)}</label> <span class="hint" id="${id}-hint">${t(`admin.changes.effect.${effectKey}.${r}`)}</span></div>`;
})}
</fieldset>
${textArea({ name: "reason", label: t("admin.changes.objection.reason"), value: values.reason, errors, rows: 3, hint: t("admin.changes.objection.reasonHint") })}
<div class="actions"><button type="submit">${t("admin.changes.objection.record")}</button></div>
</form>`;
}

/** POST /admin/objections/:id/resolution */
export async function resolutionHandler(c: Context<AppEnv>): Promise<Response> {
  const form = await readForm(c);
  const id = c.req.param("id") ?? "";
  try {
    const resolved = await resolveObjection(c.get("ctx"), id, { resolution: form.text("resolution"), reason: form.text("reason") });
    setFlash(c, t("admin.changes.flash.decisionRecorded", { decision: resolutionLabel(resolved.resolution) }));
  } catch (error) {
    if (error instanceof AppError && error.code === "validation") {
      const issues = friendly(error.issues).map((i) =>
        i.path === "resolution" && /Invalid option/.test(i.message) ? { ...i, message: t("admin.changes.objection.chooseDecision") } : i,
      );
      return objectionPage(c, { form, errors: new FieldErrors(issues), status: 422 });
    }
    throw error;
  }
  return c.redirect(`/admin/objections/${seg(id)}`, 303);
}
