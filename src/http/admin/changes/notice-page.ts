import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import {
  decideAuthorisation,
  excludeAgreement,
  existingObjectionLinks,
  noticeView,
  type NoticeView,
  recordObjection,
} from "../../../core/changes/index.ts";
import { AppError } from "../../../core/kernel/errors.ts";
import { can } from "../../../core/kernel/roles.ts";
import type { AppEnv, AppWiring } from "../../env.ts";
import { type PostedForm, readForm } from "../../forms/form-reader.ts";
import { daysLeftText, endOfLastDay } from "../../objection/deadline-text.ts";
import { withPublicBaseUrl } from "../../objection/link-context.ts";
import { setFlash } from "../session-cookie.ts";
import { csrfField, errorSummary, FieldErrors, selectField, textArea, textField } from "../ui/fields.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { noticeSubjectLink } from "./notice-subject.ts";
import { prefixed, zonedInstant } from "./form-values.ts";
import {
  AUTHORISATION_LABELS,
  CHANNEL_LABELS,
  label,
  NOTICE_KIND_LABELS,
  OUTCOME_LABELS,
  RESOLUTION_LABELS,
  timingBadge,
} from "./labels.ts";
import { LANGUAGE_NAMES } from "../register/forms/form-spec.ts";
import { formatDate } from "../../../core/kernel/i18n/localise.ts";

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * One customer's notice of a change: its deadline, its objections, and the
 * DPO's forms for what arrives outside the link (an objection by e-mail or
 * letter, an option-1 answer) and for taking the agreement out of the change.
 * Each form's fields carry its name as prefix ("exclusion.note"), so issues
 * land in the right form.
 */
interface Shown {
  form?: PostedForm;
  errors?: FieldErrors;
  status?: ContentfulStatusCode;
}

export function noticePageHandler(deps: AppWiring) {
  return (c: Context<AppEnv>) => noticePage(c, deps);
}

async function noticePage(c: Context<AppEnv>, deps: AppWiring, shown: Shown = {}): Promise<Response> {
  const ctx = c.get("ctx");
  const view = await noticeView(ctx, c.req.param("id") ?? "");
  const { notice } = view;
  const about = noticeSubjectLink(view);
  const mayDecide = can(c.get("actor").role, "register:write");
  const links = mayDecide ? await existingObjectionLinks(withPublicBaseUrl(c, deps.publicBaseUrl)) : null;
  const link = links ? links.url(notice) : null;
  const errors = shown.errors ?? new FieldErrors();
  const values = shown.form?.values ?? {};
  const body = html`${errorSummary(errors)}
<dl class="facts">
<dt>Change</dt><dd><a href="${about.href}">${about.title}</a></dd>
<dt>Customer</dt><dd><a href="/admin/customers/${seg(view.customer.id)}">${view.customer.legalName}</a></dd>
<dt>Agreement</dt><dd><a href="/admin/agreements/${seg(view.agreement.id)}">${view.agreement.reference}</a> (notices in ${LANGUAGE_NAMES[view.agreement.language]})</dd>
<dt>Kind</dt><dd>${label(NOTICE_KIND_LABELS, notice.kind)}</dd>
<dt>Notice date</dt><dd>${formatDate(notice.noticeDate, "en")}</dd>
<dt>Deadline</dt><dd><time datetime="${notice.closesAt}" title="Closes ${instant(notice.closesAt)}">${capitalise(endOfLastDay(notice))}</time></dd>
<dt>Days left</dt><dd>${notice.status === "open" ? daysLeftText(notice, ctx.clock.now()) : "—"}</dd>
<dt>Status</dt><dd>${notice.status === "open" ? "Open" : `Closed: ${label(OUTCOME_LABELS, notice.outcome)}${notice.outcomeReason ? ` (${notice.outcomeReason.replace(/_/g, " ")})` : ""}`}</dd>
${notice.authorisation ? html`<dt>Authorisation</dt><dd>${label(AUTHORISATION_LABELS, notice.authorisation)}${notice.authorisationDecidedAt ? `, ${instant(notice.authorisationDecidedAt)}` : ""}</dd>` : nothing}
${link ? html`<dt>Customer's link</dt><dd><a href="${link}">Customer's objection page for this notice</a> <span class="hint">(the link in the notice e-mail; it lets its holder object without an account)</span></dd>` : nothing}
</dl>
<h2>Objections</h2>${objectionList(view)}
${mayDecide && notice.status === "open" ? forms(c, view, values, errors) : nothing}`;
  return renderPage(c, {
    title: `Notice to ${view.customer.legalName} (${view.agreement.reference})`,
    trail: [about.section, [about.href, about.name]],
    body,
    status: shown.status,
  });
}

function objectionList(view: NoticeView): Html {
  if (view.objections.length === 0) return html`<p>None received.</p>`;
  return html`<ul>${view.objections.map(
    (o) =>
      html`<li><a href="/admin/objections/${seg(o.id)}">Objection received ${instant(o.receivedAt)}</a> ${timingBadge(o.onTime)} by ${label(CHANNEL_LABELS, o.channel)}: ${o.resolution ? label(RESOLUTION_LABELS, o.resolution) : "awaiting a decision"}</li>`,
  )}</ul>`;
}

function forms(c: Context<AppEnv>, view: NoticeView, v: Record<string, string>, e: FieldErrors): Html {
  const csrf = c.get("session").csrfToken;
  const base = `/admin/notices/${seg(view.notice.id)}`;
  const zone = view.notice.timeZone;
  const received = (prefix: string) =>
    textField({
      name: `${prefix}.receivedAt`,
      label: `Received at (${zone} time)`,
      type: "datetime-local",
      value: v[`${prefix}.receivedAt`],
      errors: e,
      hint: "Leave empty for now.",
    });
  const answer =
    view.notice.kind === "authorisation_request"
      ? html`<h2>Record the customer's answer</h2><form method="post" action="${base}/authorisation">${csrfField(csrf)}
${selectField({
  name: "authorisation.decision",
  label: "Customer's answer",
  value: v["authorisation.decision"],
  blank: "Choose…",
  choices: [
    { value: "granted", label: "Granted" },
    { value: "refused", label: "Refused" },
  ],
  errors: e,
  required: true,
})}
${received("authorisation")}
${textArea({ name: "authorisation.note", label: "Note on the answer", value: v["authorisation.note"], errors: e, rows: 2 })}
<div class="actions"><button type="submit">Record answer</button></div></form>`
      : html`<h2>Record an objection received by e-mail or letter</h2><form method="post" action="${base}/objections">${csrfField(csrf)}
${textArea({ name: "objection.grounds", label: "Grounds, as received", value: v["objection.grounds"], errors: e, rows: 4, required: true })}
${received("objection")}
${selectField({
  name: "objection.channel",
  label: "Received by",
  value: v["objection.channel"] ?? "email",
  choices: [
    { value: "email", label: "E-mail" },
    { value: "letter", label: "Letter" },
  ],
  errors: e,
})}
<div class="actions"><button type="submit">Record objection</button></div></form>`;
  return html`${answer}
<h2>Take this agreement out of the change</h2>
<form method="post" action="${base}/exclusion" data-confirm="${view.notice.subject === "terms_change" ? "Take this agreement out of the change? It keeps its current terms." : "Take this agreement out of the change? The vendor will not serve it."}">${csrfField(csrf)}
${selectField({
  name: "exclusion.reason",
  label: "Why",
  value: v["exclusion.reason"],
  blank: "Choose…",
  choices: [
    { value: "alternative_offered", label: "An alternative was offered" },
    { value: "customer_terminated", label: "The customer terminates" },
  ],
  errors: e,
  required: true,
})}
${textArea({ name: "exclusion.note", label: "Details", value: v["exclusion.note"], errors: e, rows: 2, hint: "Required for an alternative: describe it." })}
<div class="actions"><button type="submit" class="danger">Take out of the change</button></div></form>`;
}

type Action = (c: Context<AppEnv>, noticeId: string, form: PostedForm, zone: string) => Promise<string>;

/** A notice form's POST: the use case, then back to the notice with a message; its issues shown beside its fields (422). */
function noticeAction(deps: AppWiring, prefix: string, act: Action) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const form = await readForm(c);
    const id = c.req.param("id") ?? "";
    const view = await noticeView(c.get("ctx"), id);
    try {
      setFlash(c, await act(c, id, form, view.notice.timeZone));
    } catch (error) {
      if (error instanceof AppError && error.code === "validation")
        return noticePage(c, deps, { form, errors: new FieldErrors(prefixed(prefix, error.issues)), status: 422 });
      throw error;
    }
    return c.redirect(`/admin/notices/${seg(id)}`, 303);
  };
}

export const recordObjectionHandler = (deps: AppWiring) =>
  noticeAction(deps, "objection", async (c, id, form, zone) => {
    const objection = await recordObjection(c.get("ctx"), id, {
      grounds: form.value("objection.grounds"),
      channel: form.text("objection.channel") ?? "email",
      receivedAt: zonedInstant(form.text("objection.receivedAt"), zone),
    });
    return `Objection recorded${objection.onTime ? "" : " (LATE: received after the window closed)"}.`;
  });

export const authorisationHandler = (deps: AppWiring) =>
  noticeAction(deps, "authorisation", async (c, id, form, zone) => {
    const notice = await decideAuthorisation(c.get("ctx"), id, {
      decision: form.text("authorisation.decision"),
      receivedAt: zonedInstant(form.text("authorisation.receivedAt"), zone),
      note: form.text("authorisation.note"),
    });
    return `Answer recorded: ${notice.authorisation}.`;
  });

export const exclusionHandler = (deps: AppWiring) =>
  noticeAction(deps, "exclusion", async (c, id, form) => {
    const reason = form.text("exclusion.reason");
    if (reason !== "alternative_offered" && reason !== "customer_terminated") {
      throw new AppError("validation", "Choose why.", [{ path: "reason", message: "Choose why the agreement is taken out." }]);
    }
    await excludeAgreement(c.get("ctx"), id, reason, form.text("exclusion.note") ?? null);
    return "The agreement was taken out of the change.";
  });
