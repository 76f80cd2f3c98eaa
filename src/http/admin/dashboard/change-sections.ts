import type { AnnouncedChange } from "../../../core/dashboard/index.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";
import { t, uiDate } from "../ui/ui-language.ts";
import { counted } from "../ui/ui-text.ts";

/** How soon "soon" is for a change becoming effective. */
export const SOON_DAYS = 14;

/** The kinds of change with a label in the catalogue; any other is shown by its code. */
const KINDS = new Set(["add", "replace", "remove", "change_locations", "change_chain"]);

export const kindLabel = (kind: string): string => (KINDS.has(kind) ? t(`admin.dashboard.changeKind.${kind}`) : kind);

export const changeLink = (c: { id: string; vendorName: string; kind: string }): Html =>
  html`<a href="/admin/changes/${seg(c.id)}">${t("admin.dashboard.changeLink", { vendor: c.vendorName, kind: kindLabel(c.kind) })}</a>`;

export function daysText(days: number): string {
  return days === 0 ? t("admin.dashboard.days.lastDay") : counted("admin.dashboard.days", days);
}

const th = (key: string) => html`<th scope="col">${t(key)}</th>`;

/** Announced changes whose objection windows are still running, with the days left counted on the agreements' calendars. */
export function windowsSection(changes: AnnouncedChange[]): Html {
  const open = changes.filter((c) => c.openWindows.length > 0);
  if (open.length === 0) return html`<p>${t("admin.dashboard.windows.none")}</p>`;
  return html`<table><thead><tr>${th("admin.dashboard.change")}${th("admin.dashboard.intendedStart")}${th("admin.dashboard.windows.lastDay")}${th("admin.dashboard.windows.daysLeft")}${th("admin.dashboard.windows.notified")}${th("admin.dashboard.windows.objections")}</tr></thead>
<tbody>${open.map((c) => {
    const [first, ...later] = c.openWindows;
    if (!first) return nothing;
    const last = later.at(-1);
    return html`<tr><td>${changeLink(c)}</td><td>${uiDate(c.intendedStart)}</td>
<td>${uiDate(first.lastDay)} <span class="hint">${t("admin.dashboard.windows.closes", { at: instant(first.closesAt), timeZone: first.timeZone })}</span>${last ? html`<br><span class="hint">${counted("admin.dashboard.windows.later", later.length, { date: uiDate(last.lastDay) })}</span>` : nothing}</td>
<td>${first.daysLeft <= 2 ? html`<span class="badge warn">${daysText(first.daysLeft)}</span>` : daysText(first.daysLeft)}</td>
<td>${c.notified}</td>
<td>${c.objections.total}${c.objections.late ? html` <span class="hint">${t("admin.dashboard.windows.late", { n: c.objections.late })}</span>` : nothing}</td></tr>`;
  })}</tbody></table>`;
}

function stoppedBecause(c: AnnouncedChange): string {
  const reasons: string[] = [];
  if (c.blocking) reasons.push(counted("admin.dashboard.stopped.objections", c.blocking));
  if (c.refused) reasons.push(counted("admin.dashboard.stopped.refused", c.refused));
  if (c.awaiting) reasons.push(counted("admin.dashboard.stopped.awaiting", c.awaiting));
  return reasons.join(t("admin.dashboard.stopped.separator"));
}

/** Changes about to take effect, and those that cannot until someone acts. */
export function effectiveSection(changes: AnnouncedChange[]): Html {
  const soon = changes.filter((c) => (c.verdict === "pending" || c.verdict === "due") && c.daysUntilStart <= SOON_DAYS);
  const stopped = changes.filter((c) => c.verdict === "blocked" || c.verdict === "awaiting_authorisation");
  return html`<h3>${t("admin.dashboard.effective.title", { n: SOON_DAYS })}</h3>
${
  soon.length === 0
    ? html`<p>${t("admin.dashboard.effective.none", { n: SOON_DAYS })}</p>`
    : html`<table><thead><tr>${th("admin.dashboard.change")}${th("admin.dashboard.effective.takesEffect")}${th("admin.dashboard.effective.in")}</tr></thead>
<tbody>${soon.map(
        (c) => html`<tr><td>${changeLink(c)}</td><td>${uiDate(c.startDate)} <span class="hint">(${instant(c.startsAt)})</span></td>
<td>${c.verdict === "due" ? html`<span class="badge ok">${t("admin.dashboard.effective.dueNow")}</span>` : counted("admin.dashboard.days", c.daysUntilStart)}</td></tr>`,
      )}</tbody></table>`
}
<h3>${t("admin.dashboard.stopped.title")}</h3>
${
  stopped.length === 0
    ? html`<p>${t("admin.dashboard.stopped.none")}</p>`
    : html`<table><thead><tr>${th("admin.dashboard.change")}${th("admin.dashboard.stopped.state")}${th("admin.dashboard.stopped.why")}${th("admin.dashboard.intendedStart")}</tr></thead>
<tbody>${stopped.map(
        (c) => html`<tr><td>${changeLink(c)}</td>
<td>${c.verdict === "blocked" ? html`<span class="badge blocked">${t("admin.dashboard.stopped.blocked")}</span>` : html`<span class="badge warn">${t("admin.dashboard.stopped.awaitingAuthorisation")}</span>`}</td>
<td>${stoppedBecause(c)}</td><td>${uiDate(c.intendedStart)}</td></tr>`,
      )}</tbody></table>`
}`;
}
