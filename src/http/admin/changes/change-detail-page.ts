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
import { countryName } from "../../../core/kernel/i18n/localise.ts";
import { AppError } from "../../../core/kernel/errors.ts";
import { displayName, getEntities, subProcessorKind } from "../../../core/register/index.ts";
import { can } from "../../../core/kernel/roles.ts";
import type { AppEnv, AppWiring } from "../../env.ts";
import { type PostedForm, readForm } from "../../forms/form-reader.ts";
import { daysLeftText, zonedTime } from "../../objection/deadline-text.ts";
import { withPublicBaseUrl } from "../../objection/link-context.ts";
import { setFlash } from "../session-cookie.ts";
import { csrfField, errorSummary, FieldErrors, textArea, textField } from "../ui/fields.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { friendly } from "./form-values.ts";
import {
  CHANNEL_LABELS,
  KIND_LABELS,
  label,
  NOTICE_KIND_LABELS,
  RESOLUTION_LABELS,
  STATUS_LABELS,
  timingBadge,
  verdictBadge,
} from "./labels.ts";

const TRAIL: [string, string][] = [["/admin/changes", "Sub-processor changes"]];

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
  const title = `${vendor?.legalName ?? "Unknown vendor"}: ${label(KIND_LABELS, change.kind)}`;
  const errors = shown.errors ?? new FieldErrors();
  const body = html`${errorSummary(errors)}
${facts(change, vendor?.legalName ?? "—", replaced?.legalName ?? null, activities.map(displayName))}
<h2>Notices</h2>
${change.notices.total === 0 ? html`<p>No notice yet: customers are told when the change is announced.</p>` : noticeTable(notices.items, c.get("ctx").clock.now())}
${notices.nextCursor ? html`<p><a href="/admin/changes/${seg(id)}?cursor=${seg(notices.nextCursor)}">Next notices</a></p>` : nothing}
<h2>Objections</h2>
${objections.length === 0 ? html`<p>No objection received.</p>` : objectionTable(objections)}
${actions(c, change, shown.form?.values ?? {}, errors)}`;
  return renderPage(c, { title, trail: TRAIL, body, status: shown.status });
}

function facts(change: ChangeDetail, vendorName: string, replacedName: string | null, activities: string[]): Html {
  const row = (term: string, value: Html | string | null) => (value === null ? nothing : html`<dt>${term}</dt><dd>${value}</dd>`);
  return html`<dl class="facts">
${row("Where it stands", verdictBadge(change.verdict))}
${row("Status", label(STATUS_LABELS, change.status))}
${row("Kind", label(KIND_LABELS, change.kind))}
${row("Sub-processor", html`<a href="/admin/sub-processors/${seg(change.subProcessorId)}">${vendorName}</a>`)}
${row("Replaces", replacedName && change.replacesId ? html`<a href="/admin/sub-processors/${seg(change.replacesId)}">${replacedName}</a>` : null)}
${row("New locations", change.locations ? change.locations.map((l) => countryName(l.country, "en") + (l.region ? ` (${l.region})` : "")).join(", ") : null)}
${row("Affected activities", activities.join("; ") || "—")}
${row("Reason", displayName(change.reason))}
${row("Intended start", change.intendedStart)}
${row("Earliest start", change.earliestStart ?? "known once announced")}
${row("May take effect from", change.startsAt ? instant(change.startsAt) : null)}
${row("Announced", change.announcedAt ? instant(change.announcedAt) : null)}
${row("In effect since", change.effectiveAt ? instant(change.effectiveAt) : null)}
${row("Withdrawn", change.withdrawnAt ? `${instant(change.withdrawnAt)}: ${change.withdrawalReason ?? ""}` : null)}
${row("Notices", `${change.notices.total} (${change.notices.open} open, ${change.notices.excluded} taken out of the change)`)}
${row("Authorisations awaited / refused", change.notices.authorisationsAwaited + change.notices.authorisationsRefused > 0 ? `${change.notices.authorisationsAwaited} / ${change.notices.authorisationsRefused}` : null)}
${row("Objections", `${change.objections.total} (${change.objections.blocking} blocking, ${change.objections.lateUnresolved} late and undecided)`)}
</dl>`;
}

function actions(c: Context<AppEnv>, change: ChangeDetail, values: Record<string, string>, errors: FieldErrors): Html {
  if (!can(c.get("actor").role, "sub-processors:write") || (change.status !== "proposed" && change.status !== "announced")) return nothing;
  const csrf = c.get("session").csrfToken;
  const base = `/admin/changes/${seg(change.id)}`;
  const announce =
    change.status === "proposed"
      ? html`<h2>Announce</h2><form method="post" action="${base}/announce">${csrfField(csrf)}
<p>Sends one notice per active agreement that covers an affected activity, each with its own deadline.</p>
${textField({ name: "intendedStart", label: "New intended start (optional)", type: "date", value: values.intendedStart, errors, hint: `Leave empty to keep ${change.intendedStart}.` })}
<div class="actions"><button type="submit">Announce</button></div></form>`
      : nothing;
  return html`${announce}<h2>Withdraw</h2>
<form method="post" action="${base}/withdraw" data-confirm="Withdraw this change? Customers who were told are told it is withdrawn.">${csrfField(csrf)}
${textArea({ name: "reason", label: "Reason for withdrawing", value: values.reason, errors, rows: 2, required: true, hint: "Customers who were notified receive it." })}
<div class="actions"><button type="submit" class="danger">Withdraw</button></div></form>`;
}

function noticeTable(notices: NoticeLine[], now: Date): Html {
  return html`<table><thead><tr><th scope="col">Customer and agreement</th><th scope="col">Kind</th><th scope="col">Last day</th><th scope="col">Closes</th><th scope="col">Days left</th><th scope="col">Status</th><th scope="col">Objections</th></tr></thead>
<tbody>${notices.map(
    (n) => html`<tr><td><a href="/admin/notices/${seg(n.id)}">${n.customerName}, ${n.agreementReference}</a></td>
<td>${label(NOTICE_KIND_LABELS, n.kind)}${n.authorisation ? html`<br><span class="hint">Authorisation: ${n.authorisation}</span>` : nothing}</td>
<td>${n.lastDay}</td><td>${zonedTime(n.closesAt, n.timeZone)}</td>
<td>${n.status === "open" ? daysLeftText(n, now) : "—"}</td>
<td>${n.status === "open" ? "Open" : `Closed (${n.outcome}${n.outcomeReason ? `: ${n.outcomeReason}` : ""})`}</td>
<td>${n.objections.total}${n.objections.unresolved > 0 ? ` (${n.objections.unresolved} undecided)` : ""}</td></tr>`,
  )}</tbody></table>`;
}

function objectionTable(objections: ObjectionLine[]): Html {
  return html`<table><thead><tr><th scope="col">Objection</th><th scope="col">Received</th><th scope="col">Timing</th><th scope="col">Channel</th><th scope="col">Decision</th></tr></thead>
<tbody>${objections.map(
    (o) => html`<tr><td><a href="/admin/objections/${seg(o.id)}">Objection of ${o.customerName} (${o.agreementReference})</a></td>
<td>${instant(o.receivedAt)}</td><td>${timingBadge(o.onTime)}</td><td>${label(CHANNEL_LABELS, o.channel)}</td>
<td>${o.resolution ? label(RESOLUTION_LABELS, o.resolution) : html`<span class="badge warn">Awaiting a decision</span>`}</td></tr>`,
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
    setFlash(
      c,
      `Announced: ${change.notices.total} notice(s) queued for sending. Work may start on ${change.earliestStart ?? change.intendedStart} at the earliest.`,
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
  setFlash(c, "Change withdrawn; customers who were told are being told.");
  return c.redirect(`/admin/changes/${seg(id)}`, 303);
}
