import type { Context } from "hono";
import { changeSummaries, type ChangeSummary } from "../../../core/changes/index.ts";
import { can } from "../../../core/kernel/roles.ts";
import type { AppEnv } from "../../env.ts";
import { type Html, html, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { KIND_LABELS, label, STATUS_LABELS } from "./labels.ts";

/** GET /admin/changes: changes under way (or, with ?scope=past, those in effect or withdrawn), newest first, one page at a time. */
export async function changeListPage(c: Context<AppEnv>): Promise<Response> {
  const query = c.req.query();
  const { items, nextCursor, scope } = await changeSummaries(c.get("ctx"), {
    ...(query.scope ? { scope: query.scope } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  const mayPropose = can(c.get("actor").role, "sub-processors:write");
  const tab = (value: "current" | "past", text: string) =>
    value === scope
      ? html`<strong aria-current="page">${text}</strong>`
      : html`<a href="/admin/changes${value === "past" ? "?scope=past" : ""}">${text}</a>`;
  const body = html`<div class="actions">${mayPropose ? html`<a class="button" href="/admin/changes/new">Propose a change</a>` : nothing}</div>
<nav aria-label="Which changes"><p>${tab("current", "Under way (proposed or announced)")} · ${tab("past", "Past (in effect or withdrawn)")}</p></nav>
<h2>${scope === "current" ? "Changes under way" : "Past changes"}</h2>
${items.length === 0 ? html`<p>No ${scope === "current" ? "change is under way" : "past changes"}.</p>` : table(items)}
${nextCursor ? html`<p><a href="/admin/changes?${new URLSearchParams({ scope, cursor: nextCursor })}">Older changes</a></p>` : nothing}`;
  return renderPage(c, { title: "Sub-processor changes", body });
}

function table(items: ChangeSummary[]): Html {
  return html`<table><thead><tr><th scope="col">Change</th><th scope="col">Status</th><th scope="col">Intended start</th><th scope="col">Earliest start</th><th scope="col">Notices open / closed</th><th scope="col">Objections awaiting a decision</th></tr></thead>
<tbody>${items.map(
    (
      c,
    ) => html`<tr><td><a href="/admin/changes/${seg(c.id)}">${c.vendorName}: ${label(KIND_LABELS, c.kind)}</a>${c.replacesName ? html` <span class="hint">(replaces ${c.replacesName})</span>` : nothing}</td>
<td>${label(STATUS_LABELS, c.status)}</td><td>${c.intendedStart}</td><td>${c.earliestStart ?? "—"}</td>
<td>${c.notices.open} / ${c.notices.closed}</td>
<td>${c.objections.unresolved}${c.objections.late > 0 ? html` <span class="badge late">${c.objections.late} late</span>` : nothing}</td></tr>`,
  )}</tbody></table>`;
}
