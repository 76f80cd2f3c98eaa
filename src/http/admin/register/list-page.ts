import type { Context } from "hono";
import { type EntityMeta, listEntities } from "../../../core/register/index.ts";
import { can } from "../../../core/kernel/roles.ts";
import type { AppEnv } from "../../env.ts";
import { type Html, html, nothing, seg } from "../ui/html.ts";
import { renderPage } from "../ui/page.ts";
import { loadNames } from "./choices.ts";
import { type Column, coreKind, type KindPage } from "./register-kinds.ts";

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
    ? html`<form method="get" action="${base}" class="inline"><div class="check"><input type="checkbox" id="show-archived" name="archived" value="show"${showArchived ? html` checked` : nothing}><label for="show-archived">Show archived ${page.plural.toLowerCase()}</label></div> <button type="submit" class="secondary">Apply</button></form>`
    : nothing;
  const add = can(c.get("actor").role, page.writePermission)
    ? html`<a class="button" href="${base}/new">Add ${page.singular}</a>`
    : nothing;
  const table = items.length
    ? html`<table><thead><tr><th scope="col">Name</th>${page.columns.map((col) => html`<th scope="col">${col.label}</th>`)}${archives ? html`<th scope="col">Archived</th>` : nothing}</tr></thead>
<tbody>${items.map(
        (e) =>
          html`<tr><td><a href="${base}/${seg(e.id)}">${page.title(e)}</a></td>${page.columns.map((col) => html`<td>${cell(col, e, names)}</td>`)}${
            archives
              ? html`<td>${e.archivedAt ? html`<span class="badge">Archived ${e.archivedAt.slice(0, 10)}</span>` : "No"}</td>`
              : nothing
          }</tr>`,
      )}</tbody></table>`
    : html`<p>No ${page.plural.toLowerCase()}${showArchived ? "" : archives ? " (archived ones are hidden)" : ""} yet.</p>`;
  const paging = html`<div class="actions">${cursor ? html`<a href="${base}${query({})}">First page</a>` : nothing}${
    result.nextCursor ? html`<a href="${base}${query({ cursor: result.nextCursor })}">Next page</a>` : nothing
  }</div>`;

  return renderPage(c, {
    title: page.plural,
    body: html`<div class="actions">${add}${filter}</div>${table}${paging}`,
  });
}

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
