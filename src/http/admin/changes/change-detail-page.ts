import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import {
  activityNames,
  announceChange,
  changeDetail,
  type ChangeDetail,
  type NoticeLine,
  noticeLines,
  type ObjectionLine,
  objectionLines,
  withdrawChange,
} from "../../../core/changes/index.ts";
import { countryName, pickRequired } from "../../../core/kernel/i18n/localise.ts";
import { AppError } from "../../../core/kernel/errors.ts";
import { getEntities, subProcessorKind } from "../../../core/register/index.ts";
import { can } from "../../../core/kernel/roles.ts";
import type { AppEnv, AppWiring } from "../../env.ts";
import { type PostedForm, readForm } from "../../forms/form-reader.ts";
import { daysLeft, zonedTime } from "../../objection/deadline-text.ts";
import { withPublicBaseUrl } from "../../objection/link-context.ts";
import { setFlash } from "../session-cookie.ts";
import { csrfField, errorSummary, FieldErrors, textArea, textField } from "../ui/fields.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { t, uiDate, uiLanguage, uiNumber } from "../ui/ui-language.ts";
import { friendly } from "./form-values.ts";
import {
  authorisationWord,
  changeTitle,
  channelLabel,
  closingReason,
  daysLeftWords,
  kindLabel,
  noticeKindLabel,
  outcomeWord,
  resolutionLabel,
  statusLabel,
  timingBadge,
  verdictBadge,
} from "./labels.ts";

const trail = (): [string, string][] => [["/admin/changes", t("admin.changes.title")]];

interface Shown {
  form?: PostedForm;
  errors?: FieldErrors;
  status?: ContentfulStatusCode;
}

/** GET /admin/changes/:id: the change, where it stands, its notices (a page at a time) and objections, and what may be done next. */
export async function changePage(c: Context<AppEnv>, shown: Shown = {}): Promise<Response> {
  const ctx = c.get("ctx");
  const id = c.req.param("id") ?? "";
  const change = await changeDetail(ctx, id);
  const cursor = c.req.method === "GET" ? c.req.query("cursor") : undefined;
  const [vendors, activities, notices, objections] = await Promise.all([
    getEntities(ctx, subProcessorKind, [change.subProcessorId, ...(change.replacesId ? [change.replacesId] : [])]),
    activityNames(ctx, change.activityIds),
    noticeLines(ctx, id, { limit: "100", ...(cursor ? { cursor } : {}) }),
    objectionLines(ctx, id),
  ]);
  const vendor = vendors.find((v) => v.id === change.subProcessorId);
  const replaced = vendors.find((v) => v.id === change.replacesId);
  const title = changeTitle(vendor?.legalName, change.kind);
  const errors = shown.errors ?? new FieldErrors();
  const lang = uiLanguage();
  const body = html`${errorSummary(errors)}
${facts(
  change,
  vendor?.legalName ?? "—",
  replaced?.legalName ?? null,
  activities.map((a) => pickRequired(a, lang)),
)}
<h2>${t("admin.changes.notices")}</h2>
${change.notices.total === 0 ? html`<p>${t("admin.changes.detail.noNotice")}</p>` : noticeTable(notices.items, c.get("ctx").clock.now())}
${notices.nextCursor ? html`<p><a href="/admin/changes/${seg(id)}?cursor=${seg(notices.nextCursor)}">${t("admin.changes.detail.nextNotices")}</a></p>` : nothing}
<h2>${t("admin.changes.objections")}</h2>
${objections.length === 0 ? html`<p>${t("admin.changes.detail.noObjection")}</p>` : objectionTable(objections)}
${actions(c, change, shown.form?.values ?? {}, errors)}`;
  return renderPage(c, { title, trail: trail(), body, status: shown.status });
}

function facts(change: ChangeDetail, vendorName: string, replacedName: string | null, activities: string[]): Html {
  const row = (term: string, value: Html | string | null) => (value === null ? nothing : html`<dt>${t(term)}</dt><dd>${value}</dd>`);
  const lang = uiLanguage();
  const { notices, objections } = change;
  return html`<dl class="facts">
${row("admin.changes.fact.verdict", verdictBadge(change.verdict))}
${row("admin.common.status", statusLabel(change.status))}
${row("admin.changes.fact.kind", kindLabel(change.kind))}
${row("admin.changes.fact.subProcessor", html`<a href="/admin/sub-processors/${seg(change.subProcessorId)}">${vendorName}</a>`)}
${row("admin.changes.fact.replaces", replacedName && change.replacesId ? html`<a href="/admin/sub-processors/${seg(change.replacesId)}">${replacedName}</a>` : null)}
${row("admin.changes.fact.newLocations", change.locations ? change.locations.map((l) => countryName(l.country, lang) + (l.region ? ` (${l.region})` : "")).join(", ") : null)}
${row("admin.changes.fact.activities", activities.join("; ") || "—")}
${row("admin.changes.fact.reason", pickRequired(change.reason, lang))}
${row("admin.changes.fact.intendedStart", uiDate(change.intendedStart))}
${row("admin.changes.fact.earliestStart", change.earliestStart ? uiDate(change.earliestStart) : t("admin.changes.fact.earliestStart.unknown"))}
${row("admin.changes.fact.startsAt", change.startsAt ? instant(change.startsAt) : null)}
${row("admin.changes.fact.announced", change.announcedAt ? instant(change.announcedAt) : null)}
${row("admin.changes.fact.effective", change.effectiveAt ? instant(change.effectiveAt) : null)}
${row("admin.changes.fact.withdrawn", change.withdrawnAt ? `${instant(change.withdrawnAt)}: ${change.withdrawalReason ?? ""}` : null)}
${row("admin.changes.notices", t("admin.changes.fact.noticeCounts", { total: uiNumber(notices.total), open: uiNumber(notices.open), excluded: uiNumber(notices.excluded) }))}
${row("admin.changes.fact.authorisations", notices.authorisationsAwaited + notices.authorisationsRefused > 0 ? `${uiNumber(notices.authorisationsAwaited)} / ${uiNumber(notices.authorisationsRefused)}` : null)}
${row("admin.changes.objections", t("admin.changes.fact.objectionCounts", { total: uiNumber(objections.total), blocking: uiNumber(objections.blocking), late: uiNumber(objections.lateUnresolved) }))}
</dl>`;
}

function actions(c: Context<AppEnv>, change: ChangeDetail, values: Record<string, string>, errors: FieldErrors): Html {
  if (!can(c.get("actor").role, "sub-processors:write") || (change.status !== "proposed" && change.status !== "announced")) return nothing;
  const csrf = c.get("session").csrfToken;
  const base = `/admin/changes/${seg(change.id)}`;
  const announce =
    change.status === "proposed"
      ? html`<h2>${t("admin.changes.announce")}</h2><form method="post" action="${base}/announce">${csrfField(csrf)}
<p>${t("admin.changes.announce.intro")}</p>
${textField({ name: "intendedStart", label: t("admin.changes.announce.intendedStart"), type: "date", value: values.intendedStart, errors, hint: t("admin.changes.announce.intendedStartHint", { date: uiDate(change.intendedStart) }) })}
<div class="actions"><button type="submit">${t("admin.changes.announce")}</button></div></form>`
      : nothing;
  return html`${announce}<h2>${t("admin.changes.withdraw")}</h2>
<form method="post" action="${base}/withdraw" data-confirm="${t("admin.changes.withdraw.confirm")}">${csrfField(csrf)}
${textArea({ name: "reason", label: t("admin.changes.withdraw.reason"), value: values.reason, errors, rows: 2, required: true, hint: t("admin.changes.withdraw.reasonHint") })}
<div class="actions"><button type="submit" class="danger">${t("admin.changes.withdraw")}</button></div></form>`;
}

function noticeTable(notices: NoticeLine[], now: Date): Html {
  const lang = uiLanguage();
  return html`<table><thead><tr><th scope="col">${t("admin.changes.col.customerAndAgreement")}</th><th scope="col">${t("admin.changes.fact.kind")}</th><th scope="col">${t("admin.changes.col.lastDay")}</th><th scope="col">${t("admin.changes.col.closes")}</th><th scope="col">${t("admin.changes.daysLeft")}</th><th scope="col">${t("admin.common.status")}</th><th scope="col">${t("admin.changes.objections")}</th></tr></thead>
<tbody>${notices.map(
    (n) => html`<tr><td><a href="/admin/notices/${seg(n.id)}">${n.customerName}, ${n.agreementReference}</a></td>
<td>${noticeKindLabel(n.kind)}${n.authorisation ? html`<br><span class="hint">${t("admin.changes.notice.authorisationIs", { answer: authorisationWord(n.authorisation) })}</span>` : nothing}</td>
<td>${uiDate(n.lastDay)}</td><td>${zonedTime(n.closesAt, n.timeZone, lang)}</td>
<td>${n.status === "open" ? daysLeftWords(daysLeft(n, now)) : "—"}</td>
<td>${n.status === "open" ? t("admin.changes.notice.open") : closedText(n.outcome, n.outcomeReason)}</td>
<td>${uiNumber(n.objections.total)}${n.objections.unresolved > 0 ? ` ${t("admin.changes.undecidedCount", { n: uiNumber(n.objections.unresolved) })}` : ""}</td></tr>`,
  )}</tbody></table>`;
}

/** "Closed (excluded: change withdrawn)": a closed notice's outcome, and why when known. */
function closedText(outcome: string, reason: string | null): string {
  const why = reason
    ? t("admin.changes.notice.closedWhy", { outcome: outcomeWord(outcome), reason: closingReason(reason) })
    : outcomeWord(outcome);
  return t("admin.changes.notice.closed", { why });
}

function objectionTable(objections: ObjectionLine[]): Html {
  return html`<table><thead><tr><th scope="col">${t("admin.changes.col.objection")}</th><th scope="col">${t("admin.changes.fact.received")}</th><th scope="col">${t("admin.changes.fact.timing")}</th><th scope="col">${t("admin.changes.fact.channel")}</th><th scope="col">${t("admin.changes.fact.decision")}</th></tr></thead>
<tbody>${objections.map(
    (
      o,
    ) => html`<tr><td><a href="/admin/objections/${seg(o.id)}">${t("admin.changes.objection.ofAgreement", { customer: o.customerName, reference: o.agreementReference })}</a></td>
<td>${instant(o.receivedAt)}</td><td>${timingBadge(o.onTime)}</td><td>${channelLabel(o.channel)}</td>
<td>${o.resolution ? resolutionLabel(o.resolution) : html`<span class="badge warn">${t("admin.changes.awaitingDecision")}</span>`}</td></tr>`,
  )}</tbody></table>`;
}

/** POST /admin/changes/:id/announce */
export function announceHandler(deps: AppWiring) {
  return async (c: Context<AppEnv>): Promise<Response> => {
    const form = await readForm(c);
    const intendedStart = form.text("intendedStart");
    try {
      await announceChange(withPublicBaseUrl(c, deps.publicBaseUrl), c.req.param("id") ?? "", intendedStart ? { intendedStart } : {});
    } catch (error) {
      if (error instanceof AppError && error.code === "validation")
        return changePage(c, { form, errors: new FieldErrors(friendly(error.issues)), status: 422 });
      throw error;
    }
    const change = await changeDetail(c.get("ctx"), c.req.param("id") ?? "");
    const count = change.notices.total;
    setFlash(
      c,
      t(count === 1 ? "admin.changes.flash.announced.one" : "admin.changes.flash.announced.other", {
        count: uiNumber(count),
        date: uiDate(change.earliestStart ?? change.intendedStart),
      }),
    );
    return c.redirect(`/admin/changes/${seg(change.id)}`, 303);
  };
}

/** POST /admin/changes/:id/withdraw */
export async function withdrawHandler(c: Context<AppEnv>): Promise<Response> {
  const form = await readForm(c);
  const id = c.req.param("id") ?? "";
  try {
    await withdrawChange(c.get("ctx"), id, { reason: form.value("reason") });
  } catch (error) {
    if (error instanceof AppError && error.code === "validation")
      return changePage(c, { form, errors: new FieldErrors(friendly(error.issues)), status: 422 });
    throw error;
  }
  setFlash(c, t("admin.changes.flash.withdrawn"));
  return c.redirect(`/admin/changes/${seg(id)}`, 303);
}
