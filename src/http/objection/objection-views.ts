import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { formatDate, pick } from "../../core/kernel/i18n/localise.ts";
import { changeLine, dpoEmail, type NoticeView, type Objection } from "../../core/changes/index.ts";
import { type FieldErrors, errorSummary, selectField, textArea, textField } from "../admin/ui/fields.ts";
import { type Html, html, nothing } from "../admin/ui/html.ts";
import { renderBarePage } from "../admin/ui/page.ts";
import { daysLeft, endOfLastDay, zonedTime } from "./deadline-text.ts";

/**
 * The customer's pages behind a notice link. They show only what the notice
 * e-mail already told this customer, in English (the e-mails are in the
 * agreement's language; translating these pages is future work).
 */

/** A bare page, kept out of search engines: the link is a capability, its page must never be indexed. */
export async function customerPage(c: Context, title: string, body: Html, status: ContentfulStatusCode = 200): Promise<Response> {
  return renderBarePage(c, { title, body, status, lang: "en", noindex: true });
}

export const refusedPage = (c: Context, status: 404 | 410): Promise<Response> =>
  status === 410
    ? customerPage(
        c,
        "This link has expired",
        html`<p>This objection link is no longer valid: links stop working some time after the objection period ends.</p>
<p>If you still want to object or have a question, please write to the company that sent you the notice, quoting the notice reference from its e-mail.</p>`,
        410,
      )
    : customerPage(
        c,
        "Link not valid",
        html`<p>This link is not valid. Please check that you copied the whole link from the e-mail; if it was split over two lines, join them.</p>`,
        404,
      );

function changeFacts(view: NoticeView): Html {
  const { facts } = view;
  const change = facts.change;
  return html`<h2>The change</h2>
<p>${changeLine(facts, "en")}</p>
<dl class="facts">
<dt>Sub-processor</dt><dd>${facts.vendor.legalName}</dd>
<dt>What it does</dt><dd>${pick(facts.vendor.service, "en") ?? "—"}</dd>
<dt>Processing concerned</dt><dd>${facts.activityNames.map((n) => pick(n, "en")).join("; ") || "—"}</dd>
<dt>Reason</dt><dd>${pick(change.reason, "en") ?? "—"}</dd>
<dt>Intended start</dt><dd>${formatDate(change.intendedStart, "en")}</dd>
<dt>Your agreement</dt><dd>${view.agreement.reference} (${view.customer.legalName})</dd>
<dt>Notice reference</dt><dd>${view.notice.id}</dd>
</dl>`;
}

function deadline(view: NoticeView, now: Date): Html {
  const { notice } = view;
  const days = daysLeft(notice, now);
  const verb = notice.kind === "authorisation_request" ? "Please answer by" : "You may object until";
  const left =
    days === null
      ? notice.kind === "authorisation_request"
        ? html`<p class="warning">This date has passed. You can still answer below.</p>`
        : html`<p class="warning">The objection period has ended. You can still send an objection below: it will be recorded, marked <strong>late</strong>, and the data protection officer will still read it, but by itself it no longer stops the change.</p>`
      : html`<p>${days === 0 ? "Today is the last day." : days === 1 ? "1 day left." : `${days} days left.`}</p>`;
  return html`<h2>Deadline</h2><p>${verb} <strong>${endOfLastDay(notice)}</strong>.</p>${left}`;
}

function earlier(view: NoticeView, token: string): Html {
  if (view.objections.length === 0) return nothing;
  return html`<h2>Objections already sent through this link</h2>
<ul>${view.objections.map((o) => html`<li>Reference ${o.id}, received ${zonedTime(o.receivedAt, view.notice.timeZone)}, ${timing(o)}</li>`)}</ul>
<p class="hint">You may send another one below, for example to add to your reasons. <a href="/object/${token}#object">Go to the form</a>.</p>`;
}

const timing = (o: Objection): Html =>
  o.onTime ? html`<span class="badge ok">on time</span>` : html`<span class="badge late">LATE</span>`;

export interface FormState {
  errors: FieldErrors;
  values: Record<string, string>;
}

function contactFields(state: FormState): Html {
  return html`${textField({ name: "name", label: "Your name", value: state.values.name, errors: state.errors, required: true, autocomplete: "name" })}
${textField({ name: "email", label: "Your e-mail address", type: "email", value: state.values.email, errors: state.errors, required: true, autocomplete: "email", hint: "The receipt is shown on the next page; the data protection officer may answer you at this address." })}`;
}

function objectionForm(token: string, state: FormState): Html {
  return html`<h2 id="object">Object to this change</h2>
${errorSummary(state.errors, "Your objection was not sent. Please correct the fields below.")}
<form method="post" action="/object/${token}">
${textArea({ name: "grounds", label: "Your reasons for objecting", value: state.values.grounds, errors: state.errors, required: true, rows: 8, hint: "The agreement allows objections on reasonable grounds: please say why this change is a problem for you." })}
${contactFields(state)}
<div class="actions"><button type="submit">Send objection</button></div>
</form>`;
}

function answerForm(view: NoticeView, token: string, state: FormState): Html {
  const current = view.notice.authorisation;
  return html`<h2 id="object">Your answer</h2>
${current === "granted" || current === "refused" ? html`<p>You ${current === "granted" ? "authorised" : "refused"} this change (received ${zonedTime(view.notice.authorisationDecidedAt ?? view.notice.updatedAt, view.notice.timeZone)}). You may change your answer below.</p>` : nothing}
${errorSummary(state.errors, "Your answer was not sent. Please correct the fields below.")}
<form method="post" action="/object/${token}">
${selectField({
  name: "decision",
  label: "Your answer",
  value: state.values.decision,
  errors: state.errors,
  required: true,
  blank: "Choose…",
  choices: [
    { value: "granted", label: "I authorise this change" },
    { value: "refused", label: "I refuse this change" },
  ],
})}
${textArea({ name: "note", label: "Comments (optional)", value: state.values.note, errors: state.errors, rows: 5 })}
${contactFields(state)}
<div class="actions"><button type="submit">Send answer</button></div>
</form>`;
}

/** Why a closed notice takes no more answers, in the customer's terms. */
export function closedText(view: NoticeView): string {
  const change = view.facts.change;
  if (change.status === "withdrawn")
    return `${view.facts.organisation.legalName} withdrew this change on ${formatDate(change.withdrawnAt ?? view.notice.updatedAt, "en")}: it will not happen, so there is nothing left to object to.`;
  if (change.status === "effective")
    return `This change took effect on ${formatDate(change.effectiveAt ?? view.notice.updatedAt, "en")}; this notice no longer takes objections. For questions, write to ${dpoEmail(view.facts.organisation)}.`;
  return "Your agreement was taken out of this change: it does not apply to your data, so there is nothing left to object to.";
}

export function noticePage(
  c: Context,
  view: NoticeView,
  token: string,
  now: Date,
  state: FormState,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const request = view.notice.kind === "authorisation_request";
  const org = view.facts.organisation.legalName;
  const open = view.notice.status === "open";
  return customerPage(
    c,
    request ? "Your authorisation for a change of sub-processors" : "Object to a change of sub-processors",
    html`<div class="narrow">
<p>${org} ${request ? "asks your authorisation for" : "has told you of"} an intended change to the sub-processors it uses for data processing agreement ${view.agreement.reference} with ${view.customer.legalName}.</p>
${changeFacts(view)}
${open ? deadline(view, now) : html`<h2>This notice is closed</h2><p class="warning">${closedText(view)}</p>`}
${earlier(view, token)}
${open ? (request ? answerForm(view, token, state) : objectionForm(token, state)) : nothing}
<p class="hint">Questions? Write to ${org}'s data protection officer at ${dpoEmail(view.facts.organisation)}.</p>
</div>`,
    status,
  );
}

export function closedPage(c: Context, view: NoticeView): Promise<Response> {
  return customerPage(c, "This notice is closed", html`<p class="warning">${closedText(view)}</p><p>Nothing was recorded.</p>`, 409);
}

export function objectionReceipt(c: Context, view: NoticeView, objection: Objection, token: string): Promise<Response> {
  const { notice } = view;
  return customerPage(
    c,
    "Objection received",
    html`<div class="narrow">
<p class="flash" role="status">Your objection to the change of sub-processors under agreement ${view.agreement.reference} has been recorded.</p>
<dl class="facts">
<dt>Receipt reference</dt><dd><strong>${objection.id}</strong></dd>
<dt>Received</dt><dd>${zonedTime(objection.receivedAt, notice.timeZone)}</dd>
<dt>Timing</dt><dd>${timing(objection)}</dd>
</dl>
${
  objection.onTime
    ? html`<p>It reached us before ${endOfLastDay(notice)}, within the objection period: the change will not apply to your agreement until the data protection officer has decided on it.</p>`
    : html`<p class="warning">It reached us after the objection period ended (${endOfLastDay(notice)}), so it is marked <strong>LATE</strong>. It is kept on record and the data protection officer will still consider it, but by itself it does not stop the change.</p>`
}
<p>${view.facts.organisation.legalName}'s data protection officer (${dpoEmail(view.facts.organisation)}) has been told and will answer you. Please keep the reference above.</p>
<p><a href="/object/${token}">Back to the notice</a></p>
</div>`,
  );
}

export function answerReceipt(
  c: Context,
  view: NoticeView,
  decision: "granted" | "refused",
  receivedAt: string,
  token: string,
): Promise<Response> {
  return customerPage(
    c,
    "Answer received",
    html`<div class="narrow">
<p class="flash" role="status">Your answer has been recorded: you ${decision === "granted" ? "authorised" : "refused"} the change of sub-processors under agreement ${view.agreement.reference}.</p>
<dl class="facts"><dt>Notice reference</dt><dd><strong>${view.notice.id}</strong></dd><dt>Received</dt><dd>${zonedTime(receivedAt, view.notice.timeZone)}</dd></dl>
<p>${view.facts.organisation.legalName}'s data protection officer (${dpoEmail(view.facts.organisation)}) has been told.</p>
<p><a href="/object/${token}">Back to the notice</a></p>
</div>`,
  );
}
