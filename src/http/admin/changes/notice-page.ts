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
import { daysLeft, endOfLastDay } from "../../objection/deadline-text.ts";
import { withPublicBaseUrl } from "../../objection/link-context.ts";
import { setFlash } from "../session-cookie.ts";
import { csrfField, errorSummary, FieldErrors, selectField, textArea, textField } from "../ui/fields.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { t, uiDate, uiLanguage } from "../ui/ui-language.ts";
import { noticeSubjectLink } from "./notice-subject.ts";
import { prefixed, zonedInstant } from "./form-values.ts";
import {
  authorisationLabel,
  authorisationWord,
  channelLabel,
  closingReason,
  daysLeftWords,
  noticeKindLabel,
  outcomeLabel,
  resolutionLabel,
  timingBadge,
} from "./labels.ts";

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
  const status =
    notice.status === "open"
      ? t("admin.changes.notice.open")
      : notice.outcomeReason
        ? t("admin.changes.notice.closedAsWhy", { outcome: outcomeLabel(notice.outcome), reason: closingReason(notice.outcomeReason) })
        : t("admin.changes.notice.closedAs", { outcome: outcomeLabel(notice.outcome) });
  const body = html`${errorSummary(errors)}
<dl class="facts">
<dt>${t("admin.changes.fact.change")}</dt><dd><a href="${about.href}">${about.title}</a></dd>
<dt>${t("admin.changes.fact.customer")}</dt><dd><a href="/admin/customers/${seg(view.customer.id)}">${view.customer.legalName}</a></dd>
<dt>${t("admin.changes.fact.agreement")}</dt><dd><a href="/admin/agreements/${seg(view.agreement.id)}">${view.agreement.reference}</a> ${t("admin.changes.notice.language", { language: t(`admin.changes.language.${view.agreement.language}`) })}</dd>
<dt>${t("admin.changes.fact.kind")}</dt><dd>${noticeKindLabel(notice.kind)}</dd>
<dt>${t("admin.changes.notice.date")}</dt><dd>${uiDate(notice.noticeDate)}</dd>
<dt>${t("admin.changes.notice.deadline")}</dt><dd><time datetime="${notice.closesAt}" title="${t("admin.changes.notice.closesAt", { at: instant(notice.closesAt) })}">${capitalise(endOfLastDay(notice, uiLanguage()))}</time></dd>
<dt>${t("admin.changes.daysLeft")}</dt><dd>${notice.status === "open" ? daysLeftWords(daysLeft(notice, ctx.clock.now())) : "—"}</dd>
<dt>${t("admin.common.status")}</dt><dd>${status}</dd>
${notice.authorisation ? html`<dt>${t("admin.changes.notice.authorisation")}</dt><dd>${authorisationLabel(notice.authorisation)}${notice.authorisationDecidedAt ? `, ${instant(notice.authorisationDecidedAt)}` : ""}</dd>` : nothing}
${link ? html`<dt>${t("admin.changes.notice.link")}</dt><dd><a href="${link}">${t("admin.changes.notice.linkText")}</a> <span class="hint">${t("admin.changes.notice.linkHint")}</span></dd>` : nothing}
</dl>
<h2>${t("admin.changes.objections")}</h2>${objectionList(view)}
${mayDecide && notice.status === "open" ? forms(c, view, values, errors) : nothing}`;
  return renderPage(c, {
    title: t("admin.changes.notice.title", { customer: view.customer.legalName, reference: view.agreement.reference }),
    trail: [about.section, [about.href, about.name]],
    body,
    status: shown.status,
  });
}

function objectionList(view: NoticeView): Html {
  if (view.objections.length === 0) return html`<p>${t("admin.changes.notice.noObjection")}</p>`;
  return html`<ul>${view.objections.map(
    (o) =>
      html`<li><a href="/admin/objections/${seg(o.id)}">${t("admin.changes.notice.objectionReceived", { at: instant(o.receivedAt) })}</a> ${timingBadge(o.onTime)} ${t("admin.changes.notice.objectionBy", { channel: channelLabel(o.channel), decision: o.resolution ? resolutionLabel(o.resolution) : t("admin.changes.notice.awaitingDecision") })}</li>`,
  )}</ul>`;
}

function forms(c: Context<AppEnv>, view: NoticeView, v: Record<string, string>, e: FieldErrors): Html {
  const csrf = c.get("session").csrfToken;
  const base = `/admin/notices/${seg(view.notice.id)}`;
  const zone = view.notice.timeZone;
  const received = (prefix: string) =>
    textField({
      name: `${prefix}.receivedAt`,
      label: t("admin.changes.form.receivedAt", { zone }),
      type: "datetime-local",
      value: v[`${prefix}.receivedAt`],
      errors: e,
      hint: t("admin.changes.form.receivedAtHint"),
    });
  const answer =
    view.notice.kind === "authorisation_request"
      ? html`<h2>${t("admin.changes.answer.title")}</h2><form method="post" action="${base}/authorisation">${csrfField(csrf)}
${selectField({
  name: "authorisation.decision",
  label: t("admin.changes.answer.label"),
  value: v["authorisation.decision"],
  blank: t("admin.changes.choose"),
  choices: [
    { value: "granted", label: authorisationLabel("granted") },
    { value: "refused", label: authorisationLabel("refused") },
  ],
  errors: e,
  required: true,
})}
${received("authorisation")}
${textArea({ name: "authorisation.note", label: t("admin.changes.answer.note"), value: v["authorisation.note"], errors: e, rows: 2 })}
<div class="actions"><button type="submit">${t("admin.changes.answer.record")}</button></div></form>`
      : html`<h2>${t("admin.changes.record.title")}</h2><form method="post" action="${base}/objections">${csrfField(csrf)}
${textArea({ name: "objection.grounds", label: t("admin.changes.record.grounds"), value: v["objection.grounds"], errors: e, rows: 4, required: true })}
${received("objection")}
${selectField({
  name: "objection.channel",
  label: t("admin.changes.record.channel"),
  value: v["objection.channel"] ?? "email",
  choices: [
    { value: "email", label: channelLabel("email") },
    { value: "letter", label: channelLabel("letter") },
  ],
  errors: e,
})}
<div class="actions"><button type="submit">${t("admin.changes.record.button")}</button></div></form>`;
  const confirm =
    view.notice.subject === "terms_change" ? "admin.changes.exclusion.confirm.terms" : "admin.changes.exclusion.confirm.vendor";
  return html`${answer}
<h2>${t("admin.changes.exclusion.title")}</h2>
<form method="post" action="${base}/exclusion" data-confirm="${t(confirm)}">${csrfField(csrf)}
${selectField({
  name: "exclusion.reason",
  label: t("admin.changes.exclusion.why"),
  value: v["exclusion.reason"],
  blank: t("admin.changes.choose"),
  choices: [
    { value: "alternative_offered", label: t("admin.changes.exclusion.alternative_offered") },
    { value: "customer_terminated", label: t("admin.changes.exclusion.customer_terminated") },
  ],
  errors: e,
  required: true,
})}
${textArea({ name: "exclusion.note", label: t("admin.changes.exclusion.details"), value: v["exclusion.note"], errors: e, rows: 2, hint: t("admin.changes.exclusion.detailsHint") })}
<div class="actions"><button type="submit" class="danger">${t("admin.changes.exclusion.button")}</button></div></form>`;
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
    return t(objection.onTime ? "admin.changes.flash.objectionRecorded" : "admin.changes.flash.lateObjectionRecorded");
  });

export const authorisationHandler = (deps: AppWiring) =>
  noticeAction(deps, "authorisation", async (c, id, form, zone) => {
    const notice = await decideAuthorisation(c.get("ctx"), id, {
      decision: form.text("authorisation.decision"),
      receivedAt: zonedInstant(form.text("authorisation.receivedAt"), zone),
      note: form.text("authorisation.note"),
    });
    return t("admin.changes.flash.answerRecorded", { answer: authorisationWord(notice.authorisation) });
  });

export const exclusionHandler = (deps: AppWiring) =>
  noticeAction(deps, "exclusion", async (c, id, form) => {
    const reason = form.text("exclusion.reason");
    if (reason !== "alternative_offered" && reason !== "customer_terminated") {
      throw new AppError("validation", t("admin.changes.exclusion.chooseWhy"), [
        { path: "reason", message: t("admin.changes.exclusion.chooseWhyField") },
      ]);
    }
    await excludeAgreement(c.get("ctx"), id, reason, form.text("exclusion.note") ?? null);
    return t("admin.changes.flash.excluded");
  });
