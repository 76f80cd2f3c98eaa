import type { Context } from "hono";
import { type EntityMeta, listEntities } from "../../../core/register/index.ts";
import { can } from "../../../core/kernel/roles.ts";
import type { AppEnv } from "../../env.ts";
import { type Html, html, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { t, uiDate } from "../ui/ui-language.ts";
import { loadNames } from "./choices.ts";
import { type Column, coreKind, type KindPage, kindText } from "./register-kinds.ts";

const PAGE_SIZE = "50";

/** One page of a kind's entities, oldest first, with "show archived" for kinds that archive. */
export async function listPage(c: Context<AppEnv>, page: KindPage): Promise<Response> {
  const kind = coreKind(page);
  const archives = kind.removal === "archive";
  const showArchived = archives && c.req.query("archived") === "show";
  const cursor = c.req.query("cursor");
  const result = await listEntities(c.get("ctx"), kind, {
    limit: PAGE_SIZE,
    ...(cursor ? { cursor } : {}),
    ...(showArchived ? { includeArchived: "true" } : {}),
  });
  const items = result.items as EntityMeta[];
  const names = await loadNames(c.get("ctx"), referencedByColumns(page.columns, items));
  const base = `/admin/${page.segment}`;
  const query = (extra: Record<string, string>) => `?${new URLSearchParams({ ...(showArchived ? { archived: "show" } : {}), ...extra })}`;

  const filter = archives
    ? html`<form method="get" action="${base}" class="inline"><div class="check"><input type="checkbox" id="show-archived" name="archived" value="show"${showArchived ? html` checked` : nothing}><label for="show-archived">${kindText(page, "showArchived")}</label></div> <button type="submit" class="secondary">${t("admin.register.list.apply")}</button></form>`
    : nothing;
  const add = can(c.get("actor").role, page.writePermission)
    ? html`<a class="button" href="${base}/new">${kindText(page, "add")}</a>`
    : nothing;
  const table = items.length
    ? html`<table><thead><tr><th scope="col">${t("admin.common.name")}</th>${page.columns.map((col) => html`<th scope="col">${t(col.heading)}</th>`)}${
        archives ? html`<th scope="col">${t("admin.register.list.archived")}</th>` : nothing
      }</tr></thead>
<tbody>${items.map(
        (e) =>
          html`<tr><td><a href="${base}/${seg(e.id)}">${page.title(e)}</a></td>${page.columns.map((col) => html`<td>${cell(col, e, names)}</td>`)}${
            archives ? html`<td>${e.archivedAt ? archivedBadge(e.archivedAt) : t("admin.common.no")}</td>` : nothing
          }</tr>`,
      )}</tbody></table>`
    : html`<p>${kindText(page, archives && !showArchived ? "emptyArchivedHidden" : "empty")}</p>`;
  const paging = html`<div class="actions">${cursor ? html`<a href="${base}${query({})}">${t("admin.register.list.firstPage")}</a>` : nothing}${
    result.nextCursor ? html`<a href="${base}${query({ cursor: result.nextCursor })}">${t("admin.register.list.nextPage")}</a>` : nothing
  }</div>`;

  return renderPage(c, {
    title: kindText(page, "plural"),
    body: html`<div class="actions">${add}${filter}</div>${table}${paging}`,
  });
}

/** When an entity was archived: the day in the badge, the instant in its tooltip. */
const archivedBadge = (archivedAt: string): Html =>
  html`<span class="badge" title="${archivedAt}">${t("admin.register.list.archivedOn", { date: uiDate(archivedAt) })}</span>`;

function cell(column: Column<EntityMeta>, entity: EntityMeta, names: Map<string, Map<string, string>>): Html {
  if ("text" in column) return html`${column.text(entity)}`;
  const id = column.id(entity);
  if (!id) return html`—`;
  const name = names.get(column.source)?.get(id) ?? id;
  return html`<a href="/admin/${column.source}/${seg(id)}">${name}</a>`;
}

function referencedByColumns(columns: Column<EntityMeta>[], items: EntityMeta[]): Map<string, Set<string>> {
  const ids = new Map<string, Set<string>>();
  for (const column of columns) {
    if ("text" in column) continue;
    const set = ids.get(column.source) ?? new Set<string>();
    for (const e of items) {
      const id = column.id(e);
      if (id) set.add(id);
    }
    ids.set(column.source, set);
  }
  return ids;
}
