import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { aboutStatus, changeLine, dpoEmail, type NoticeView, OBJECTED_REASON, type Objection } from "../../core/changes/index.ts";
import { formatDate, pick, translate } from "../../core/kernel/i18n/localise.ts";
import type { Language } from "../../core/kernel/values/values.ts";
import { type FieldErrors, errorSummary, selectField, textArea, textField } from "../admin/ui/fields.ts";
import { type Html, html, nothing } from "../admin/ui/html.ts";
import { renderBarePage } from "../admin/ui/page.ts";
import { browserLanguage } from "../admin/ui/ui-language.ts";
import { daysLeft, endOfLastDay, zonedTime } from "./deadline-text.ts";

/**
 * The customer's pages behind a notice link, in the agreement's language
 * (the language of the notice e-mail). They show only what that e-mail
 * already told this customer: a change of sub-processors or of the terms.
 */

/** A bare page, kept out of search engines: the link is a capability, its page must never be indexed. */
export async function customerPage(
  c: Context,
  title: string,
  body: Html,
  status: ContentfulStatusCode = 200,
  lang: Language = "en",
): Promise<Response> {
  return renderBarePage(c, { title, body, status, lang, noindex: true });
}

/** A bad or expired link names no notice, so there is no agreement language to use: these two follow the browser's. */
export const refusedPage = (c: Context, status: 404 | 410): Promise<Response> => {
  const lang = browserLanguage(c.req.header("accept-language"));
  const t = (key: string) => translate(lang, `objection.${key}`);
  return status === 410
    ? customerPage(c, t("expired.title"), html`<p>${t("expired.body")}</p><p>${t("expired.help")}</p>`, 410, lang)
    : customerPage(c, t("invalid.title"), html`<p>${t("invalid.body")}</p>`, 404, lang);
};

/** The page's words: the catalogue's `objection.*` messages in the agreement's language. */
const wordsOf = (view: NoticeView) => {
  const lang = view.agreement.language;
  return (key: string, params: Record<string, string | number> = {}) => translate(lang, `objection.${key}`, params);
};

const subjectOf = (view: NoticeView) => view.notice.subject;
const isRequest = (view: NoticeView) => view.notice.kind === "authorisation_request";

function changeFacts(view: NoticeView): Html {
  const t = wordsOf(view);
  const lang = view.agreement.language;
  const common = html`<dt>${t("fact.agreement")}</dt><dd>${view.agreement.reference} (${view.customer.legalName})</dd>
<dt>${t("fact.noticeReference")}</dt><dd>${view.notice.id}</dd>`;
  if (view.about.type === "terms_change") {
    const change = view.about.change;
    return html`<h2>${t("change")}</h2>
<dl class="facts">
<dt>${t("fact.version")}</dt><dd>${change.version}</dd>
<dt>${t("fact.summary")}</dt><dd>${pick(change.summary, lang) ?? "—"}</dd>
<dt>${t("fact.effectiveOn")}</dt><dd>${formatDate(change.earliestEffective && change.earliestEffective > change.effectiveOn ? change.earliestEffective : change.effectiveOn, lang)}</dd>
${change.documents.length > 0 ? html`<dt>${t("fact.documents")}</dt><dd><ul>${change.documents.map((d) => html`<li><a href="${d.url}" rel="noopener noreferrer">${d.title}</a></li>`)}</ul></dd>` : nothing}
${common}
</dl>`;
  }
  const { facts } = view.about;
  return html`<h2>${t("change")}</h2>
<p>${changeLine(facts, lang)}</p>
<dl class="facts">
<dt>${t("fact.subProcessor")}</dt><dd>${facts.vendor.legalName}</dd>
<dt>${t("fact.service")}</dt><dd>${pick(facts.vendor.service, lang) ?? "—"}</dd>
<dt>${t("fact.activities")}</dt><dd>${facts.activityNames.map((n) => pick(n, lang)).join("; ") || "—"}</dd>
<dt>${t("fact.reason")}</dt><dd>${pick(facts.change.reason, lang) ?? "—"}</dd>
<dt>${t("fact.intendedStart")}</dt><dd>${formatDate(facts.change.intendedStart, lang)}</dd>
${common}
</dl>`;
}

function deadline(view: NoticeView, now: Date): Html {
  const t = wordsOf(view);
  const { notice } = view;
  const days = daysLeft(notice, now);
  const left =
    days === null
      ? html`<p class="warning">${isRequest(view) ? t("deadline.passedAnswer") : t(`deadline.passed.${subjectOf(view)}`)}</p>`
      : html`<p>${days === 0 ? t("daysLeft.zero") : days === 1 ? t("daysLeft.one") : t("daysLeft.other", { n: days })}</p>`;
  return html`<h2>${t("deadline")}</h2><p>${t(isRequest(view) ? "deadline.answer" : "deadline.object")} <strong>${endOfLastDay(notice, view.agreement.language)}</strong>.</p>${left}`;
}

function earlier(view: NoticeView, token: string): Html {
  if (view.objections.length === 0) return nothing;
  const t = wordsOf(view);
  return html`<h2>${t("earlier.title")}</h2>
<ul>${view.objections.map((o) => html`<li>${t("earlier.item", { id: o.id, receivedAt: zonedTime(o.receivedAt, view.notice.timeZone, view.agreement.language) })} ${timing(view, o)}</li>`)}</ul>
<p class="hint">${t("earlier.hint")} <a href="/object/${token}#object">${t("earlier.toForm")}</a>.</p>`;
}

const timing = (view: NoticeView, o: Objection): Html => {
  const t = wordsOf(view);
  return o.onTime ? html`<span class="badge ok">${t("onTime")}</span>` : html`<span class="badge late">${t("late")}</span>`;
};

export interface FormState {
  errors: FieldErrors;
  values: Record<string, string>;
}

function contactFields(view: NoticeView, state: FormState): Html {
  const t = wordsOf(view);
  const requiredText = t("required");
  return html`${textField({ name: "name", label: t("form.name"), value: state.values.name, errors: state.errors, required: true, requiredText, autocomplete: "name" })}
${textField({ name: "email", label: t("form.email"), type: "email", value: state.values.email, errors: state.errors, required: true, requiredText, autocomplete: "email", hint: t("form.emailHint") })}`;
}

function objectionForm(view: NoticeView, token: string, state: FormState): Html {
  const t = wordsOf(view);
  return html`<h2 id="object">${t("form.title")}</h2>
${errorSummary(state.errors, t("form.errors"))}
<form method="post" action="/object/${token}">
${textArea({ name: "grounds", label: t("form.grounds"), value: state.values.grounds, errors: state.errors, required: true, requiredText: t("required"), rows: 8, hint: t(`form.groundsHint.${subjectOf(view)}`) })}
${contactFields(view, state)}
<div class="actions"><button type="submit">${t("form.send")}</button></div>
</form>`;
}

function answerForm(view: NoticeView, token: string, state: FormState): Html {
  const t = wordsOf(view);
  const current = view.notice.authorisation;
  const at = zonedTime(view.notice.authorisationDecidedAt ?? view.notice.updatedAt, view.notice.timeZone, view.agreement.language);
  return html`<h2 id="object">${t("answer.title")}</h2>
${current === "granted" || current === "refused" ? html`<p>${t(`answer.current.${current}`, { at })}</p>` : nothing}
${errorSummary(state.errors, t("answer.errors"))}
<form method="post" action="/object/${token}">
${selectField({
  name: "decision",
  label: t("answer.label"),
  value: state.values.decision,
  errors: state.errors,
  required: true,
  requiredText: t("required"),
  blank: t("answer.choose"),
  choices: [
    { value: "granted", label: t("answer.granted") },
    { value: "refused", label: t("answer.refused") },
  ],
})}
${textArea({ name: "note", label: t("answer.note"), value: state.values.note, errors: state.errors, rows: 5 })}
${contactFields(view, state)}
<div class="actions"><button type="submit">${t("answer.send")}</button></div>
</form>`;
}

/** Why a closed notice takes no more answers, in the customer's terms. */
export function closedText(view: NoticeView): string {
  const t = wordsOf(view);
  const lang = view.agreement.language;
  const change = aboutStatus(view.about);
  const { notice } = view;
  const params = { processor: view.organisation.legalName, dpoEmail: dpoEmail(view.organisation) };
  if (change.status === "withdrawn")
    return t("closed.withdrawn", { ...params, date: formatDate(change.withdrawnAt ?? notice.updatedAt, lang) });
  if (notice.outcomeReason === OBJECTED_REASON) return t("closed.objected", params);
  if (notice.outcome === "applies") return t("closed.effective", { ...params, date: formatDate(notice.updatedAt, lang) });
  return t(`closed.excluded.${subjectOf(view)}`, params);
}

/** The title of the notice's page, by what it is about and what it asks. */
const pageTitle = (view: NoticeView) => wordsOf(view)(isRequest(view) ? "title.authorisation" : `title.${subjectOf(view)}`);

export function noticePage(
  c: Context,
  view: NoticeView,
  token: string,
  now: Date,
  state: FormState,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const t = wordsOf(view);
  const org = view.organisation.legalName;
  const open = view.notice.status === "open";
  const intro = t(isRequest(view) ? "intro.authorisation" : `intro.${subjectOf(view)}`, {
    processor: org,
    reference: view.agreement.reference,
    customer: view.customer.legalName,
  });
  return customerPage(
    c,
    pageTitle(view),
    html`<div class="narrow">
<p>${intro}</p>
${changeFacts(view)}
${open ? deadline(view, now) : html`<h2>${t("closed.title")}</h2><p class="warning">${closedText(view)}</p>`}
${earlier(view, token)}
${open ? (isRequest(view) ? answerForm(view, token, state) : objectionForm(view, token, state)) : nothing}
<p class="hint">${t("questions", { processor: org, dpoEmail: dpoEmail(view.organisation) })}</p>
</div>`,
    status,
    view.agreement.language,
  );
}

export function closedPage(c: Context, view: NoticeView): Promise<Response> {
  const t = wordsOf(view);
  return customerPage(
    c,
    t("closed.title"),
    html`<p class="warning">${closedText(view)}</p><p>${t("closed.nothingRecorded")}</p>`,
    409,
    view.agreement.language,
  );
}

export function objectionReceipt(c: Context, view: NoticeView, objection: Objection, token: string): Promise<Response> {
  const t = wordsOf(view);
  const lang = view.agreement.language;
  const { notice } = view;
  const subject = subjectOf(view);
  const end = endOfLastDay(notice, lang);
  return customerPage(
    c,
    t("receipt.title"),
    html`<div class="narrow">
<p class="flash" role="status">${t(`receipt.recorded.${subject}`, { reference: view.agreement.reference })}</p>
<dl class="facts">
<dt>${t("receipt.reference")}</dt><dd><strong>${objection.id}</strong></dd>
<dt>${t("receipt.received")}</dt><dd>${zonedTime(objection.receivedAt, notice.timeZone, lang)}</dd>
<dt>${t("receipt.timing")}</dt><dd>${timing(view, objection)}</dd>
</dl>
${objection.onTime ? html`<p>${t(`receipt.onTime.${subject}`, { end })}</p>` : html`<p class="warning">${t(`receipt.late.${subject}`, { end })}</p>`}
<p>${t("receipt.told", { processor: view.organisation.legalName, dpoEmail: dpoEmail(view.organisation) })}</p>
<p><a href="/object/${token}">${t("receipt.back")}</a></p>
</div>`,
    200,
    lang,
  );
}

export function answerReceipt(
  c: Context,
  view: NoticeView,
  decision: "granted" | "refused",
  receivedAt: string,
  token: string,
): Promise<Response> {
  const t = wordsOf(view);
  const lang = view.agreement.language;
  return customerPage(
    c,
    t("answerReceipt.title"),
    html`<div class="narrow">
<p class="flash" role="status">${t(`answerReceipt.${decision}`, { reference: view.agreement.reference })}</p>
<dl class="facts"><dt>${t("fact.noticeReference")}</dt><dd><strong>${view.notice.id}</strong></dd><dt>${t("receipt.received")}</dt><dd>${zonedTime(receivedAt, view.notice.timeZone, lang)}</dd></dl>
<p>${t("answerReceipt.told", { processor: view.organisation.legalName, dpoEmail: dpoEmail(view.organisation) })}</p>
<p><a href="/object/${token}">${t("receipt.back")}</a></p>
</div>`,
    200,
    lang,
  );
}
