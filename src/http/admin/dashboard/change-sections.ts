import type { AnnouncedChange } from "../../../core/dashboard/index.ts";
import { type Html, html, instant, nothing, seg } from "../ui/html.ts";

/** How soon "soon" is for a change becoming effective. */
export const SOON_DAYS = 14;

const KIND_LABELS: Record<string, string> = {
  add: "new sub-processor",
  replace: "replacement",
  remove: "removal",
  change_locations: "new locations",
  change_chain: "new chain",
};

export const kindLabel = (kind: string): string => KIND_LABELS[kind] ?? kind;

export const changeLink = (c: { id: string; vendorName: string; kind: string }): Html =>
  html`<a href="/admin/changes/${seg(c.id)}">${c.vendorName}: ${kindLabel(c.kind)}</a>`;

export function daysText(days: number): string {
  if (days === 0) return "last day today";
  if (days === 1) return "1 day";
  return `${days} days`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Announced changes whose objection windows are still running, with the days left counted on the agreements' calendars. */
export function windowsSection(changes: AnnouncedChange[]): Html {
  const open = changes.filter((c) => c.openWindows.length > 0);
  if (open.length === 0) return html`<p>No objection window is open.</p>`;
  return html`<table><thead><tr><th scope="col">Change</th><th scope="col">Intended start</th><th scope="col">Last day to object</th><th scope="col">Days left</th><th scope="col">Agreements notified</th><th scope="col">Objections received</th></tr></thead>
<tbody>${open.map((c) => {
    const [first, ...later] = c.openWindows;
    if (!first) return nothing;
    const last = later.at(-1);
    return html`<tr><td>${changeLink(c)}</td><td>${c.intendedStart}</td>
<td>${first.lastDay} <span class="hint">(closes ${instant(first.closesAt)}, ${first.timeZone})</span>${last ? html`<br><span class="hint">${plural(later.length, "later window")}, the last on ${last.lastDay}</span>` : nothing}</td>
<td>${first.daysLeft <= 2 ? html`<span class="badge warn">${daysText(first.daysLeft)}</span>` : daysText(first.daysLeft)}</td>
<td>${c.notified}</td>
<td>${c.objections.total}${c.objections.late ? html` <span class="hint">(${c.objections.late} late)</span>` : nothing}</td></tr>`;
  })}</tbody></table>`;
}

function stoppedBecause(c: AnnouncedChange): string {
  const reasons: string[] = [];
  if (c.blocking) reasons.push(`${plural(c.blocking, "objection")} received in time, undecided`);
  if (c.refused) reasons.push(`${plural(c.refused, "authorisation")} refused`);
  if (c.awaiting) reasons.push(`${plural(c.awaiting, "authorisation")} awaited`);
  return reasons.join("; ");
}

/** Changes about to take effect, and those that cannot until someone acts. */
export function effectiveSection(changes: AnnouncedChange[]): Html {
  const soon = changes.filter((c) => (c.verdict === "pending" || c.verdict === "due") && c.daysUntilStart <= SOON_DAYS);
  const stopped = changes.filter((c) => c.verdict === "blocked" || c.verdict === "awaiting_authorisation");
  return html`<h3>Effective within ${SOON_DAYS} days</h3>
${
  soon.length === 0
    ? html`<p>No change takes effect in the next ${SOON_DAYS} days.</p>`
    : html`<table><thead><tr><th scope="col">Change</th><th scope="col">Takes effect</th><th scope="col">In</th></tr></thead>
<tbody>${soon.map(
        (c) => html`<tr><td>${changeLink(c)}</td><td>${c.startDate} <span class="hint">(${instant(c.startsAt)})</span></td>
<td>${c.verdict === "due" ? html`<span class="badge ok">due now</span>` : plural(c.daysUntilStart, "day")}</td></tr>`,
      )}</tbody></table>`
}
<h3>Blocked or waiting</h3>
${
  stopped.length === 0
    ? html`<p>No announced change is held up.</p>`
    : html`<table><thead><tr><th scope="col">Change</th><th scope="col">State</th><th scope="col">Why</th><th scope="col">Intended start</th></tr></thead>
<tbody>${stopped.map(
        (c) => html`<tr><td>${changeLink(c)}</td>
<td>${c.verdict === "blocked" ? html`<span class="badge blocked">blocked</span>` : html`<span class="badge warn">awaiting authorisation</span>`}</td>
<td>${stoppedBecause(c)}</td><td>${c.intendedStart}</td></tr>`,
      )}</tbody></table>`
}`;
}
