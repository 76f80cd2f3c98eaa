import type { Context } from "hono";
import { changeSummaries, type ChangeSummary } from "../../../core/changes/index.ts";
import { can } from "../../../core/kernel/roles.ts";
import type { AppEnv } from "../../env.ts";
import { type Html, html, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { t, uiDate, uiNumber } from "../ui/ui-language.ts";
import { changeTitle, statusLabel } from "./labels.ts";

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
  const current = scope === "current";
  const body = html`<div class="actions">${mayPropose ? html`<a class="button" href="/admin/changes/new">${t("admin.changes.list.propose")}</a>` : nothing}</div>
<nav aria-label="${t("admin.changes.list.tabs")}"><p>${tab("current", t("admin.changes.list.tab.current"))} · ${tab("past", t("admin.changes.list.tab.past"))}</p></nav>
<h2>${current ? t("admin.changes.list.heading.current") : t("admin.changes.list.heading.past")}</h2>
${items.length === 0 ? html`<p>${current ? t("admin.changes.list.empty.current") : t("admin.changes.list.empty.past")}</p>` : table(items)}
${nextCursor ? html`<p><a href="/admin/changes?${new URLSearchParams({ scope, cursor: nextCursor })}">${t("admin.changes.list.older")}</a></p>` : nothing}`;
  return renderPage(c, { title: t("admin.changes.title"), body });
}

function table(items: ChangeSummary[]): Html {
  return html`<table><thead><tr><th scope="col">${t("admin.changes.list.col.change")}</th><th scope="col">${t("admin.common.status")}</th><th scope="col">${t("admin.changes.fact.intendedStart")}</th><th scope="col">${t("admin.changes.fact.earliestStart")}</th><th scope="col">${t("admin.changes.list.col.notices")}</th><th scope="col">${t("admin.changes.list.col.awaiting")}</th></tr></thead>
<tbody>${items.map(
    (
      c,
    ) => html`<tr><td><a href="/admin/changes/${seg(c.id)}">${changeTitle(c.vendorName, c.kind)}</a>${c.replacesName ? html` <span class="hint">${t("admin.changes.list.replaces", { name: c.replacesName })}</span>` : nothing}</td>
<td>${statusLabel(c.status)}</td><td>${uiDate(c.intendedStart)}</td><td>${c.earliestStart ? uiDate(c.earliestStart) : "—"}</td>
<td>${uiNumber(c.notices.open)} / ${uiNumber(c.notices.closed)}</td>
<td>${uiNumber(c.objections.unresolved)}${c.objections.late > 0 ? html` <span class="badge late">${t("admin.changes.lateCount", { n: uiNumber(c.objections.late) })}</span>` : nothing}</td></tr>`,
  )}</tbody></table>`;
}
