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
  type ObligationStatus,
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
import { t, uiDate, uiLanguage } from "../ui/ui-language.ts";
import { dutyTable } from "./duty-table.ts";
import { dutyLabel, statusBadge, statusWord } from "./obligation-labels.ts";

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
    return period
      ? [html`<li>${t("admin.obligations.terminate.starts", { duty: dutyLabel(kind), period: formatPeriod(period, uiLanguage()) })}</li>`]
      : [];
  });
  const base = `/admin/agreements/${seg(agreement.id)}`;
  const body = html`${errorSummary(errors)}
<p>${t("admin.obligations.terminate.intro", {
    reference: agreement.reference,
    status: t(`admin.obligations.agreementStatus.${agreement.status}`),
    country: agreement.governingCountry,
    timeZone: agreement.timeZone,
  })}</p>
${starts.length ? html`<ul>${starts}</ul>` : html`<p>${t("admin.obligations.terminate.noClock")}</p>`}
<form method="post" action="${base}/terminate">${csrfField(c.get("session").csrfToken)}
${textField({ name: "endedOn", label: t("admin.obligations.terminate.endedOn"), type: "date", value: values.endedOn, errors, required: true, hint: t("admin.obligations.terminate.endedOn.hint") })}
${textArea({ name: "reason", label: t("admin.obligations.terminate.reason"), value: values.reason, errors, rows: 2, hint: t("admin.obligations.terminate.reason.hint") })}
${textField({ name: "owner", label: t("admin.obligations.terminate.owner"), value: values.owner, errors, hint: t("admin.obligations.terminate.owner.hint") })}
<div class="actions"><button type="submit" class="danger">${t("admin.obligations.terminate.submit")}</button> <a href="${base}">${t("admin.common.cancel")}</a></div>
</form>`;
  return renderPage(c, {
    title: t("admin.obligations.terminate.title", { reference: agreement.reference }),
    trail: [
      ["/admin/agreements", t("admin.common.nav.agreements")],
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
    const started = {
      reference: agreement.reference,
      date: agreement.endedOn ? uiDate(agreement.endedOn) : "—",
      count: obligations.length,
    };
    setFlash(c, t(`admin.obligations.terminate.flash.${obligations.length === 1 ? "one" : "other"}`, started));
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
  const links = OBLIGATION_STATUSES.map((s) => html` · <a href="/admin/obligations?status=${s}">${statusWord(s)}</a>`);
  const filters = html`<p>${t("admin.obligations.list.show")} ${[html`<a href="/admin/obligations">${t("admin.obligations.filter.all")}</a>`, ...links]}</p>`;
  const body = html`${filters}${duties.length === 0 ? html`<p>${noDuty(chosen)}</p>` : dutyTable(duties, { withAgreement: true })}`;
  const title = chosen ? t("admin.obligations.list.titleStatus", { status: statusWord(chosen) }) : t("admin.common.nav.obligations");
  return renderPage(c, { title, body });
}

/** The empty list's sentence: one per status, since the status word agrees with "duty" differently in each language. */
const noDuty = (chosen: ObligationStatus | undefined): string =>
  t(chosen ? `admin.obligations.list.empty.${chosen}` : "admin.obligations.list.empty");

const order = (d: Obligation) => ["overdue", "open", "done", "waived"].indexOf(d.status);

/**
 * Why a last day moved: the clock code records the weekend day in English, which is
 * translated here; a public holiday's name comes as the holiday calendar gives it.
 */
function movedReason(because: string | null): string {
  if (because === "Saturday" || because === "Sunday") return t(`admin.obligations.duty.movedBecause.${because}`);
  return because ?? "";
}

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
      ? html`<h2>${t("admin.obligations.duty.done.title")}</h2><dl class="facts"><dt>${t("admin.obligations.duty.doneAt")}</dt><dd>${instant(duty.doneAt)} ${duty.onTime ? t("admin.obligations.duty.onTime") : html`<span class="badge warn">${t("admin.obligations.duty.late")}</span>`}</dd>
<dt>${t("admin.obligations.duty.evidence")}</dt><dd>${duty.evidence?.reference} (${duty.evidence?.date ? uiDate(duty.evidence.date) : ""})${duty.evidence?.note ? html`<br>${duty.evidence.note}` : nothing}</dd><dt>${t("admin.obligations.duty.recordedBy")}</dt><dd>${duty.closedBy}</dd></dl>`
      : duty.status === "waived"
        ? html`<h2>${t("admin.obligations.duty.waived.title")}</h2><dl class="facts"><dt>${t("admin.obligations.duty.waiverReason")}</dt><dd>${duty.waiverReason}</dd><dt>${t("admin.obligations.duty.recordedBy")}</dt><dd>${duty.closedBy}</dd></dl>`
        : nothing;
  const forms =
    open && mayWrite
      ? html`<h2>${t("admin.obligations.completion.title")}</h2>
<form method="post" action="${action("completion")}">${csrf}
${textField({ name: "completion.evidence.reference", label: t("admin.obligations.duty.evidence"), value: values["completion.evidence.reference"], errors, required: true, hint: t("admin.obligations.completion.evidence.hint") })}
${textField({ name: "completion.evidence.date", label: t("admin.obligations.completion.date"), type: "date", value: values["completion.evidence.date"], errors, hint: t("admin.obligations.completion.date.hint") })}
${textField({ name: "completion.doneAt", label: t("admin.obligations.completion.doneAt"), type: "datetime-local", value: values["completion.doneAt"], errors, hint: t("admin.obligations.completion.doneAt.hint", { timeZone: duty.timeZone }) })}
${textArea({ name: "completion.evidence.note", label: t("admin.obligations.completion.note"), value: values["completion.evidence.note"], errors, rows: 2 })}
<div class="actions"><button type="submit">${t("admin.obligations.completion.submit")}</button></div></form>
<h2>${t("admin.obligations.waiver.title")}</h2>
<form method="post" action="${action("waiver")}">${csrf}
${textArea({ name: "waiver.reason", label: t("admin.obligations.waiver.reason"), value: values["waiver.reason"], errors, rows: 2, required: true })}
<div class="actions"><button type="submit" class="danger">${t("admin.obligations.waiver.submit")}</button></div></form>
<h2>${t("admin.obligations.duty.responsible")}</h2>
<form method="post" action="${action("owner")}">${csrf}
${textField({ name: "owner.owner", label: t("admin.obligations.duty.responsible"), value: values["owner.owner"] ?? duty.owner ?? "", errors, hint: t("admin.obligations.owner.hint") })}
<div class="actions"><button type="submit">${t("admin.common.save")}</button></div></form>`
      : nothing;
  const body = html`${errorSummary(errors)}
<dl class="facts">
<dt>${t("admin.obligations.duty.agreement")}</dt><dd><a href="/admin/agreements/${seg(agreement.id)}">${agreement.reference}</a>${t("admin.obligations.duty.endedOn", { date: uiDate(duty.triggerDate) })}</dd>
<dt>${t("admin.common.status")}</dt><dd>${statusBadge(duty.status, duty.onTime)}</dd>
<dt>${t("admin.obligations.duty.lastDay")}</dt><dd>${t("admin.obligations.duty.lastDay.value", { date: uiDate(duty.lastDay), timeZone: duty.timeZone, instant: instant(duty.dueAt) })}${duty.movedFrom ? html`<br><span class="hint">${t("admin.obligations.duty.movedFrom", { date: uiDate(duty.movedFrom), reason: movedReason(duty.movedBecause) })}</span>` : nothing}</dd>
<dt>${t("admin.obligations.duty.counted")}</dt><dd>${t("admin.obligations.duty.counted.value", { period: formatPeriod(duty.period, uiLanguage()), country: duty.governingCountry })}</dd>
<dt>${t("admin.obligations.duty.responsible")}</dt><dd>${duty.owner ?? t("admin.obligations.notNamed")}</dd>
<dt>${t("admin.common.reference")}</dt><dd><code>${duty.id}</code></dd>
</dl>
${closed}${forms}
${can(c.get("actor").role, "audit:read") ? html`<p><a href="/admin/audit?entityType=obligation&amp;entityId=${seg(duty.id)}">${t("admin.obligations.duty.history")}</a></p>` : nothing}`;
  return renderPage(c, {
    title: t("admin.obligations.duty.title", { duty: dutyLabel(duty.kind), reference: agreement.reference }),
    trail: [["/admin/obligations", t("admin.common.nav.obligations")]],
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
        setFlash(c, t("admin.obligations.flash.done"));
      } else if (step === "waiver") {
        await waiveObligation(ctx, id, { reason: form.text("waiver.reason") });
        setFlash(c, t("admin.obligations.flash.waived"));
      } else {
        await assignObligation(ctx, id, { owner: form.text("owner.owner") ?? null });
        setFlash(c, t("admin.obligations.flash.owner"));
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
